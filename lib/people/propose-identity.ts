import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { IDENTITY_BUREAUS } from "@/lib/people/identity-bureaus";
import { assertNoOverlap } from "@/lib/people/identity-overlap";
import { proposalBureauOf, proposeIdentitySchema } from "@/lib/people/identity-proposal.schema";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// A township clerk cannot certify an identity, but proposes one for a person of the township, with
// the reason and where the evidence is; it goes to the bureau that certifies the type. What the
// bureau would refuse anyway (an overlap, the same proposal twice) is refused here already.
export const proposeIdentity = defineCommand({ permission: "identity:propose", schema: proposeIdentitySchema }, async (tx, input, { actor, requestId }) => {
  if (actor.kind !== "user") throw new ForbiddenError({ action: "identity:propose" });
  const person = await tx.person.findUnique({ where: { id: input.personId }, select: { id: true, regionCode: true, mergedIntoId: true, region: { select: { path: true } } } });
  if (!person || person.mergedIntoId) throw new NotFoundError({ action: "identity:propose", entity: "person", entityId: input.personId });
  assertCan(actor, "identity:propose", { entity: "person", id: person.id, regionPath: person.region.path });
  const pending = await tx.identityProposal.count({ where: { personId: person.id, type: input.type, state: "PENDING" } });
  if (pending > 0) throw new ValidationError([{ path: ["type"], message: "validation.proposalPending" }]);
  await assertNoOverlap(tx, person.id, input.type, input.validFrom, null, null);
  const bureau = IDENTITY_BUREAUS[proposalBureauOf(input.type)].role;
  const created = await tx.identityProposal.create({
    data: { personId: person.id, type: input.type, validFrom: day(input.validFrom), reason: input.reason, attachment: input.attachment, bureau, proposedById: actor.id, proposedBy: actor.username },
  });
  await writeAudit(
    tx,
    actor,
    { action: "identity.propose", entityId: person.id, regionCode: person.regionCode, after: { proposalId: created.id, type: input.type, validFrom: input.validFrom, bureau, reason: input.reason, attachment: input.attachment } },
    requestId,
  );
  return { proposalId: created.id, personId: person.id };
});
