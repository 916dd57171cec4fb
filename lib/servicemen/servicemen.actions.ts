"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { createServiceman } from "@/lib/servicemen/create-serviceman";
import { linkServiceman } from "@/lib/servicemen/link-serviceman";
import { SERVICEMAN_FIELD_LABELS } from "@/lib/servicemen/serviceman.schema";
import { unlinkServiceman } from "@/lib/servicemen/unlink-serviceman";
import { updateServiceman } from "@/lib/servicemen/update-serviceman";

export const createServicemanAction = defineAction(createServiceman, {
  fieldLabels: SERVICEMAN_FIELD_LABELS,
  after: ({ servicemanId, familyId }) => {
    revalidatePath("/servicemen");
    if (familyId) {
      revalidatePath(`/people/${familyId}`);
      redirect(`/people/${familyId}`);
    }
    redirect(`/servicemen/${servicemanId}`);
  },
});

export const updateServicemanAction = defineAction(updateServiceman, {
  fieldLabels: SERVICEMAN_FIELD_LABELS,
  after: ({ servicemanId }) => {
    revalidatePath(`/servicemen/${servicemanId}`);
    return null;
  },
});

const memberChanged = ({ personId }: { personId: string }) => {
  revalidatePath(`/people/${personId}`);
  return null;
};

export const linkServicemanAction = defineAction(linkServiceman, { fieldLabels: SERVICEMAN_FIELD_LABELS, after: memberChanged });
export const unlinkServicemanAction = defineAction(unlinkServiceman, { after: memberChanged });
