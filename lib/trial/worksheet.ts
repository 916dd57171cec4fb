import type { AMOUNT_FIELDS } from "@/lib/rules/claim-context";

type AmountField = (typeof AMOUNT_FIELDS)[number];

// The JSON shape of one claim's result (lib/rules/run-case.ts claimResultJson) as the worksheet
// component reads it. Amounts are yuan strings with two decimals.
export type WorksheetCitation = { document: string; article: string } | null;

export type WorksheetData = Record<AmountField, string> & {
  stageOrder: string[];
  lines: { stage: string; id: string; label: string; amount: string; citation: WorksheetCitation }[];
  reasons: { stage: string; code: string; message: string; citation: WorksheetCitation; detail?: string }[];
  flags: { code: string; field: string; settled: string; computed?: string; cap?: string; paidBefore?: string }[];
  trace: {
    id: string;
    stage: string;
    label: string;
    value: unknown;
    formula: string;
    inputs: Record<string, unknown>;
    params: { id: string; jurisdiction: string; from: string }[];
    citation: WorksheetCitation;
    /** RULES.md readings of 2026-12-01 governing the line; the formula text names them too. */
    interpretations?: number[];
  }[];
  receipt: { engineVersion: string; rulesetHash: string; inputHash: string; outputHash: string } | null;
};

/** The amounts a worksheet summarises, in chain order. */
export const WORKSHEET_AMOUNTS: readonly AmountField[] = [
  "gross",
  "discount",
  "policyScope",
  "insurance",
  "criticalIllness",
  "assistance",
  "specialCare",
  "specialCareLarge",
  "hospitalAbsorbed",
  "card",
  "personal",
];
