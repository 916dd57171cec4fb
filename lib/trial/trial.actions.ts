"use server";

import { defineAction } from "@/lib/action";
import { DomainError } from "@/lib/errors";
import { parseCaseFile } from "@/lib/rules/case.schema";
import { sha256Hex } from "@/lib/rules/receipt";
import { claimResultJson, runCase } from "@/lib/rules/run-case";
import { toCaseFile, TRIAL_FIELD_LABELS, trialFormSchema } from "@/lib/trial/trial.schema";
import type { WorksheetData } from "@/lib/trial/worksheet";

// A trial calculation changes nothing, so it writes no audit row; it runs the same rules module
// the settlement will, with the full trace, for the worksheet.
export const trialCalculationAction = defineAction(
  { permission: "rules:trial", schema: trialFormSchema, fieldLabels: TRIAL_FIELD_LABELS },
  async (input, { values }): Promise<{ worksheet: WorksheetData; input: Record<string, string | string[]> }> => {
    const parsed = parseCaseFile(toCaseFile(input));
    if (!parsed.ok) throw new DomainError("trial.rulesRefused", { problems: parsed.issues.map((i) => `${i.path}: ${i.message}`).join("；") });
    const result = runCase(parsed.value, { trace: true, hasher: sha256Hex });
    const claim = result.claims[0];
    if (!claim) throw new Error("the rules module returned no claim result");
    return { worksheet: JSON.parse(JSON.stringify(claimResultJson(claim))) as WorksheetData, input: values };
  },
);
