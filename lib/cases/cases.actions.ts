"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { addAttachment } from "@/lib/cases/add-attachment";
import { approveCase } from "@/lib/cases/approve-case";
import { caseFieldLabel, CASE_FIELD_LABELS } from "@/lib/cases/case.schema";
import { countyReturnCase } from "@/lib/cases/county-return-case";
import { createCase } from "@/lib/cases/create-case";
import { forwardCase } from "@/lib/cases/forward-case";
import { investigateCase } from "@/lib/cases/investigate-case";
import { publicizeCase } from "@/lib/cases/publicize-case";
import { recordObjection } from "@/lib/cases/record-objection";
import { recordPayment } from "@/lib/cases/record-payment";
import { refuseCase } from "@/lib/cases/refuse-case";
import { rejectCase } from "@/lib/cases/reject-case";
import { removeAttachment } from "@/lib/cases/remove-attachment";
import { resubmitCase } from "@/lib/cases/resubmit-case";
import { returnCase } from "@/lib/cases/return-case";
import { serveNotice } from "@/lib/cases/serve-notice";
import { submitCase } from "@/lib/cases/submit-case";
import { updateDraftBills } from "@/lib/cases/update-draft-bills";
import { withdrawCase } from "@/lib/cases/withdraw-case";

// The case page's forms: each one the command as it is, with the case's pages refreshed after it.
// Bills are nested (bills.0.items.2.amount): their forms name the field by its whole path.
const labels = { fieldLabels: CASE_FIELD_LABELS };
const billLabels = { fieldLabels: CASE_FIELD_LABELS, fieldLabel: caseFieldLabel };

function refreshed(result: { id: string }): null {
  revalidatePath(`/cases/${result.id}`);
  revalidatePath("/cases");
  return null;
}

export const createCaseAction = defineAction(createCase, {
  ...billLabels,
  after: (result) => {
    revalidatePath("/cases");
    redirect(`/cases/${result.id}`);
  },
});

export const updateDraftBillsAction = defineAction(updateDraftBills, { ...billLabels, after: refreshed });
export const addAttachmentAction = defineAction(addAttachment, {
  ...labels,
  after: (_result, formData) => refreshed({ id: String(formData.get("caseId")) }),
});
export const removeAttachmentAction = defineAction(removeAttachment, {
  ...labels,
  after: (_result, formData) => refreshed({ id: String(formData.get("caseId")) }),
});
export const submitCaseAction = defineAction(submitCase, { ...labels, after: refreshed });
export const resubmitCaseAction = defineAction(resubmitCase, { ...labels, after: refreshed });
export const withdrawCaseAction = defineAction(withdrawCase, { ...labels, after: refreshed });
export const investigateCaseAction = defineAction(investigateCase, { ...labels, after: refreshed });
export const publicizeCaseAction = defineAction(publicizeCase, { ...labels, after: refreshed });
export const recordObjectionAction = defineAction(recordObjection, { ...labels, after: refreshed });
export const forwardCaseAction = defineAction(forwardCase, { ...labels, after: refreshed });
export const returnCaseAction = defineAction(returnCase, { ...labels, after: refreshed });
export const rejectCaseAction = defineAction(rejectCase, { ...labels, after: refreshed });
export const approveCaseAction = defineAction(approveCase, { ...labels, after: refreshed });
export const refuseCaseAction = defineAction(refuseCase, { ...labels, after: refreshed });
export const countyReturnCaseAction = defineAction(countyReturnCase, { ...labels, after: refreshed });
export const recordPaymentAction = defineAction(recordPayment, {
  ...labels,
  after: (result) => {
    revalidatePath("/payments");
    return refreshed(result);
  },
});
export const serveNoticeAction = defineAction(serveNotice, { ...labels, after: refreshed });
