import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ConflictError } from "@/lib/errors";
import { loadBatchForAction } from "@/lib/roster/confirm-roster";
import { acknowledgeRosterSchema } from "@/lib/roster/roster.schema";

/** The medical-security bureau's receipt of a confirmed list and its certificate. */
export const acknowledgeRoster = defineCommand({ permission: "roster:acknowledge", schema: acknowledgeRosterSchema }, async (tx, input, { actor, requestId }) => {
  const batch = await loadBatchForAction(tx, input.batchId, "roster:acknowledge", actor);
  const { count } = await tx.rosterBatch.updateMany({
    where: { id: batch.id, version: batch.version },
    data: { state: "ACKNOWLEDGED", version: { increment: 1 }, acknowledgedBy: actor.kind === "user" ? actor.username : `system:${actor.job}`, acknowledgedAt: new Date() },
  });
  if (count !== 1) throw new ConflictError();
  await writeAudit(tx, actor, { action: "roster.acknowledge", entityId: batch.id, regionCode: batch.regionCode, before: { state: batch.state }, after: { state: "ACKNOWLEDGED" } }, requestId);
  return { id: batch.id };
});
