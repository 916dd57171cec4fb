"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { addCondition } from "@/lib/people/add-condition";
import { addEnrolment } from "@/lib/people/add-enrolment";
import { correctEnrolment } from "@/lib/people/correct-enrolment";
import { endCondition } from "@/lib/people/end-condition";
import { endEnrolment } from "@/lib/people/end-enrolment";
import { CONDITION_FIELD_LABELS, ENROLMENT_FIELD_LABELS } from "@/lib/people/period.schema";

const after = ({ personId }: { personId: string }) => {
  revalidatePath(`/people/${personId}`);
  return null;
};

export const addEnrolmentAction = defineAction(addEnrolment, { fieldLabels: ENROLMENT_FIELD_LABELS, after });
export const endEnrolmentAction = defineAction(endEnrolment, { fieldLabels: ENROLMENT_FIELD_LABELS, after });
export const correctEnrolmentAction = defineAction(correctEnrolment, { fieldLabels: ENROLMENT_FIELD_LABELS, after });
export const addConditionAction = defineAction(addCondition, { fieldLabels: CONDITION_FIELD_LABELS, after });
export const endConditionAction = defineAction(endCondition, { fieldLabels: CONDITION_FIELD_LABELS, after });
