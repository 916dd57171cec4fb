"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { acceptAssistanceProposal, acceptSpecialCareProposal, rejectAssistanceProposal, rejectSpecialCareProposal } from "@/lib/people/decide-identity-proposal";
import { PROPOSAL_FIELD_LABELS } from "@/lib/people/identity-proposal.schema";
import { proposeIdentity } from "@/lib/people/propose-identity";

const options = {
  fieldLabels: PROPOSAL_FIELD_LABELS,
  after: ({ personId, proposalId }: { personId: string; proposalId: string }) => {
    revalidatePath(`/people/${personId}`);
    revalidatePath(`/identity-proposals/${proposalId}`);
    revalidatePath("/identity-proposals");
    revalidatePath("/");
    return null;
  },
};

export const proposeIdentityAction = defineAction(proposeIdentity, options);
export const acceptAssistanceProposalAction = defineAction(acceptAssistanceProposal, options);
export const acceptSpecialCareProposalAction = defineAction(acceptSpecialCareProposal, options);
export const rejectAssistanceProposalAction = defineAction(rejectAssistanceProposal, options);
export const rejectSpecialCareProposalAction = defineAction(rejectSpecialCareProposal, options);
