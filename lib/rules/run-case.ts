// A whole case file through the engine (claims replayed in order, then entitlements), and the
// JSON shape the CLI prints and the app renders: amounts as yuan strings with two decimals.
import { accumulatorsJson } from "./accumulator-keys";
import type { Accumulators, ReasonEntry, TraceLine } from "./claim-context";
import { AMOUNT_FIELDS } from "./claim-context";
import type { ClaimResult, ComputeOptions } from "./compute-claim";
import { replayClaims } from "./compute-claim";
import type { CaseFile } from "./domain";
import type { EntitlementResult } from "./entitlements";
import { computeEntitlements } from "./entitlements";
import { DEFAULT_LIBRARY } from "./library/policy-library";
import { formatYuan } from "./money";
import type { JsonValue } from "./to-json";
import { toJson } from "./to-json";

export type CaseResult = { caseId: string; claims: ClaimResult[]; entitlements: EntitlementResult[]; accumulators: Accumulators };

export function runCase(caseFile: CaseFile, opts: ComputeOptions = {}): CaseResult {
  const { results, accumulators } = replayClaims(caseFile.person, caseFile.claims, {}, opts);
  const entitlements = computeEntitlements(caseFile.person, caseFile.entitlements, accumulators, opts.library ?? DEFAULT_LIBRARY);
  return { caseId: caseFile.id, claims: results, entitlements, accumulators };
}

function traceJson(trace: readonly TraceLine[]): JsonValue {
  return toJson(trace);
}

function reasonsJson(reasons: readonly ReasonEntry[]): JsonValue {
  return toJson(reasons);
}

export function claimResultJson(result: ClaimResult): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const field of AMOUNT_FIELDS) out[field] = formatYuan(result.amounts[field]);
  out.stageOrder = result.stageOrder;
  out.lines = toJson(result.lines);
  out.reasons = reasonsJson(result.reasons);
  out.flags = toJson(result.flags);
  out.accumulatorsAfter = accumulatorsJson(result.accumulatorsAfter);
  out.trace = traceJson(result.trace);
  out.receipt = toJson(result.receipt);
  return out;
}

export function entitlementResultJson(result: EntitlementResult): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = { programme: result.programme };
  if (result.year !== undefined) out.year = result.year;
  if (result.quarter !== undefined) out.quarter = result.quarter;
  if (result.appliedOn !== undefined) out.appliedOn = result.appliedOn;
  out.amount = formatYuan(result.amount);
  out.eligible = result.eligible;
  if (result.months !== undefined) out.months = result.months;
  out.reasons = reasonsJson(result.reasons);
  out.trace = traceJson(result.trace);
  return out;
}

export function caseResultJson(result: CaseResult): { claims: { [id: string]: JsonValue }; entitlements: JsonValue[] } {
  const claims: { [id: string]: JsonValue } = {};
  for (const claim of result.claims) claims[claim.claimId] = claimResultJson(claim);
  return { claims, entitlements: result.entitlements.map(entitlementResultJson) };
}
