import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError } from "@/lib/errors";
import { addConditionSchema } from "@/lib/people/period.schema";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// A condition that changes an entitlement (QJ-YF-2023 Art. 8(1): cancer, long-term bedridden) is
// a medical recognition of 医保局, on evidence the record names.
export const addCondition = defineCommand({ permission: "identity:manage:medical", schema: addConditionSchema }, async (tx, input, { actor, requestId }) => {
  const person = await tx.person.findUnique({ where: { id: input.personId }, select: { id: true, regionCode: true, region: { select: { path: true } } } });
  if (!person) throw new NotFoundError({ action: "identity:manage:medical", entity: "person", entityId: input.personId });
  assertCan(actor, "identity:manage:medical", { entity: "person", id: person.id, regionPath: person.region.path });
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
