"use server";

import { defineAction, formDataObject } from "@/lib/action";
import { calculateTrial } from "@/lib/trial/calculate-trial";
import { TRIAL_FIELD_LABELS } from "@/lib/trial/trial.schema";
import type { WorksheetData } from "@/lib/trial/worksheet";

export const trialCalculationAction = defineAction(calculateTrial, {
  fieldLabels: TRIAL_FIELD_LABELS,
  // The form shows what was computed beside what was typed, so a clerk can change one field and retry.
  after: (worksheet, formData): { worksheet: WorksheetData; input: Record<string, string | string[]> } => {
    const input: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(formDataObject(formData))) {
      if (key.startsWith("$")) continue;
      if (typeof value === "string") input[key] = value;
      else if (Array.isArray(value)) input[key] = value.filter((v): v is string => typeof v === "string");
    }
    return { worksheet, input };
  },
});
