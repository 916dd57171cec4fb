// Calendar dates as ISO strings "YYYY-MM-DD": they compare correctly as strings and carry no time zone.

export type IsoDate = string;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

/** Calendar quarter label of a date, e.g. "2026Q3". */
export function quarterOf(date: IsoDate): string {
  return `${date.slice(0, 4)}Q${Math.floor((monthOf(date) - 1) / 3) + 1}`;
}

export function quarterRange(quarter: string): { from: IsoDate; to: IsoDate } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return { from: isoDate(year, firstMonth, 1), to: isoDate(year, lastMonth, daysInMonth(year, lastMonth)) };
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Completed years of age on `on`: the birthday itself counts (age rises on the day). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = yearOf(on) - yearOf(birthDate);
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The day before `date` (for boundary tests and period ends). */
export function dayBefore(date: IsoDate): IsoDate {
  const year = yearOf(date);
  const month = monthOf(date);
  const day = Number(date.slice(8, 10));
  if (day > 1) return isoDate(year, month, day - 1);
  if (month > 1) return isoDate(year, month - 1, daysInMonth(year, month - 1));
  return isoDate(year - 1, 12, 31);
}

export function dayAfter(date: IsoDate): IsoDate {
  const year = yearOf(date);
  const month = monthOf(date);
  const day = Number(date.slice(8, 10));
  if (day < daysInMonth(year, month)) return isoDate(year, month, day + 1);
  if (month < 12) return isoDate(year, month + 1, 1);
  return isoDate(year + 1, 1, 1);
}

/** Inclusive period test; `to` null means open-ended. */
export function within(date: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return date >= from && (to === null || date <= to);
}

/** Inclusive overlap of two periods. */
export function overlaps(aFrom: IsoDate, aTo: IsoDate | null, bFrom: IsoDate, bTo: IsoDate | null): boolean {
  return (bTo === null || aFrom <= bTo) && (aTo === null || bFrom <= aTo);
}

/** Whole days from `from` to `to` (hospital stays count the admission day, not the discharge day). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const start = Date.UTC(yearOf(from), monthOf(from) - 1, Number(from.slice(8, 10)));
  const end = Date.UTC(yearOf(to), monthOf(to) - 1, Number(to.slice(8, 10)));
  return Math.round((end - start) / 86_400_000);
}
