import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError, NotFoundError } from "@/lib/errors";
import { createHouseholdSchema } from "@/lib/households/household.schema";

// A township clerk registers a household with its head, a person of the township who belongs to
// none yet; the household lies where the head is registered. Members are added afterwards.
export const createHousehold = defineCommand({ permission: "household:create", schema: createHouseholdSchema }, async (tx, input, { actor, requestId }) => {
  const head = await tx.person.findUnique({ where: { id: input.headId }, include: { region: { select: { path: true } } } });
  if (!head || head.mergedIntoId) throw new NotFoundError({ action: "household:create", entity: "person", entityId: input.headId });
  assertCan(actor, "household:create", { entity: "person", id: head.id, regionPath: head.region.path });
  if (head.householdId) throw new DomainError("households.alreadyMember");
  const household = await tx.household.create({ data: { regionCode: head.regionCode, address: input.address } });
  const { count } = await tx.person.updateMany({ where: { id: head.id, householdId: null, version: head.version }, data: { householdId: household.id, relationToHead: "HEAD", version: { increment: 1 } } });
  if (count !== 1) throw new DomainError("households.alreadyMember");
  await writeAudit(
    tx,
    actor,
    { action: "household.create", entityId: head.id, regionCode: head.regionCode, after: { householdId: household.id, regionCode: household.regionCode, address: household.address, relationToHead: "HEAD" } },
    requestId,
  );
  return { householdId: household.id, personId: head.id };
});
