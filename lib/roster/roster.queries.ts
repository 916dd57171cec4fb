// Reading the lists: the due and overdue ones for the home pages, a batch with its diff page by
// page, and the current list in the 附件2 layout.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import type { Db } from "@/lib/db";
import { ROSTER_BUREAUS, type RosterBureau } from "@/lib/roster/roster-categories";
import { chinaToday } from "@/lib/roster/roster-dates";
import { dueDateOf, lastQuarter } from "@/lib/roster/roster-period";

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
