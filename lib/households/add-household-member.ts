import { decide } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ValidationError } from "@/lib/errors";
import { assertHeadFree, lockHousehold, membership } from "@/lib/households/household-member";
import { addHouseholdMemberSchema } from "@/lib/households/household.schema";

// Adds a person of the township to the household, or moves them from the household they were in.
// The person is named by ID number: one the clerk cannot reach reads exactly like one not
// registered ("not found in your township"), so numbers of other townships cannot be probed.
export const addHouseholdMember = defineCommand({ permission: "household:update", schema: addHouseholdMemberSchema }, async (tx, input, { actor, requestId }) => {
  const household = await lockHousehold(tx, actor, input.householdId);
  const person = await tx.person.findUnique({ where: { idNumber: input.memberIdNumber.idNumber }, include: { region: { select: { path: true } } } });
  if (!person || person.mergedIntoId || !decide(actor, "household:update", { entity: "person", id: person.id, regionPath: person.region.path }).ok) {
    throw new ValidationError([{ path: ["memberIdNumber"], message: "validation.memberNotFound" }]);
  }
  if (person.householdId === household.id) throw new ValidationError([{ path: ["memberIdNumber"], message: "validation.alreadyInHousehold" }]);
  if (person.householdId && person.relationToHead === "HEAD") {
    // The head leaves a household last: the others would be left without one.
    const others = await tx.person.count({ where: { householdId: person.householdId, mergedIntoId: null, NOT: { id: person.id } } });
    if (others > 0) throw new ValidationError([{ path: ["memberIdNumber"], message: "validation.headOfOtherHousehold" }]);
  }
  await assertHeadFree(tx, household.id, input.relationToHead, null);
  await tx.person.update({ where: { id: person.id }, data: { householdId: household.id, relationToHead: input.relationToHead, version: { increment: 1 } } });
  await writeAudit(
    tx,
    actor,
    { action: "household.join", entityId: person.id, regionCode: person.regionCode, before: membership(person), after: { householdId: household.id, relationToHead: input.relationToHead } },
    requestId,
  );
  return { householdId: household.id, personId: person.id };
});
