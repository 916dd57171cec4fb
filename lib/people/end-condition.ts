import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError } from "@/lib/errors";
import { assertEndAfterStart, assertOpen, assertPeriodPerson, day, PERIOD_PERSON } from "@/lib/people/period-records";
import { endConditionSchema } from "@/lib/people/period.schema";

// The day a condition stopped holding (cured, or the recognition withdrawn on review): from the
// next day it earns nothing (the rules read whether it held on the day that matters).
export const endCondition = defineCommand({ permission: "identity:manage:medical", schema: endConditionSchema }, async (tx, input, { actor, requestId }) => {
  const row = await tx.personCondition.findUnique({ where: { id: input.conditionId }, include: { person: PERIOD_PERSON } });
  if (!row) throw new NotFoundError({ action: "identity:manage:medical", entity: "person", entityId: input.conditionId });
  assertPeriodPerson(actor, "identity:manage:medical", row.person, row.personId);
  assertOpen("identity:manage:medical", row.personId, row.validTo);
  assertEndAfterStart(row.validFrom, input.validTo);
  await tx.personCondition.update({ where: { id: row.id }, data: { validTo: day(input.validTo) } });
  await writeAudit(tx, actor, { action: "condition.end", entityId: row.personId, regionCode: row.person.regionCode, before: { conditionId: row.id, validTo: null }, after: { conditionId: row.id, validTo: input.validTo } }, requestId);
  return { id: row.id, personId: row.personId };
});
