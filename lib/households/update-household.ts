import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError, ValidationError } from "@/lib/errors";
import { lockHousehold } from "@/lib/households/household-member";
import { updateHouseholdSchema } from "@/lib/households/household.schema";
import { assertPersonRegion } from "@/lib/people/person-region";

// The household's address and village, within its township (its members are registered there).
// The change is written on every member's history: the household itself has none.
export const updateHousehold = defineCommand({ permission: "household:update", schema: updateHouseholdSchema }, async (tx, input, { actor, requestId }) => {
  const household = await lockHousehold(tx, actor, input.householdId);
  if (input.regionCode !== household.regionCode) {
    await assertPersonRegion(tx, actor, "household:update", "person", input.regionCode);
    if (input.regionCode.slice(0, 9) !== household.regionCode.slice(0, 9)) throw new ValidationError([{ path: ["regionCode"], message: "validation.householdTownship" }]);
  }
  const members = await tx.person.findMany({ where: { householdId: household.id, mergedIntoId: null }, select: { id: true, regionCode: true }, orderBy: { id: "asc" } });
  if (members.length === 0) throw new DomainError("households.noMembers");
  await tx.household.update({ where: { id: household.id }, data: { address: input.address, regionCode: input.regionCode } });
  const before = { householdId: household.id, regionCode: household.regionCode, address: household.address };
  const after = { householdId: household.id, regionCode: input.regionCode, address: input.address };
  for (const m of members) await writeAudit(tx, actor, { action: "household.update", entityId: m.id, regionCode: m.regionCode, before, after }, requestId);
  return { householdId: household.id };
});
