// The one place an accumulator key is spelled: built from a catalogue kind and a period, parsed back
// into them. Stored keys stay plain strings (`${programme}:${period}:${name}`) so ledgers and JSON
// need no codec; the catalogue gives each its unit, label and article.
import type { Accumulators } from "./claim-context";
import type { AccumulatorDefinition, AccumulatorKey, AccumulatorKind } from "./library/accumulator-kinds";
import { ACCUMULATOR_KIND_IDS, ACCUMULATOR_KINDS, ACCUMULATOR_PERIODS } from "./library/accumulator-kinds";
import { formatYuan } from "./money";

export class AccumulatorPeriodError extends Error {
  constructor(readonly kind: AccumulatorKind, readonly period: string) {
    super(`累计项 ${kind} 的期间应为${ACCUMULATOR_PERIODS[ACCUMULATOR_KINDS[kind].period].label}（如 ${ACCUMULATOR_PERIODS[ACCUMULATOR_KINDS[kind].period].example}），得到 ${period}`);
  }
}

// Memoised per kind and period: the hot path reuses one interned string instead of building and
// checking it on every claim. Periods are days, quarters or years, so a run sees few of them.
const KEY_CACHE = new Map<AccumulatorKind, Map<string, AccumulatorKey>>();

/** The stored key of `kind` for `period`; throws AccumulatorPeriodError on a period of the wrong shape. */
export function accumulatorKey(kind: AccumulatorKind, period: string): AccumulatorKey {
  let perPeriod = KEY_CACHE.get(kind);
  if (!perPeriod) {
    perPeriod = new Map();
    KEY_CACHE.set(kind, perPeriod);
  }
  let key = perPeriod.get(period);
  if (key === undefined) {
    const definition: AccumulatorDefinition = ACCUMULATOR_KINDS[kind];
    if (!ACCUMULATOR_PERIODS[definition.period].pattern.test(period)) throw new AccumulatorPeriodError(kind, period);
    key = `${definition.programme}:${period}:${definition.name}` as AccumulatorKey;
    if (perPeriod.size > 10_000) perPeriod.clear();
    perPeriod.set(period, key);
  }
  return key;
}

const KIND_BY_STORED_NAME = new Map<string, AccumulatorKind>(ACCUMULATOR_KIND_IDS.map((kind) => [`${ACCUMULATOR_KINDS[kind].programme}:${ACCUMULATOR_KINDS[kind].name}`, kind]));

export type ParsedAccumulatorKey = { key: AccumulatorKey; kind: AccumulatorKind; period: string; definition: AccumulatorDefinition };

/** A stored key back into kind and period; null for anything the catalogue does not know. */
export function parseAccumulatorKey(key: string): ParsedAccumulatorKey | null {
  const parts = key.split(":");
  if (parts.length !== 3) return null;
  const [programme, period, name] = parts as [string, string, string];
  const kind = KIND_BY_STORED_NAME.get(`${programme}:${name}`);
  if (kind === undefined) return null;
  const definition: AccumulatorDefinition = ACCUMULATOR_KINDS[kind];
  if (!ACCUMULATOR_PERIODS[definition.period].pattern.test(period)) return null;
  return { key: key as AccumulatorKey, kind, period, definition };
}

/** Accumulators as JSON, each value in its kind's unit: money as yuan text ("14160.00"), counts as whole-number text ("2"). */
export function accumulatorsJson(accumulators: Accumulators): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const key of Object.keys(accumulators).sort()) {
    const value = accumulators[key as AccumulatorKey];
    const parsed = parseAccumulatorKey(key);
    if (value === undefined || parsed === null) throw new Error(`未登记的累计项: ${key}`);
    out[key] = parsed.definition.unit === "COUNT" ? value.toString() : formatYuan(value);
  }
  return out;
}
