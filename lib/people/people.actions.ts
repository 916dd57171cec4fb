"use server";

import { defineAction } from "@/lib/action";
import { viewIdNumber } from "@/lib/people/view-id-number";

export const viewIdNumberAction = defineAction(viewIdNumber);
