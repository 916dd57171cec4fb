// How a trace formula prints a value it read from a parameter version, so the worksheet's words
// follow the library when a rate or cap changes; a test holds every number in a formula to this.
import type { Fen, Rate } from "./money";
import { formatRate, formatYuan } from "./money";

const TEN_THOUSAND_YUAN: Fen = 1_000_000n;

/**
 * Money as the documents write it: "3万元" for whole ten-thousands, else "3000元" ("450.50元" when
 * not whole yuan); rates "15%"; counts and days "15".
 */
export function paramText(value: Fen | Rate | number): string {
  if (typeof value === "bigint") {
    if (value !== 0n && value % TEN_THOUSAND_YUAN === 0n) return `${value / TEN_THOUSAND_YUAN}万元`;
    const text = formatYuan(value);
    return `${text.endsWith(".00") ? text.slice(0, -3) : text}元`;
  }
  if (typeof value === "number") return `${value}`;
  return formatRate(value);
}
