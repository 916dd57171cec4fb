"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { addAssistanceIdentity, addMedicalIdentity, addSpecialCareIdentity } from "@/lib/people/add-identity";
import { endAssistanceIdentity, endMedicalIdentity, endSpecialCareIdentity } from "@/lib/people/end-identity";
import { IDENTITY_FIELD_LABELS } from "@/lib/people/identity.schema";

const options = {
  fieldLabels: IDENTITY_FIELD_LABELS,
  after: ({ personId }: { personId: string }) => {
    revalidatePath(`/people/${personId}`);
    revalidatePath("/people");
    return null;
  },
};

export const addAssistanceIdentityAction = defineAction(addAssistanceIdentity, options);
export const addSpecialCareIdentityAction = defineAction(addSpecialCareIdentity, options);
export const addMedicalIdentityAction = defineAction(addMedicalIdentity, options);
export const endAssistanceIdentityAction = defineAction(endAssistanceIdentity, options);
export const endSpecialCareIdentityAction = defineAction(endSpecialCareIdentity, options);
export const endMedicalIdentityAction = defineAction(endMedicalIdentity, options);
