// Calendar dates as "YYYY-MM-DD" strings (UTC, no time zone surprises).

const DAY = 86_400_000;

export function toDays(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

export function fromDays(days: number): string {
  return new Date(days * DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}

/** A uniformly drawn date between `from` and `to`, inclusive. */
export function dateBetween(next: () => number, from: string, to: string): string {
  const a = toDays(from);
  const b = toDays(to);
  return fromDays(a + Math.floor(next() * (b - a + 1)));
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Whole years of age on `on`. */
export function ageOn(birthDate: string, on: string): number {
  let age = yearOf(on) - yearOf(birthDate);
  if (on.slice(5) < birthDate.slice(5)) age -= 1;
  return age;
}

export function isoToDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
