// Reading the lists: the due and overdue ones for the home pages, a batch with its diff page by
// page, and the current list in the 附件2 layout.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import type { Db } from "@/lib/db";
import { ROSTER_BUREAUS, type RosterBureau } from "@/lib/roster/roster-categories";
import { chinaToday } from "@/lib/roster/roster-dates";
import { dueDateOf, lastQuarter } from "@/lib/roster/roster-period";
import { rosterProgressOf, type RosterProgress } from "@/lib/roster/roster-progress";
import { isPathInScope, regionWhere } from "@/lib/regions/scope";
import { getFile } from "@/lib/storage/file-store";

const iso = (d: Date) => d.toISOString().slice(0, 10);

export type DueList =
  | { kind: "TO_SEND"; bureau: RosterBureau; period: string; dueOn: string | null; missingYear: number | null; overdue: boolean }
  /** `late`: confirmed after its due date. */
  | { kind: "TO_ACKNOWLEDGE"; batchId: string; bureau: RosterBureau; period: string; dueOn: string | null; confirmedAt: string; late: boolean };

/**
 * For 民政局 and 退役军人事务局: last quarter's list while it is not confirmed, with its due date
 * (or the missing calendar year). For 医保局: confirmed lists it has not acknowledged yet.
 */
export async function dueLists(db: Db, actor: Actor, now: Date = new Date()): Promise<DueList[]> {
  const today = chinaToday(now);
  const bureau = ROSTER_BUREAUS.find((b) => b === actor.role);
  if (bureau) {
    const period = lastQuarter(today);
    const sent = await db.rosterBatch.count({ where: { regionCode: actor.regionCode, bureau, period: period.key, state: { in: ["APPLYING", "CONFIRMED", "ACKNOWLEDGED"] } } });
    if (sent > 0) return [];
    const due = dueDateOf(await loadWorkingCalendar(db), period);
    return [{ kind: "TO_SEND", bureau, period: period.key, dueOn: due.ok ? due.due : null, missingYear: due.ok ? null : due.missingYear, overdue: due.ok && today > due.due }];
  }
  if (actor.role !== "MEDICAL_SECURITY") return [];
  const batches = await db.rosterBatch.findMany({ where: { regionCode: actor.regionCode, state: "CONFIRMED" }, orderBy: { confirmedAt: "asc" } });
  return batches.map((b) => ({
    kind: "TO_ACKNOWLEDGE" as const, batchId: b.id, bureau: b.bureau, period: b.period, dueOn: b.dueOn ? iso(b.dueOn) : null, confirmedAt: b.confirmedAt!.toISOString(), late: b.dueOn !== null && chinaToday(b.confirmedAt!) > iso(b.dueOn),
  }));
}

export const ROSTER_PAGE_SIZE = 50;

function mayRead(actor: Actor): boolean {
  return actor.role === "CIVIL_AFFAIRS" || actor.role === "VETERANS_AFFAIRS" || actor.role === "MEDICAL_SECURITY";
}

/** The county's lists: a bureau sees its own, the medical-security bureau the confirmed ones. */
export async function rosterBatches(db: Db, actor: Actor) {
  if (!mayRead(actor)) return [];
  const bureau = ROSTER_BUREAUS.find((b) => b === actor.role);
  return db.rosterBatch.findMany({
    where: { region: regionWhere(actor), ...(bureau ? { bureau } : { state: { in: ["CONFIRMED", "ACKNOWLEDGED"] } }) },
    orderBy: { uploadedAt: "desc" },
    take: 100,
  });
}

export const ENTRY_KINDS = ["ADDED", "REMOVED", "CHANGED"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const RUN_SELECT = { select: { state: true, done: true, total: true, attempts: true, checkpoint: true } } as const;

/** The list itself, with its current run; null outside the actor's reach (region, bureau, state). */
async function visibleBatch(db: Db, actor: Actor, id: string) {
  if (!mayRead(actor) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const batch = await db.rosterBatch.findUnique({ where: { id }, include: { region: { select: { path: true, name: true } }, jobRun: RUN_SELECT } });
  if (!batch || !isPathInScope(actor, batch.region.path)) return null;
  const bureau = ROSTER_BUREAUS.find((b) => b === actor.role);
  if (bureau ? bureau !== batch.bureau : !["CONFIRMED", "ACKNOWLEDGED"].includes(batch.state)) return null;
  return batch;
}

// A list that failed before its comparison ended has no diff to show (a partial one would mislead).
const CHECK_FAILURE = /^roster\.(file\.|checkFailed$)/;

/**
 * One list with a page of its changes (all, or one kind) and a page of its row errors, once its
 * comparison has ended; null outside the actor's reach.
 */
export async function rosterBatch(db: Db, actor: Actor, id: string, { page, errorsPage, kind }: { page: number; errorsPage: number; kind: EntryKind | null }) {
  const batch = await visibleBatch(db, actor, id);
  if (!batch) return null;
  const compared = batch.state === "FAILED" ? !CHECK_FAILURE.test(batch.failureKey ?? "") : batch.state === "SUPERSEDED" ? batch.rows > 0 : batch.state !== "CHECKING";
  const counts = { ADDED: batch.added, REMOVED: batch.removed, CHANGED: batch.changed };
  const [entries, errors, townships] = compared
    ? await Promise.all([
        db.rosterEntry.findMany({ where: { batchId: id, ...(kind ? { kind } : {}) }, orderBy: { rowNo: "asc" }, skip: (page - 1) * ROSTER_PAGE_SIZE, take: ROSTER_PAGE_SIZE }),
        db.rosterRowError.findMany({ where: { batchId: id }, orderBy: [{ rowNo: "asc" }, { code: "asc" }], skip: (errorsPage - 1) * ROSTER_PAGE_SIZE, take: ROSTER_PAGE_SIZE }),
        db.region.findMany({ where: { parentCode: batch.regionCode }, select: { code: true, name: true } }),
      ])
    : [[], [], []];
  return {
    batch,
    compared,
    progress: rosterProgressOf(batch.state, batch.jobRun),
    entries,
    entryCount: kind ? counts[kind] : batch.added + batch.removed + batch.changed,
    counts,
    errors,
    townshipName: new Map(townships.map((r) => [r.code, r.name])),
  };
}

/** How far the list's job has got, for its page's progress bar; null outside the actor's reach. */
export async function rosterProgress(db: Db, actor: Actor, id: string): Promise<RosterProgress | null> {
  const batch = await visibleBatch(db, actor, id);
  return batch ? rosterProgressOf(batch.state, batch.jobRun) : null;
}

/** The certificate PDF of a confirmed list, for its bureau and the medical-security bureau. */
export async function rosterCertificate(db: Db, actor: Actor, id: string) {
  const batch = await visibleBatch(db, actor, id);
  if (!batch?.certificateFileId) return null;
  const file = await getFile(db, batch.certificateFileId);
  if (!file) return null;
  return { ...file, fileName: `certificate-${batch.period}-${batch.bureau}.pdf` };
}
