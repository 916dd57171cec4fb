// When a list's job stops for good: the file could not be compared after every retry
// (roster.checkFailed), or the list could not be applied, because the registry moved since the
// comparison (roster.stale: upload it again) or after every retry (roster.applyFailed: confirm
// it again). The list shows why; the run is FAILED and audited as job.fail. Nothing of the
// registry was written: the apply is one transaction, rolled back.
import { z } from "zod";
import { assertCan } from "@/lib/auth/decide";
import type { Permission } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand, type CommandContext } from "@/lib/command";
import type { Tx } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { ROSTER_APPLY, ROSTER_CHECK } from "@/lib/jobs/job-runs";

export const abandonRosterJobSchema = z.strictObject({
  runId: z.uuid(),
  batchId: z.uuid(),
  failure: z.strictObject({ key: z.string().regex(/^roster\.[A-Za-z_.]+$/), values: z.record(z.string().max(40), z.union([z.string().max(400), z.number()])) }),
  /** What the run's last attempt threw, for the run's row (never shown to the user). */
  error: z.string().max(2_000).optional(),
});

async function abandon(tx: Tx, input: z.output<typeof abandonRosterJobSchema>, { actor, requestId }: CommandContext, permission: Extract<Permission, "roster:check" | "roster:apply">) {
  const batch = await tx.rosterBatch.findUnique({ where: { id: input.batchId }, include: { region: { select: { path: true } }, jobRun: true } });
  if (!batch) throw new NotFoundError({ action: permission, entity: "roster", entityId: input.batchId });
  const run = batch.jobRun;
  if (!run || run.id !== input.runId) throw new StateError({ action: permission, entity: "job", entityId: input.runId });
  const name = permission === "roster:check" ? ROSTER_CHECK : ROSTER_APPLY;
  // A check of a list replaced meanwhile stops with its list as it is.
  if (!(permission === "roster:check" && batch.state === "SUPERSEDED")) {
    assertCan(actor, permission, { entity: "roster", id: batch.id, regionPath: batch.region.path, state: batch.state });
    // A list that could not be applied for a reason of its own (not a stale registry) may be confirmed again.
    const confirmable = permission === "roster:apply" && input.failure.key !== "roster.stale";
    await tx.rosterBatch.update({
      where: { id: batch.id },
      data: { state: confirmable ? "UPLOADED" : "FAILED", failureKey: input.failure.key, failureValues: input.failure.values, version: { increment: 1 } },
    });
  }
  await tx.jobRun.update({ where: { id: run.id }, data: { state: "FAILED", finishedAt: new Date(), error: (input.error ?? input.failure.key).slice(0, 2_000) } });
  await writeAudit(tx, actor, { action: "job.fail", entityId: run.id, regionCode: batch.regionCode, after: { name, total: run.total ?? 0, done: run.done, error: input.failure.key } }, requestId);
  return { id: batch.id };
}

export const abandonRosterCheck = defineCommand({ permission: "roster:check", schema: abandonRosterJobSchema }, (tx, input, ctx) => abandon(tx, input, ctx, "roster:check"));
export const abandonRosterApply = defineCommand({ permission: "roster:apply", schema: abandonRosterJobSchema }, (tx, input, ctx) => abandon(tx, input, ctx, "roster:apply"));
