import { z } from "zod";
import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError, StateError } from "@/lib/errors";
import { ROSTER_CHECK } from "@/lib/jobs/job-runs";
import { readCheckCheckpoint } from "@/lib/roster/record-roster-chunk";

export const finishRosterCheckSchema = z.strictObject({
  runId: z.uuid(),
  batchId: z.uuid(),
  /** The file could not be read (roster.file.*): the list stops there, with the reason. */
  failure: z.strictObject({ key: z.string().regex(/^roster\.[A-Za-z_.]+$/), values: z.record(z.string().max(40), z.union([z.string().max(400), z.number()])) }).nullable(),
});

/**
 * The end of the roster-check job: the list is compared (UPLOADED, with its counts, to confirm or
 * upload again) or its file could not be read (FAILED, with the reason); either way the run is
 * done and audited as the import's job.finish. A list superseded meanwhile is left as it is.
 */
export const finishRosterCheck = defineCommand({ permission: "roster:check", schema: finishRosterCheckSchema }, async (tx, input, { actor, requestId }) => {
  const batch = await tx.rosterBatch.findUnique({ where: { id: input.batchId }, include: { region: { select: { path: true } }, jobRun: true } });
  if (!batch) throw new NotFoundError({ action: "roster:check", entity: "roster", entityId: input.batchId });
  const run = batch.jobRun;
  if (!run || run.id !== input.runId) throw new StateError({ action: "roster:check", entity: "job", entityId: input.runId });
  const checkpoint = readCheckCheckpoint(run.checkpoint);
  if (batch.state !== "SUPERSEDED") {
    assertCan(actor, "roster:check", { entity: "roster", id: batch.id, regionPath: batch.region.path, state: batch.state });
    if (input.failure) {
      await tx.rosterBatch.update({ where: { id: batch.id }, data: { state: "FAILED", failureKey: input.failure.key, failureValues: input.failure.values, version: { increment: 1 } } });
    } else {
      if (!checkpoint || checkpoint.rows !== run.total) throw new Error(`roster-check ${run.id}: ${checkpoint?.rows ?? 0} of ${run.total} rows compared`);
      await tx.rosterBatch.update({
        where: { id: batch.id },
        data: { state: "UPLOADED", rows: checkpoint.rows, errorCount: checkpoint.errors, added: checkpoint.added, removed: checkpoint.removed, changed: checkpoint.changed, version: { increment: 1 } },
      });
    }
  }
  await tx.jobRun.update({ where: { id: run.id }, data: { state: "SUCCEEDED", finishedAt: new Date(), error: null } });
  const counts = checkpoint ? { rows: checkpoint.rows, errors: checkpoint.errors, added: checkpoint.added, removed: checkpoint.removed, changed: checkpoint.changed } : undefined;
  await writeAudit(
    tx,
    actor,
    {
      action: "job.finish",
      entityId: run.id,
      regionCode: batch.regionCode,
      after: { name: ROSTER_CHECK, total: run.total ?? 0, done: checkpoint?.rows ?? 0, ...(counts ? { counts } : {}), ...(input.failure ? { error: input.failure.key } : {}) },
    },
    requestId,
  );
  return { id: batch.id, state: batch.state === "SUPERSEDED" ? ("SUPERSEDED" as const) : input.failure ? ("FAILED" as const) : ("UPLOADED" as const) };
});
