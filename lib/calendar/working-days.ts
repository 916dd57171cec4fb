// Chinese working days (State Council's yearly holiday notice): public holidays are off, the
// make-up weekends (调休) are worked, other Saturdays and Sundays are off. The published years come
// from chinese-days; a year it does not carry yet is entered by an administrator from the notice
// (lib/calendar/enter-holiday-year.ts). A year neither knows is never guessed from weekends alone:
// the answer says which year is missing, and the caller shows that as a warning.
// The package's ESM build has no "type": "module", so Node and Next load its CommonJS build,
// whose functions are reachable only through the default export.
import chineseDays from "chinese-days";
import { dayAfter, yearOf, type IsoDate } from "@/lib/rules/dates";

export type CalendarDayKind = "HOLIDAY" | "WORKDAY";

/** One year as the administrator entered it: its public holidays and its make-up working days. */
export type EnteredYear = { year: number; days: readonly { date: IsoDate; kind: CalendarDayKind }[] };

export type WorkingDay = { known: true; working: boolean } | { known: false; year: number };

export type WorkingCalendar = { workingDay(date: IsoDate): WorkingDay };

export type DueDate = { ok: true; due: IsoDate } | { ok: false; missingYear: number };

function isWeekend(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

const packageYears = new Map<number, boolean>();

/**
 * Whether chinese-days carries a year: every published year has weekday public holidays (Spring
 * Festival at least), and for a year it lacks the package answers by weekends only, silently.
 */
export function packageCovers(year: number): boolean {
  const cached = packageYears.get(year);
  if (cached !== undefined) return cached;
  const covered = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).some((date) => !isWeekend(date));
  packageYears.set(year, covered);
  return covered;
}

/** The calendar of the package, with the administrator's years taking precedence where entered. */
export function workingCalendar(entered: readonly EnteredYear[] = []): WorkingCalendar {
  const enteredYears = new Map(entered.map((y) => [y.year, new Map(y.days.map((d) => [d.date, d.kind]))]));
  return {
    workingDay(date) {
      const year = yearOf(date);
      const days = enteredYears.get(year);
      if (days) {
        const kind = days.get(date);
        return { known: true, working: kind === undefined ? !isWeekend(date) : kind === "WORKDAY" };
      }
      if (!packageCovers(year)) return { known: false, year };
      return { known: true, working: chineseDays.isWorkday(date) };
    },
  };
}

/**
 * The `n`-th working day after `from` (the day itself not counted): YQ-JZ-2019 §6(1) "季度（月）调整
 * 后5个工作日内". Fails, naming the year, when a day on the way lies in a year with no calendar.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: IsoDate, n: number): DueDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`addWorkingDays needs a positive whole number, got ${n}`);
  let date = from;
  for (let counted = 0; counted < n; ) {
    date = dayAfter(date);
    const day = calendar.workingDay(date);
    if (!day.known) return { ok: false, missingYear: day.year };
    if (day.working) counted++;
  }
  return { ok: true, due: date };
}
