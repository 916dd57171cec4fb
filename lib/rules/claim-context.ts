// The working state of one claim as it moves through the chain: amounts so far, a private copy of
// the person's accumulators, the trace, and the reasons and flags each stage leaves behind.
import type { IsoDate } from "./dates";
import type { Claim, JurisdictionNode, Person } from "./domain";
import type { Fen, Rate } from "./money";
import type { AccumulatorKey } from "./library/accumulator-kinds";
import type { Citation } from "./library/documents";
import type { ParameterId } from "./library/parameters";
import type { PolicyLibrary, ResolvedParameters, ResolvedVersion } from "./library/policy-library";
import type { ReadingNumber } from "./library/readings";
import { readingText } from "./library/readings";
import type { ReasonCode } from "./library/reasons";
import { REASONS } from "./library/reasons";
import type { StageId } from "./library/stages";

/** A person's running totals: stored key (library/accumulator-kinds.ts) → fen or a count, by its unit. */
export type Accumulators = { readonly [key: AccumulatorKey]: bigint };

export type TraceValue = Fen | Rate | string | number | boolean | null | readonly string[];

export type TraceParamRef = { id: ParameterId; jurisdiction: JurisdictionNode; from: IsoDate };

export type TraceLine = {
  id: string;
  stage: StageId;
  label: string;
  value: TraceValue;
  /** The formula in words (Chinese), as a clerk would write it on the worksheet. */
  formula: string;
  inputs: Readonly<Record<string, TraceValue>>;
  params: readonly TraceParamRef[];
  citation: Citation | null;
  /** RULES.md readings of 2026-12-01 that govern this line; its formula names them too. */
  interpretations?: readonly ReadingNumber[];
};

export type ReasonEntry = { stage: StageId; code: ReasonCode; message: string; citation: Citation | null; detail?: string };

export type Flag =
  | { code: "SETTLED_DIFFERS"; field: string; settled: Fen; computed: Fen }
  | { code: "SETTLED_USED"; field: string; settled: Fen }
  | { code: "SETTLED_PAST_CAP"; field: string; settled: Fen; cap: Fen; paidBefore: Fen };

export type ClaimAmounts = {
  gross: Fen;
  discount: Fen;
  policyScope: Fen;
  firstSelfPay: Fen;
  selfPay: Fen;
  insurance: Fen;
  routeReduction: Fen;
  criticalIllness: Fen;
  assistance: Fen;
  specialCare: Fen;
  specialCareLarge: Fen;
  hospitalAbsorbed: Fen;
  card: Fen;
  /** Member day (SX-CARD-2026, RULES.md §6): the store's saving when its price beats the card; no payout of any programme. */
  memberDaySaving: Fen;
  personal: Fen;
};

export const AMOUNT_FIELDS = [
  "gross",
  "discount",
  "policyScope",
  "firstSelfPay",
  "selfPay",
  "insurance",
  "routeReduction",
  "criticalIllness",
  "assistance",
  "specialCare",
  "specialCareLarge",
  "hospitalAbsorbed",
  "card",
  "memberDaySaving",
  "personal",
] as const satisfies readonly (keyof ClaimAmounts)[];

export type PayoutLine = { stage: StageId; id: string; label: string; amount: Fen; citation: Citation | null };

export type ClaimContext = {
  readonly person: Person;
  readonly claim: Claim;
  readonly params: ResolvedParameters;
  readonly library: PolicyLibrary;
  readonly year: string;
  readonly enrolled: boolean;
  /** Item amounts after hospital discounts, in bill order. */
  netItems: Fen[];
  /** True when the stay is settled under a single-disease quota (YQ-JZ-2019 §4(2)4). */
  quotaStay: boolean;
  /** Cost within the quota of a quota stay, set by the insurance stage. */
  quotaAllowed?: Fen;
  /** Inpatient admissions of the year before this one (deductible halving). */
  admissionsBefore?: bigint;
  /** Which of stages 4/5 already ran, for the base of the later one. */
  assistanceRan: boolean;
  specialCareRan: boolean;
  amounts: ClaimAmounts;
  acc: { [key: AccumulatorKey]: bigint };
  readonly tracing: boolean;
  trace: TraceLine[];
  reasons: ReasonEntry[];
  flags: Flag[];
  lines: PayoutLine[];
};

export function ref<T>(resolved: ResolvedVersion<T>): TraceParamRef {
  return { id: resolved.id, jurisdiction: resolved.jurisdiction, from: resolved.from };
}

export function addReason(ctx: ClaimContext, stage: StageId, code: ReasonCode, citation?: Citation | null, detail?: string): void {
  const definition = REASONS[code];
  const entry: ReasonEntry = { stage, code, message: definition.message, citation: citation === undefined ? definition.citation : citation };
  if (detail !== undefined) entry.detail = detail;
  ctx.reasons.push(entry);
}

export function addTrace(ctx: ClaimContext, line: TraceLine, readings?: readonly ReadingNumber[]): void {
  ctx.trace.push(readings ? interpreted(line, readings) : line);
}

/** The line marked as governed by `readings`: a structured field, and the reading named in its formula. */
export function interpreted(line: TraceLine, readings: readonly ReadingNumber[]): TraceLine {
  if (readings.length === 0) return line;
  return { ...line, formula: `${line.formula}（${readings.map(readingText).join("；")}）`, interpretations: readings };
}

export function addPayout(ctx: ClaimContext, stage: StageId, id: string, label: string, amount: Fen, citation: Citation | null): void {
  ctx.lines.push({ stage, id, label, amount, citation });
}

export function readAcc(ctx: ClaimContext, key: AccumulatorKey): bigint {
  return ctx.acc[key] ?? 0n;
}

export function writeAcc(ctx: ClaimContext, key: AccumulatorKey, value: bigint): void {
  ctx.acc[key] = value;
}

/** Compares a computed figure with the one the insurer settled and flags any difference. */
export function compareSettled(ctx: ClaimContext, stage: StageId, field: "policyScope" | "insurance" | "criticalIllness" | "assistance", computed: Fen): void {
  const settled = ctx.claim.settled?.[field];
  if (settled === undefined || settled === computed) return;
  ctx.flags.push({ code: "SETTLED_DIFFERS", field, settled, computed });
  addReason(ctx, stage, "SETTLED_DIFFERS", null, `${field}`);
}

/**
 * Where the library has no rule for a stage, the settled figure is used as given; without one the
 * stage pays zero and says so (never a silent zero).
 */
export function takeSettled(ctx: ClaimContext, stage: StageId, field: "policyScope" | "insurance" | "criticalIllness" | "assistance", label: string, readings: readonly ReadingNumber[] = []): Fen {
  const settled = ctx.claim.settled?.[field];
  if (settled !== undefined) {
    ctx.flags.push({ code: "SETTLED_USED", field, settled });
    addReason(ctx, stage, "SETTLED_AMOUNT_USED", null, field);
    if (ctx.tracing) {
      addTrace(ctx, {
        id: `${stageLinePrefix(stage)}.settled.${field}`,
        stage,
        label,
        value: settled,
        formula: "政策库无本阶段规则，采用经办机构已结算金额",
        inputs: { settled },
        params: [],
        citation: null,
      }, readings);
    }
    return settled;
  }
  addReason(ctx, stage, "NO_RULE_IN_FORCE", null, field);
  addReason(ctx, stage, "SETTLED_AMOUNT_MISSING", null, field);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: `${stageLinePrefix(stage)}.noRule.${field}`,
      stage,
      label,
      value: 0n,
      formula: "政策库无本阶段规则且未提供已结算金额，计为零",
      inputs: {},
      params: [],
      citation: null,
    }, [...readings, 4]);
  }
  return 0n;
}

export function stageLinePrefix(stage: StageId): string {
  switch (stage) {
    case "hospitalDiscount":
      return "discount";
    case "basicInsurance":
      return "insurance";
    case "medicalAssistance":
      return "assistance";
    default:
      return stage;
  }
}
