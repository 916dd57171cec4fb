"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { addHouseholdMember } from "@/lib/households/add-household-member";
import { createHousehold } from "@/lib/households/create-household";
import { HOUSEHOLD_FIELD_LABELS } from "@/lib/households/household.schema";
import { removeHouseholdMember } from "@/lib/households/remove-household-member";
import { setMemberRelation } from "@/lib/households/set-member-relation";
import { updateHousehold } from "@/lib/households/update-household";

const revalidate = ({ householdId, personId }: { householdId: string; personId?: string }) => {
  revalidatePath(`/households/${householdId}`);
  if (personId) revalidatePath(`/people/${personId}`);
  return null;
};

export const createHouseholdAction = defineAction(createHousehold, {
  fieldLabels: HOUSEHOLD_FIELD_LABELS,
  after: ({ householdId, personId }) => {
    revalidatePath(`/people/${personId}`);
    redirect(`/households/${householdId}`);
  },
});

export const updateHouseholdAction = defineAction(updateHousehold, { fieldLabels: HOUSEHOLD_FIELD_LABELS, after: revalidate });
export const addHouseholdMemberAction = defineAction(addHouseholdMember, { fieldLabels: HOUSEHOLD_FIELD_LABELS, after: revalidate });
export const setMemberRelationAction = defineAction(setMemberRelation, { fieldLabels: HOUSEHOLD_FIELD_LABELS, after: revalidate });
export const removeHouseholdMemberAction = defineAction(removeHouseholdMember, { fieldLabels: HOUSEHOLD_FIELD_LABELS, after: revalidate });
