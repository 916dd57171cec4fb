import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { addEnrolmentSchema } from "@/lib/people/period.schema";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const FAR = "9999-12-31";

// 医保局 records a basic-insurance enrolment period. One scheme at a time: the rules read the one
// enrolment that holds on a claim's date, so periods of any scheme may not overlap.
export const addEnrolment = defineCommand({ permission: "enrolment:manage", schema: addEnrolmentSchema }, async (tx, input, { actor, requestId }) => {
  const person = await tx.person.findUnique({ where: { id: input.personId }, select: { id: true, regionCode: true, region: { select: { path: true } } } });
  if (!person) throw new NotFoundError({ action: "enrolment:manage", entity: "person", entityId: input.personId });
  assertCan(actor, "enrolment:manage", { entity: "person", id: person.id, regionPath: person.region.path });
  const existing = await tx.insuranceEnrollment.findMany({ where: { personId: person.id }, select: { validFrom: true, validTo: true } });
  if (existing.some((e) => formatDate(e.validFrom) <= (input.validTo ?? FAR) && (e.validTo ? formatDate(e.validTo) : FAR) >= input.validFrom)) {
    throw new ValidationError([{ path: ["validFrom"], message: "validation.enrolmentOverlap" }]);
  }
  const created = await tx.insuranceEnrollment.create({ data: { personId: person.id, scheme: input.scheme, validFrom: day(input.validFrom), validTo: input.validTo ? day(input.validTo) : null } });
  await writeAudit(tx, actor, { action: "enrolment.add", entityId: person.id, regionCode: person.regionCode, after: { enrolmentId: created.id, scheme: input.scheme, validFrom: input.validFrom, validTo: input.validTo } }, requestId);
  return { id: created.id, personId: person.id };
});
