import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import type { Tx } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requestRun, ROSTER_APPLY } from "@/lib/jobs/job-runs";
import { chinaToday } from "@/lib/roster/roster-dates";
import { confirmRosterSchema } from "@/lib/roster/roster.schema";
import { bureauOf } from "@/lib/roster/upload-roster";

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function loadBatchForAction(tx: Tx, batchId: string, action: "roster:upload" | "roster:acknowledge", actor: Parameters<typeof assertCan>[0]) {
  const batch = await tx.rosterBatch.findUnique({ where: { id: batchId }, include: { region: { select: { path: true, name: true } } } });
  if (!batch) throw new NotFoundError({ action, entity: "roster", entityId: batchId });
  assertCan(actor, action, { entity: "roster", id: batch.id, regionPath: batch.region.path, state: batch.state });
  return batch;
}

/**
 * The bureau confirms the list it uploaded (YQ-JZ-2019 §6(1)) with the certificate's date, and
 * the roster-apply job (lib/jobs/roster-apply.ts) applies it: in one transaction, after checking
 * that the registry has not moved since the comparison, identities start on the certificate's date,
 * removals end the day before theirs, and the certificate (附件4) is archived. A list confirms once:
 * from here it is APPLYING, and a second confirmation (a double click, an old page) is refused.
 */
export const confirmRoster = defineCommand({ permission: "roster:upload", schema: confirmRosterSchema }, async (tx, input, { actor, requestId }) => {
  const batch = await loadBatchForAction(tx, input.batchId, "roster:upload", actor);
  if (bureauOf(actor, "roster:upload") !== batch.bureau) throw new ForbiddenError({ action: "roster:upload", entity: "roster", entityId: batch.id });
  if (batch.version !== input.version) throw new ConflictError();
  if (batch.errorCount > 0) throw new DomainError("roster.hasErrors", { errors: batch.errorCount });
  const today = chinaToday();
  if (input.certificateDate < iso(batch.periodTo) || input.certificateDate > today) throw new DomainError("roster.certificateDate", { from: iso(batch.periodTo), to: today });
  const entries = batch.added + batch.removed + batch.changed;
  // Two units per entry: the certificate lists it, then the registry takes it (lib/jobs/roster-apply.ts).
  const runId = await requestRun(tx, ROSTER_APPLY, actor.kind === "user" ? `user:${actor.id}` : `system:${actor.job}`, 2 * entries);
  const { count: updated } = await tx.rosterBatch.updateMany({
    where: { id: batch.id, version: batch.version, state: "UPLOADED" },
    data: {
      state: "APPLYING", version: { increment: 1 }, jobRunId: runId, failureKey: null, failureValues: Prisma.DbNull,
      certificateDate: new Date(`${input.certificateDate}T00:00:00Z`), confirmedBy: actor.kind === "user" ? actor.username : `system:${actor.job}`, confirmedAt: new Date(),
    },
  });
  if (updated !== 1) throw new ConflictError();
  await writeAudit(
    tx,
    actor,
    {
      action: "roster.confirm",
      entityId: batch.id,
      regionCode: batch.regionCode,
      before: { state: batch.state },
      after: { state: "APPLYING", certificateDate: input.certificateDate, added: batch.added, removed: batch.removed, changed: batch.changed },
    },
    requestId,
  );
  return { id: batch.id, runId };
});
