"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { createPerson } from "@/lib/people/create-person";
import { PERSON_FIELD_LABELS } from "@/lib/people/person.schema";
import { updatePerson } from "@/lib/people/update-person";
import { viewIdNumber } from "@/lib/people/view-id-number";

export const viewIdNumberAction = defineAction(viewIdNumber);

export const createPersonAction = defineAction(createPerson, {
  fieldLabels: PERSON_FIELD_LABELS,
  after: ({ id }) => {
    revalidatePath("/people");
    redirect(`/people/${id}`);
  },
});

export const updatePersonAction = defineAction(updatePerson, {
  fieldLabels: PERSON_FIELD_LABELS,
  after: ({ id }) => {
    revalidatePath("/people");
    revalidatePath(`/people/${id}`);
    redirect(`/people/${id}`);
  },
});
