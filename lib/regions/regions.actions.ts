"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { reloadCounty } from "@/lib/regions/reload-county";
import { REGION_FIELD_LABELS } from "@/lib/regions/regions.schema";
import { setCountyJurisdiction } from "@/lib/regions/set-county-jurisdiction";

export const setCountyJurisdictionAction = defineAction(setCountyJurisdiction, {
  fieldLabels: REGION_FIELD_LABELS,
  after: ({ jurisdiction, effective }) => {
    revalidatePath("/admin/regions");
    return { jurisdiction, effective: effective?.jurisdiction ?? null };
  },
});

// Back to the page without the preview (which would now be empty), saying what was applied.
export const reloadCountyAction = defineAction(reloadCounty, {
  fieldLabels: REGION_FIELD_LABELS,
  after: ({ changed }) => {
    revalidatePath("/admin/regions");
    redirect(`/admin/regions?reloaded=${changed}`);
  },
});
