"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { createHospital } from "@/lib/hospitals/create-hospital";
import { HOSPITAL_FIELD_LABELS } from "@/lib/hospitals/hospital.schema";
import { updateHospital } from "@/lib/hospitals/update-hospital";

export const createHospitalAction = defineAction(createHospital, {
  fieldLabels: HOSPITAL_FIELD_LABELS,
  // Typed as the update's result so that one form serves both.
  after: ({ id }): null => {
    revalidatePath("/admin/hospitals");
    redirect(`/admin/hospitals/${id}?saved=created`);
  },
});

export const updateHospitalAction = defineAction(updateHospital, {
  fieldLabels: HOSPITAL_FIELD_LABELS,
  after: ({ id }) => {
    revalidatePath("/admin/hospitals");
    revalidatePath(`/admin/hospitals/${id}`);
    return null;
  },
});
