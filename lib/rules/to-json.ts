// Engine values as JSON: fen → "12.34" (yuan, two decimals), exact rates → "85%", the rest as is.
import { formatRate, formatYuan } from "./money";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Turns engine values into JSON: fen → "12.34", rates → "85%", nested objects and arrays kept. */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return formatYuan(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((entry) => toJson(entry));
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.num === "bigint" && typeof record.den === "bigint" && Object.keys(record).length === 2) return formatRate({ num: record.num, den: record.den });
    const out: { [key: string]: JsonValue } = {};
    for (const [key, entry] of Object.entries(record)) if (entry !== undefined) out[key] = toJson(entry);
    return out;
  }
  return null;
}

