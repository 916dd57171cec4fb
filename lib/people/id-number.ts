// Citizen identity numbers, GB 11643-1999 (18 characters): 6-digit area code (GB/T 2260), 8-digit
// birth date YYYYMMDD, 3-digit sequence (odd = male, even = female), 1 check character computed
// with ISO 7064 MOD 11-2.

export type Sex = "M" | "F";

export type IdNumberFailure = "LENGTH" | "FORMAT" | "BIRTH_DATE" | "CHECK_DIGIT";

export type IdNumberResult =
  | {
      ok: true;
      /** Normalised form (upper-case X). */
      idNumber: string;
      /** Birth date as "YYYY-MM-DD". */
      birthDate: string;
      sex: Sex;
      /** First six digits. */
      areaCode: string;
    }
  | { ok: false; reason: IdNumberFailure };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"] as const;

/** The check character for the first 17 digits. Throws if `first17` is not 17 digits. */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`checkDigit needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** True when `yyyymmdd` is a real calendar date from 1800-01-01 to `today` (UTC) inclusive. */
function validBirthDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1800 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return false;
  const t = today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  return y * 10000 + m * 100 + d <= t;
}

/**
 * Validates an 18-character citizen ID. Surrounding whitespace is ignored; a lower-case final "x"
 * is accepted and normalised to "X". `today` bounds the birth date (a future birth date fails).
 */
export function validateIdNumber(input: string, today: Date = new Date()): IdNumberResult {
  const s = input.trim().toUpperCase();
  if (s.length !== 18) return { ok: false, reason: "LENGTH" };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, reason: "FORMAT" };
  const birth = s.slice(6, 14);
  if (!validBirthDate(birth, today)) return { ok: false, reason: "BIRTH_DATE" };
  if (checkDigit(s.slice(0, 17)) !== s[17]) return { ok: false, reason: "CHECK_DIGIT" };
  return {
    ok: true,
    idNumber: s,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: Number(s[16]) % 2 === 1 ? "M" : "F",
    areaCode: s.slice(0, 6),
  };
}

/**
 * Builds a valid ID. `birthDate` is "YYYY-MM-DD" (or a Date, read in UTC); `sequence3` is 0–999 and
 * its parity is adjusted to `sex` (odd 17th digit = male): an even number for a man becomes +1,
 * an odd number for a woman becomes -1 (999 → 998, 0 → 1 for men).
 */
export function makeIdNumber(areaCode: string, birthDate: string | Date, sequence3: number, sex: Sex): string {
  if (!/^\d{6}$/.test(areaCode)) throw new Error(`area code must be 6 digits, got "${areaCode}"`);
  const iso = typeof birthDate === "string" ? birthDate : birthDate.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`birth date must be YYYY-MM-DD, got "${iso}"`);
  const ymd = iso.replaceAll("-", "");
  if (!validBirthDate(ymd, new Date(Date.UTC(9999, 11, 31)))) throw new Error(`not a calendar date: ${iso}`);
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) {
    throw new Error(`sequence must be an integer 0–999, got ${sequence3}`);
  }
  let seq = sequence3;
  const odd = seq % 2 === 1;
  if (sex === "M" && !odd) seq = seq === 998 ? 999 : seq + 1;
  if (sex === "F" && odd) seq -= 1;
  const first17 = `${areaCode}${ymd}${String(seq).padStart(3, "0")}`;
  return first17 + checkDigit(first17);
}
