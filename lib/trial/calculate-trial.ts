import { defineCommand } from "@/lib/command";
import { DomainError } from "@/lib/errors";
import { parseCaseFile } from "@/lib/rules/case.schema";
import { sha256Hex } from "@/lib/rules/receipt";
import { claimResultJson, runCase } from "@/lib/rules/run-case";
import { toCaseFile, trialFormSchema } from "@/lib/trial/trial.schema";
import type { WorksheetData } from "@/lib/trial/worksheet";

// A trial calculation changes nothing, so it writes no audit row; it runs the same rules module
// the settlement will, with the full trace, for the worksheet.
export const calculateTrial = defineCommand({ permission: "rules:trial", schema: trialFormSchema }, async (_tx, input): Promise<WorksheetData> => {
  const parsed = parseCaseFile(toCaseFile(input));
  if (!parsed.ok) throw new DomainError("trial.rulesRefused", { problems: parsed.issues.map((i) => `${i.path}: ${i.message}`).join("；") });
  const result = runCase(parsed.value, { trace: true, hasher: sha256Hex });
  const claim = result.claims[0];
  if (!claim) throw new Error("the rules module returned no claim result");
  return JSON.parse(JSON.stringify(claimResultJson(claim))) as WorksheetData;
});
