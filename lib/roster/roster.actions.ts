"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { acknowledgeRoster } from "@/lib/roster/acknowledge-roster";
import { confirmRoster } from "@/lib/roster/confirm-roster";
import { uploadRoster } from "@/lib/roster/upload-roster";

const fieldLabels = { period: "rosterPages.period", file: "rosterPages.file", certificateDate: "rosterPages.certificateDate" };

export const uploadRosterAction = defineAction(uploadRoster, {
  fieldLabels,
  after: (result) => {
    revalidatePath("/rosters");
    redirect(`/rosters/${result.id}`);
  },
});

export const confirmRosterAction = defineAction(confirmRoster, {
  fieldLabels,
  after: (result) => {
    revalidatePath(`/rosters/${result.id}`);
    return result;
  },
});

export const acknowledgeRosterAction = defineAction(acknowledgeRoster, {
  after: (result) => {
    revalidatePath(`/rosters/${result.id}`);
    return result;
  },
});
