"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { mergePeople } from "@/lib/people/merge-people";

export const mergePeopleAction = defineAction(mergePeople, {
  fieldLabels: { keepId: "merge.keep", mergeId: "merge.duplicate", reason: "merge.reason" },
  after: ({ keepId, mergeId }) => {
    revalidatePath("/people");
    revalidatePath("/people/duplicates");
    revalidatePath(`/people/${mergeId}`);
    redirect(`/people/${keepId}`);
  },
});
