import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { IDENTITY_BUREAUS, keeperOf, type IdentityBureau } from "@/lib/people/identity-bureaus";
import { assertNoOverlap } from "@/lib/people/identity-overlap";
import { endIdentitySchema } from "@/lib/people/identity.schema";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// The removal date of a period (a death, leaving 低保): only by the bureau that keeps it.
function endIdentity(bureau: IdentityBureau) {
  const spec = IDENTITY_BUREAUS[bureau];
  return defineCommand({ permission: spec.permission, schema: endIdentitySchema }, async (tx, input, { actor, requestId }) => {
    const row = await tx.personIdentity.findUnique({ where: { id: input.identityId }, include: { person: { select: { id: true, regionCode: true, region: { select: { path: true } } } } } });
    if (!row) throw new NotFoundError({ action: spec.permission, entity: "person", entityId: input.identityId });
    assertCan(actor, spec.permission, { entity: "person", id: row.person.id, regionPath: row.person.region.path });
    // Another bureau's certificate is not this bureau's to end.
    if (keeperOf(row) !== bureau) throw new ForbiddenError({ action: spec.permission, entity: "person", entityId: row.person.id });
    const from = formatDate(row.validFrom);
    if (input.validTo < from) throw new ValidationError([{ path: ["validTo"], message: "validation.dateRange" }]);
    await assertNoOverlap(tx, row.personId, row.type, from, input.validTo, row.id);
    await tx.personIdentity.update({ where: { id: row.id }, data: { validTo: day(input.validTo) } });
    await writeAudit(
      tx,
      actor,
      { action: "identity.end", entityId: row.person.id, regionCode: row.person.regionCode, before: { identityId: row.id, validTo: row.validTo ? formatDate(row.validTo) : null }, after: { identityId: row.id, validTo: input.validTo } },
      requestId,
    );
    return { id: row.id, personId: row.person.id };
  });
}

export const endAssistanceIdentity = endIdentity("assistance");
export const endSpecialCareIdentity = endIdentity("special-care");
export const endMedicalIdentity = endIdentity("medical");
