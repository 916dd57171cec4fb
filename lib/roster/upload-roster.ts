import { assertCan } from "@/lib/auth/decide";
import type { CommandActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { defineCommand } from "@/lib/command";
import type { Tx } from "@/lib/db";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { requestRun, ROSTER_CHECK } from "@/lib/jobs/job-runs";
import { putFile } from "@/lib/storage/file-store";
import { ROSTER_BUREAUS, type RosterBureau } from "@/lib/roster/roster-categories";
import { dueDateOf, parsePeriod } from "@/lib/roster/roster-period";
import { uploadRosterSchema } from "@/lib/roster/roster.schema";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

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

/**
 * Keeps the file and asks for its comparison with the registry, the roster-check job
 * (lib/jobs/roster-check.ts), which writes what the list would change and its row errors; no
 * person or identity is touched before the list is confirmed. Earlier lists of the same period
 * that are not confirmed are superseded, and a check still running on one of them stops.
 */
export const uploadRoster = defineCommand({ permission: "roster:upload", schema: uploadRosterSchema, timeoutMs: 60_000 }, async (tx, input, { actor, requestId }) => {
  const bureau = bureauOf(actor, "roster:upload");
  const county = await countyOf(tx, actor, "roster:upload");
  const period = parsePeriod(input.period)!;
  const content = new Uint8Array(await input.file.arrayBuffer());
  const fileName = (input.file instanceof File && input.file.name ? input.file.name : "roster").slice(0, 200);
  const due = dueDateOf(await loadWorkingCalendar(tx), period);
  // What the file is, the job finds out; the type only labels the download.
  const file = await putFile(tx, content, ZIP_MAGIC.every((b, i) => content[i] === b) ? XLSX : "text/csv");
  const periodFrom = new Date(`${period.from}T00:00:00Z`);
  await tx.rosterBatch.updateMany({ where: { regionCode: county.code, bureau, periodFrom, state: { in: ["CHECKING", "UPLOADED", "FAILED"] } }, data: { state: "SUPERSEDED", version: { increment: 1 } } });
  const runId = await requestRun(tx, ROSTER_CHECK, actor.kind === "user" ? `user:${actor.id}` : `system:${actor.job}`);
  const batch = await tx.rosterBatch.create({
    data: {
      regionCode: county.code, bureau, period: period.key, state: "CHECKING",
      periodFrom, periodTo: new Date(`${period.to}T00:00:00Z`), adjustedOn: new Date(`${period.to}T00:00:00Z`),
      dueOn: due.ok ? new Date(`${due.due}T00:00:00Z`) : null,
      fileName, fileId: file.id, jobRunId: runId,
      rows: 0, errorCount: 0, added: 0, removed: 0, changed: 0,
      uploadedById: actor.kind === "user" ? actor.id : actor.jobId, uploadedBy: actor.kind === "user" ? actor.username : `system:${actor.job}`,
    },
  });
  await writeAudit(tx, actor, { action: "roster.upload", entityId: batch.id, regionCode: county.code, after: { bureau, period: period.key, fileName, sha256: file.sha256, bytes: file.size } }, requestId);
  return { id: batch.id, runId, dueOn: due.ok ? due.due : null, missingYear: due.ok ? null : due.missingYear };
});
