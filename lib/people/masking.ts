// What a page may show of a person's numbers (PIPL Art. 51; docs/decisions/013). One rule for ID
// numbers everywhere: area code (first 6) and last 4, the birth date hidden; where a masked number
// is shown, the page shows the age, never the birth date, so the number cannot be rebuilt from the
// same page. The full number only on demand, audited (lib/people/view-id-number.ts).

/** 140322********123X: the area code and the last four (sequence and check), nothing of the birth date. */
export function maskIdNumber(input: string): string {
  const s = input.trim().toUpperCase();
  if (s.length === 18) return `${s.slice(0, 6)}********${s.slice(14)}`;
  if (s.length <= 4) return "*".repeat(s.length);
  return "*".repeat(s.length - 4) + s.slice(-4);
}

/** A bank account: only the last four digits, in groups as printed on the card (**** **** **** 1234). */
export function maskBankAccount(input: string): string {
  const digits = input.replace(/\s+/g, "");
  if (digits.length <= 4) return "*".repeat(digits.length);
  const masked = "*".repeat(digits.length - 4) + digits.slice(-4);
  return masked.replace(/(.{4})(?=.)/g, "$1 ");
}

/** Whole years on `today` (UTC dates): what a page shows instead of the birth date. */
export function ageOn(birthDate: Date, today: Date): number {
  const years = today.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birthDate.getUTCMonth() || (today.getUTCMonth() === birthDate.getUTCMonth() && today.getUTCDate() < birthDate.getUTCDate());
  return Math.max(0, years - (beforeBirthday ? 1 : 0));
}
