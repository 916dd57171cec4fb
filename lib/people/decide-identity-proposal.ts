import type { CommandActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import type { Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { addAssistanceIdentity, addSpecialCareIdentity } from "@/lib/people/add-identity";
import { IDENTITY_BUREAUS } from "@/lib/people/identity-bureaus";
import { acceptProposalSchema, rejectProposalSchema, type ProposalBureau } from "@/lib/people/identity-proposal.schema";

const ADD = { assistance: addAssistanceIdentity, "special-care": addSpecialCareIdentity } as const;

/**
 * The proposal, for the bureau it was sent to: in the bureau's county, still pending, and not
 * proposed by the one deciding it (segregation of duties, as on a case: the proposer is a
 * participant). Another bureau's proposal is not this bureau's to decide.
 */
async function loadForDecision(tx: Tx, actor: CommandActor, bureau: ProposalBureau, proposalId: string) {
  const spec = IDENTITY_BUREAUS[bureau];
  const proposal = await tx.identityProposal.findUnique({ where: { id: proposalId }, include: { person: { select: { id: true, regionCode: true, region: { select: { path: true } } } } } });
  if (!proposal) throw new NotFoundError({ action: spec.permission, entity: "proposal", entityId: proposalId });
  assertCan(actor, spec.permission, { entity: "proposal", id: proposal.id, regionPath: proposal.person.region.path, state: proposal.state, participants: [proposal.proposedById] });
  if (proposal.bureau !== spec.role) throw new ForbiddenError({ action: spec.permission, entity: "proposal", entityId: proposal.id });
  return proposal;
}

function decidedBy(actor: CommandActor) {
  return actor.kind === "user" ? { decidedById: actor.id, decidedBy: actor.username } : { decidedById: null, decidedBy: `system:${actor.job}` };
}

// Accepting records the identity period through the bureau's own command, in this transaction:
// the same checks (its types, no overlap) and the same identity.add audit row as a period the
// bureau enters itself; the period starts on the proposed date.
function acceptProposal(bureau: ProposalBureau) {
  const spec = IDENTITY_BUREAUS[bureau];
  return defineCommand({ permission: spec.permission, schema: acceptProposalSchema }, async (tx, input, { actor, requestId }) => {
    const proposal = await loadForDecision(tx, actor, bureau, input.proposalId);
    const identity = await ADD[bureau](tx, actor, { personId: proposal.personId, type: proposal.type, validFrom: formatDate(proposal.validFrom), validTo: "", certificate: input.certificate ?? "" }, { requestId });
    const { count } = await tx.identityProposal.updateMany({
      where: { id: proposal.id, state: "PENDING", version: proposal.version },
      data: { state: "ACCEPTED", identityId: identity.id, ...decidedBy(actor), decidedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError();
    await writeAudit(
      tx,
      actor,
      { action: "identity.proposalAccept", entityId: proposal.personId, regionCode: proposal.person.regionCode, before: { proposalId: proposal.id, state: "PENDING" }, after: { proposalId: proposal.id, state: "ACCEPTED", identityId: identity.id, certificate: input.certificate } },
      requestId,
    );
    return { proposalId: proposal.id, personId: proposal.personId, identityId: identity.id };
  });
}

function rejectProposal(bureau: ProposalBureau) {
  const spec = IDENTITY_BUREAUS[bureau];
  return defineCommand({ permission: spec.permission, schema: rejectProposalSchema }, async (tx, input, { actor, requestId }) => {
    const proposal = await loadForDecision(tx, actor, bureau, input.proposalId);
    const { count } = await tx.identityProposal.updateMany({
      where: { id: proposal.id, state: "PENDING", version: proposal.version },
      data: { state: "REJECTED", decisionNote: input.rejectReason, ...decidedBy(actor), decidedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError();
    await writeAudit(
      tx,
      actor,
      { action: "identity.proposalReject", entityId: proposal.personId, regionCode: proposal.person.regionCode, before: { proposalId: proposal.id, state: "PENDING" }, after: { proposalId: proposal.id, state: "REJECTED", reason: input.rejectReason } },
      requestId,
    );
    return { proposalId: proposal.id, personId: proposal.personId };
  });
}

export const acceptAssistanceProposal = acceptProposal("assistance");
export const acceptSpecialCareProposal = acceptProposal("special-care");
export const rejectAssistanceProposal = rejectProposal("assistance");
export const rejectSpecialCareProposal = rejectProposal("special-care");
