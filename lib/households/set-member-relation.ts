import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { assertHeadFree, loadMember, lockHousehold, membership } from "@/lib/households/household-member";
import { setMemberRelationSchema } from "@/lib/households/household.schema";

// A member's relation to the head. A new head is named once the old one has another relation (at
// most one head at a time); until then the household page says it has none.
export const setMemberRelation = defineCommand({ permission: "household:update", schema: setMemberRelationSchema }, async (tx, input, { actor, requestId }) => {
  const household = await lockHousehold(tx, actor, input.householdId);
  const person = await loadMember(tx, actor, household.id, input.personId);
  if (person.relationToHead === input.relationToHead) return { householdId: household.id, personId: person.id };
  await assertHeadFree(tx, household.id, input.relationToHead, person.id);
  await tx.person.update({ where: { id: person.id }, data: { relationToHead: input.relationToHead, version: { increment: 1 } } });
  await writeAudit(
    tx,
    actor,
    { action: "household.setRelation", entityId: person.id, regionCode: person.regionCode, before: membership(person), after: { householdId: household.id, relationToHead: input.relationToHead } },
    requestId,
  );
  return { householdId: household.id, personId: person.id };
});
