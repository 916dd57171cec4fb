import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ValidationError } from "@/lib/errors";
import { IDENTITY_BUREAUS, type IdentityBureau } from "@/lib/people/identity-bureaus";
import { assertNoOverlap } from "@/lib/people/identity-overlap";
import { addIdentitySchema } from "@/lib/people/identity.schema";
import { assertPeriodPerson, PERIOD_PERSON } from "@/lib/people/period-records";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// One command per bureau, each with its own permission and its own identity types.
function addIdentity<B extends IdentityBureau>(bureau: B) {
  const spec = IDENTITY_BUREAUS[bureau];
  return defineCommand({ permission: spec.permission, schema: addIdentitySchema(bureau) }, async (tx, input, { actor, requestId }) => {
    const person = await tx.person.findUnique({ where: { id: input.personId }, ...PERIOD_PERSON });
    assertPeriodPerson(actor, spec.permission, person, input.personId);
    if (spec.fromCase !== Boolean(input.sourceCaseId)) throw new ValidationError([{ path: ["sourceCaseId"], message: spec.fromCase ? "validation.sourceCase" : "validation.sourceCaseNotHere" }]);
    if (input.sourceCaseId) {
      // A recognition comes from an approved case of this very person.
      const source = await tx.case.findUnique({ where: { id: input.sourceCaseId }, select: { personId: true, state: true } });
      if (!source || source.personId !== person.id || (source.state !== "APPROVED" && source.state !== "PAID")) {
        throw new ValidationError([{ path: ["sourceCaseId"], message: "validation.sourceCase" }]);
      }
    }
    await assertNoOverlap(tx, person.id, input.type, input.validFrom, input.validTo, null);
    const created = await tx.personIdentity.create({
      data: {
        personId: person.id,
        type: input.type,
        validFrom: day(input.validFrom),
        validTo: input.validTo ? day(input.validTo) : null,
        certificate: input.certificate,
        sourceCaseId: input.sourceCaseId,
        certifiedBy: spec.role,
      },
    });
    await writeAudit(
      tx,
      actor,
      {
        action: "identity.add",
        entityId: person.id,
        regionCode: person.regionCode,
        after: { identityId: created.id, type: input.type, validFrom: input.validFrom, validTo: input.validTo, certificate: input.certificate, sourceCaseId: input.sourceCaseId, certifiedBy: spec.role },
      },
      requestId,
    );
    return { id: created.id, personId: person.id };
  });
}

export const addAssistanceIdentity = addIdentity("assistance");
export const addSpecialCareIdentity = addIdentity("special-care");
export const addMedicalIdentity = addIdentity("medical");
