import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { assertPeriodPerson, day, PERIOD_PERSON } from "@/lib/people/period-records";
import { addConditionSchema } from "@/lib/people/period.schema";

// A condition that changes an entitlement (QJ-YF-2023 Art. 8(1): cancer, long-term bedridden), or
// one of the policy lists' diseases, is a medical recognition of 医保局, on evidence the record names.
export const addCondition = defineCommand({ permission: "identity:manage:medical", schema: addConditionSchema }, async (tx, input, { actor, requestId }) => {
  const person = await tx.person.findUnique({ where: { id: input.personId }, ...PERIOD_PERSON });
  assertPeriodPerson(actor, "identity:manage:medical", person, input.personId);
  const created = await tx.personCondition.create({
    data: { personId: person.id, condition: input.condition, validFrom: day(input.validFrom), validTo: input.validTo ? day(input.validTo) : null, evidence: input.evidence },
  });
  await writeAudit(
    tx,
    actor,
    { action: "condition.add", entityId: person.id, regionCode: person.regionCode, after: { conditionId: created.id, condition: input.condition, validFrom: input.validFrom, validTo: input.validTo, evidence: input.evidence } },
    requestId,
  );
  return { id: created.id, personId: person.id };
});
