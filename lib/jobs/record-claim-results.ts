import { z } from "zod";
import { assertCan } from "@/lib/auth/decide";
import { defineCommand } from "@/lib/command";
import { NotFoundError, StateError } from "@/lib/errors";
import { ENGINE_VERSION } from "@/lib/rules/compute-claim";

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const yuan = z.string().regex(/^-?\d{1,12}\.\d{2}$/);

export const recordClaimResultsSchema = z.strictObject({
  runId: z.uuid(),
  results: z
    .array(
      z.strictObject({
        claimId: z.uuid(),
        engineVersion: z.literal(ENGINE_VERSION),
        rulesetHash: hash,
        inputHash: hash,
        outputHash: hash,
        amounts: z.record(z.string().max(40), yuan),
      }),
    )
    .max(5_000),
  /** Where a resumed run continues: the last person whose claims these are. */
  checkpoint: z.strictObject({ afterPersonId: z.uuid().nullable(), written: z.number().int().min(0), unchanged: z.number().int().min(0) }),
});

/**
 * One chunk of a recompute run: the rules module's results for some claims, written with the run's
 * progress and checkpoint in one short transaction. A result is rewritten only when its input or
 * ruleset changed, so a second run writes nothing. The job calls it with its system actor.
 */
export const recordClaimResults = defineCommand({ permission: "claim:recompute", schema: recordClaimResultsSchema }, async (tx, input, { actor }) => {
  const run = await tx.jobRun.findUnique({ where: { id: input.runId } });
  if (!run) throw new NotFoundError({ action: "claim:recompute", entity: "job", entityId: input.runId });
  assertCan(actor, "claim:recompute", { entity: "job", id: run.id, regionPath: actor.regionPath });
  if (run.state !== "RUNNING") throw new StateError({ action: "claim:recompute", entity: "job", entityId: run.id, state: run.state });
  const existing = await tx.claimResult.findMany({
    where: { engineVersion: ENGINE_VERSION, claimId: { in: input.results.map((c) => c.claimId) } },
    select: { claimId: true, inputHash: true, rulesetHash: true },
  });
  const known = new Map(existing.map((e) => [e.claimId, e]));
  const fresh = input.results.filter((c) => !known.has(c.claimId));
  const changed = input.results.filter((c) => {
    const k = known.get(c.claimId);
    return k !== undefined && (k.inputHash !== c.inputHash || k.rulesetHash !== c.rulesetHash);
  });
  if (fresh.length) await tx.claimResult.createMany({ data: fresh.map((c) => ({ ...c, jobRunId: run.id })) });
  for (const c of changed) {
    await tx.claimResult.update({ where: { claimId_engineVersion: { claimId: c.claimId, engineVersion: c.engineVersion } }, data: { ...c, jobRunId: run.id, computedAt: new Date() } });
  }
  const checkpoint = {
    afterPersonId: input.checkpoint.afterPersonId,
    written: input.checkpoint.written + fresh.length + changed.length,
    unchanged: input.checkpoint.unchanged + input.results.length - fresh.length - changed.length,
  };
  await tx.jobRun.update({ where: { id: run.id }, data: { done: { increment: input.results.length }, checkpoint } });
  return checkpoint;
});
