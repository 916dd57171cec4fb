import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { assertTier } from "@/lib/people/enrolment-tiers";
import { assertNoEnrolmentOverlap, assertPeriodPerson, day, PERIOD_PERSON } from "@/lib/people/period-records";
import { addEnrolmentSchema } from "@/lib/people/period.schema";

// 医保局 records a basic-insurance enrolment period. One scheme at a time: the rules read the one
// enrolment that holds on a claim's date, so periods of any scheme may not overlap.
export const addEnrolment = defineCommand({ permission: "enrolment:manage", schema: addEnrolmentSchema }, async (tx, input, { actor, requestId }) => {
  const person = await tx.person.findUnique({ where: { id: input.personId }, ...PERIOD_PERSON });
  assertPeriodPerson(actor, "enrolment:manage", person, input.personId);
  await assertTier(tx, person.region.path, input.scheme, input.tier);
  await assertNoEnrolmentOverlap(tx, person.id, input.validFrom, input.validTo, null);
  const created = await tx.insuranceEnrollment.create({ data: { personId: person.id, scheme: input.scheme, tier: input.tier, validFrom: day(input.validFrom), validTo: input.validTo ? day(input.validTo) : null } });
  await writeAudit(tx, actor, { action: "enrolment.add", entityId: person.id, regionCode: person.regionCode, after: { enrolmentId: created.id, scheme: input.scheme, tier: input.tier, validFrom: input.validFrom, validTo: input.validTo } }, requestId);
  return { id: created.id, personId: person.id };
});
