import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError } from "@/lib/errors";
import { loadMember, lockHousehold, membership } from "@/lib/households/household-member";
import { removeHouseholdMemberSchema } from "@/lib/households/household.schema";

// A member leaves the household (registered on their own, or to be added to another one). The head
// leaves last, or after another member has been made head.
export const removeHouseholdMember = defineCommand({ permission: "household:update", schema: removeHouseholdMemberSchema }, async (tx, input, { actor, requestId }) => {
  const household = await lockHousehold(tx, actor, input.householdId);
  const person = await loadMember(tx, actor, household.id, input.personId);
  if (person.relationToHead === "HEAD") {
    const others = await tx.person.count({ where: { householdId: household.id, mergedIntoId: null, NOT: { id: person.id } } });
    if (others > 0) throw new DomainError("households.headLeavesLast");
  }
  // On their own a person is their own head (the column's default).
  await tx.person.update({ where: { id: person.id }, data: { householdId: null, relationToHead: "HEAD", version: { increment: 1 } } });
  await writeAudit(tx, actor, { action: "household.leave", entityId: person.id, regionCode: person.regionCode, before: membership(person), after: { householdId: null, relationToHead: "HEAD" } }, requestId);
  return { householdId: household.id, personId: person.id };
});
