import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { assertTier } from "@/lib/people/enrolment-tiers";
import { assertNoEnrolmentOverlap, assertPeriodPerson, day, PERIOD_PERSON } from "@/lib/people/period-records";
import { correctEnrolmentSchema } from "@/lib/people/period.schema";

// A period typed wrongly (scheme, tier or dates), put right by 医保局 with the reason. Claims
// already decided keep the receipt of what they read; the audit row keeps both versions.
export const correctEnrolment = defineCommand({ permission: "enrolment:manage", schema: correctEnrolmentSchema }, async (tx, input, { actor, requestId }) => {
  const row = await tx.insuranceEnrollment.findUnique({ where: { id: input.enrolmentId }, include: { person: PERIOD_PERSON } });
  if (!row) throw new NotFoundError({ action: "enrolment:manage", entity: "person", entityId: input.enrolmentId });
  assertPeriodPerson(actor, "enrolment:manage", row.person, row.personId);
  await assertTier(tx, row.person.region.path, input.scheme, input.tier);
  await assertNoEnrolmentOverlap(tx, row.personId, input.validFrom, input.validTo, row.id);
  await tx.insuranceEnrollment.update({ where: { id: row.id }, data: { scheme: input.scheme, tier: input.tier, validFrom: day(input.validFrom), validTo: input.validTo ? day(input.validTo) : null } });
  const before = { enrolmentId: row.id, scheme: row.scheme, tier: row.tier, validFrom: formatDate(row.validFrom), validTo: row.validTo ? formatDate(row.validTo) : null };
  const after = { enrolmentId: row.id, scheme: input.scheme, tier: input.tier, validFrom: input.validFrom, validTo: input.validTo, reason: input.reason };
  await writeAudit(tx, actor, { action: "enrolment.correct", entityId: row.personId, regionCode: row.person.regionCode, before, after }, requestId);
  return { id: row.id, personId: row.personId };
});
