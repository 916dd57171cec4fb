import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError } from "@/lib/errors";
import { assertEndAfterStart, assertOpen, assertPeriodPerson, day, PERIOD_PERSON } from "@/lib/people/period-records";
import { endEnrolmentSchema } from "@/lib/people/period.schema";

// 医保局 records the last day of an open enrolment (moved to another scheme, stopped paying, left
// the county). Claims after it get no insurance from the registry.
export const endEnrolment = defineCommand({ permission: "enrolment:manage", schema: endEnrolmentSchema }, async (tx, input, { actor, requestId }) => {
  const row = await tx.insuranceEnrollment.findUnique({ where: { id: input.enrolmentId }, include: { person: PERIOD_PERSON } });
  if (!row) throw new NotFoundError({ action: "enrolment:manage", entity: "person", entityId: input.enrolmentId });
  assertPeriodPerson(actor, "enrolment:manage", row.person, row.personId);
  assertOpen("enrolment:manage", row.personId, row.validTo);
  assertEndAfterStart(row.validFrom, input.validTo);
  await tx.insuranceEnrollment.update({ where: { id: row.id }, data: { validTo: day(input.validTo) } });
  await writeAudit(tx, actor, { action: "enrolment.end", entityId: row.personId, regionCode: row.person.regionCode, before: { enrolmentId: row.id, validTo: null }, after: { enrolmentId: row.id, validTo: input.validTo } }, requestId);
  return { id: row.id, personId: row.personId };
});
