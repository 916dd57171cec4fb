// Money and rates as exact integers: amounts in fen (BigInt), rates as fractions of BigInts.
// RULES.md "Money": no binary floating point anywhere a yuan amount flows.

/** An amount of money in fen (1 yuan = 100 fen). */
export type Fen = bigint;

/** An exact non-negative fraction, e.g. 85 % = {num: 85n, den: 100n}. */
export type Rate = { readonly num: bigint; readonly den: bigint };

/** An exact rational used inside banded formulas before the single rounding of a payout line. */
export type Fraction = { readonly num: bigint; readonly den: bigint };

const AMOUNT_PATTERN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const RATE_PATTERN = /^(\d+)(?:\.(\d{1,6}))?$/;

export const ZERO: Fen = 0n;

/** Parses "1234.5" / "1234.56" / "1234" into fen; throws on anything else (callers validate first). */
export function parseYuan(text: string): Fen {
  const match = AMOUNT_PATTERN.exec(text);
  if (!match) throw new Error(`不是合法金额: ${text}`);
  const sign = match[1] === "-" ? -1n : 1n;
  const whole = BigInt(match[2] ?? "0");
  const cents = BigInt(((match[3] ?? "") + "00").slice(0, 2));
  return sign * (whole * 100n + cents);
}

export function isYuanText(text: string): boolean {
  return AMOUNT_PATTERN.test(text) && !text.startsWith("-");
}

/** Formats fen as a yuan string with exactly two decimals ("1234.50"). */
export function formatYuan(fen: Fen): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / 100n;
  const cents = abs % 100n;
  return `${negative ? "-" : ""}${whole.toString()}.${cents < 10n ? "0" : ""}${cents.toString()}`;
}

/** Parses a decimal rate such as "0.25" into an exact fraction. */
export function parseRate(text: string): Rate {
  const match = RATE_PATTERN.exec(text);
  if (!match) throw new Error(`不是合法比例: ${text}`);
  const decimals = match[2] ?? "";
  const den = 10n ** BigInt(decimals.length);
  return { num: BigInt((match[1] ?? "0") + decimals), den };
}

export function isRateText(text: string): boolean {
  return RATE_PATTERN.test(text);
}

/** Percent as an exact rate: percent(85) = 85/100. */
export function percent(value: number): Rate {
  return { num: BigInt(value), den: 100n };
}

export function rateOf(num: bigint, den: bigint): Rate {
  return { num, den };
}

export function formatRate(rate: Rate): string {
  // Shown as a percentage with up to two decimals; exact for every rate in the library.
  const scaled = (rate.num * 10000n) / rate.den;
  const whole = scaled / 100n;
  const frac = scaled % 100n;
  return frac === 0n ? `${whole}%` : `${whole}.${frac.toString().padStart(2, "0").replace(/0$/, "")}%`;
}

export function rateEquals(a: Rate, b: Rate): boolean {
  return a.num * b.den === b.num * a.den;
}

export function subtractRate(a: Rate, b: Rate): Rate {
  const num = a.num * b.den - b.num * a.den;
  return { num: num < 0n ? 0n : num, den: a.den * b.den };
}

/** Rounds num/den half-up (away from zero at exactly one half) to an integer number of fen. */
export function roundHalfUp(num: bigint, den: bigint): Fen {
  if (den < 0n) return roundHalfUp(-num, -den);
  if (num < 0n) return -roundHalfUp(-num, den);
  return (num * 2n + den) / (den * 2n);
}

/** amount × rate, rounded half-up to the fen: the one rounding of a payout line. */
export function applyRate(amount: Fen, rate: Rate): Fen {
  return roundHalfUp(amount * rate.num, rate.den);
}

export function fraction(num: bigint, den = 1n): Fraction {
  return { num, den };
}

export function fractionTimesRate(value: Fraction, rate: Rate): Fraction {
  return { num: value.num * rate.num, den: value.den * rate.den };
}

export function fractionAdd(a: Fraction, b: Fraction): Fraction {
  return a.den === b.den ? { num: a.num + b.num, den: a.den } : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function fractionSub(a: Fraction, b: Fraction): Fraction {
  return a.den === b.den ? { num: a.num - b.num, den: a.den } : { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

export function fractionPositivePart(a: Fraction): Fraction {
  return a.num < 0n ? { num: 0n, den: 1n } : a;
}

export function fractionMin(a: Fraction, b: Fraction): Fraction {
  return a.num * b.den <= b.num * a.den ? a : b;
}

export function roundFraction(a: Fraction): Fen {
  return roundHalfUp(a.num, a.den);
}

export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

export function maxFen(a: Fen, b: Fen): Fen {
  return a > b ? a : b;
}

export function positive(a: Fen): Fen {
  return a > 0n ? a : 0n;
}

export function yuan(whole: number): Fen {
  return BigInt(whole) * 100n;
}
