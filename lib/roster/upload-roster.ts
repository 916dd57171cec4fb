import { assertCan } from "@/lib/auth/decide";
import type { CommandActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { defineCommand } from "@/lib/command";
import type { Tx } from "@/lib/db";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { putFile } from "@/lib/storage/file-store";
import { ROSTER_BUREAUS, type RosterBureau } from "@/lib/roster/roster-categories";
import { loadDiffContext } from "@/lib/roster/roster-context";
import { chinaToday } from "@/lib/roster/roster-dates";
import { diffRoster, type RosterDiff } from "@/lib/roster/roster-diff";
import { parseRosterFile } from "@/lib/roster/roster-file";
import { dueDateOf, parsePeriod } from "@/lib/roster/roster-period";
import { uploadRosterSchema } from "@/lib/roster/roster.schema";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CHUNK = 5_000;

/** The bureau a user uploads for is their own: 民政局 the assistance lists, 退役军人事务局 the 优抚 ones. */
export function bureauOf(actor: CommandActor, action: string): RosterBureau {
  const role = actor.kind === "user" ? actor.role : null;
  const bureau = ROSTER_BUREAUS.find((b) => b === role);
  if (!bureau) throw new ForbiddenError({ action, entity: "roster" });
  return bureau;
}

export async function countyOf(tx: Tx, actor: CommandActor, action: "roster:upload") {
  const county = await tx.region.findUniqueOrThrow({ where: { code: actor.regionCode }, select: { code: true, path: true, name: true, level: true } });
  assertCan(actor, action, { entity: "region", id: county.code, regionPath: county.path });
  if (county.level !== "COUNTY") throw new DomainError("roster.countyOnly");
  return county;
}

/** Writes a diff's entries and row errors under its batch, in chunks the driver accepts. */
export async function storeDiff(tx: Tx, batchId: string, diff: RosterDiff) {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  for (let i = 0; i < diff.entries.length; i += CHUNK) {
    await tx.rosterEntry.createMany({
      data: diff.entries.slice(i, i + CHUNK).map((e) => ({
        batchId, rowNo: e.rowNo, kind: e.kind, personId: e.personId, idNumber: e.idNumber, name: e.name, townshipCode: e.townshipCode, category: e.category,
        previous: e.previous, removedOn: e.removedOn ? day(e.removedOn) : null, householdSize: e.householdSize, reason: e.reason.slice(0, 200),
        effectiveDate: day(e.effectiveDate), birthDate: day(e.birthDate), sex: e.sex,
      })),
    });
  }
  for (let i = 0; i < diff.errors.length; i += CHUNK) {
    await tx.rosterRowError.createMany({
      data: diff.errors.slice(i, i + CHUNK).map((e) => ({ batchId, rowNo: e.rowNo, code: e.code, idNumber: e.idNumber.slice(0, 40), name: e.name.slice(0, 40), detail: e.detail?.slice(0, 200) ?? null })),
    });
  }
}

/**
 * Keeps the file and what it would change, and nothing else: no person or identity is touched
 * before the list is confirmed. An earlier unconfirmed upload of the same period is superseded.
 */
export const uploadRoster = defineCommand({ permission: "roster:upload", schema: uploadRosterSchema, timeoutMs: 120_000 }, async (tx, input, { actor, requestId }) => {
  const bureau = bureauOf(actor, "roster:upload");
  const county = await countyOf(tx, actor, "roster:upload");
  const period = parsePeriod(input.period)!;
  const content = Buffer.from(await input.file.arrayBuffer());
  const fileName = (input.file instanceof File && input.file.name ? input.file.name : "roster").slice(0, 200);
  const parsed = await parseRosterFile(content);
  if (!parsed.ok) throw new DomainError(`roster.file.${parsed.error}`, parsed.error === "MISSING_COLUMNS" ? { columns: parsed.missing.join("、") } : {});
  const today = new Date(`${chinaToday()}T00:00:00Z`);
  const diff = diffRoster(parsed.rows, await loadDiffContext(tx, county, bureau, period, parsed.rows, today));
  const due = dueDateOf(await loadWorkingCalendar(tx), period);
  const file = await putFile(tx, content, parsed.format === "xlsx" ? XLSX : "text/csv");
  await tx.rosterBatch.updateMany({ where: { regionCode: county.code, bureau, periodFrom: new Date(`${period.from}T00:00:00Z`), state: "UPLOADED" }, data: { state: "SUPERSEDED", version: { increment: 1 } } });
  const count = (kind: string) => diff.entries.filter((e) => e.kind === kind).length;
  const batch = await tx.rosterBatch.create({
    data: {
      regionCode: county.code, bureau, period: period.key,
      periodFrom: new Date(`${period.from}T00:00:00Z`), periodTo: new Date(`${period.to}T00:00:00Z`), adjustedOn: new Date(`${period.to}T00:00:00Z`),
      dueOn: due.ok ? new Date(`${due.due}T00:00:00Z`) : null,
      fileName, fileId: file.id,
      rows: diff.rows, errorCount: diff.errors.length, added: count("ADDED"), removed: count("REMOVED"), changed: count("CHANGED"),
      uploadedById: actor.kind === "user" ? actor.id : actor.jobId, uploadedBy: actor.kind === "user" ? actor.username : `system:${actor.job}`,
    },
  });
  await storeDiff(tx, batch.id, diff);
  await writeAudit(
    tx,
    actor,
    {
      action: "roster.upload",
      entityId: batch.id,
      regionCode: county.code,
      after: { bureau, period: period.key, fileName, sha256: file.sha256, rows: diff.rows, errors: diff.errors.length, added: batch.added, removed: batch.removed, changed: batch.changed },
    },
    requestId,
  );
  return { id: batch.id, errors: diff.errors.length, added: batch.added, removed: batch.removed, changed: batch.changed, dueOn: due.ok ? due.due : null, missingYear: due.ok ? null : due.missingYear };
});
