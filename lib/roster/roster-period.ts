// The period a list covers: a quarter ("2026Q3") or, where the county adjusts monthly, a month
// ("2026-09") — YQ-JZ-2019 §6(1) "本季度（月）". The list is due 5 working days after its end.
import { daysInMonth, isoDate, quarterRange, type IsoDate } from "@/lib/rules/dates";
import { addWorkingDays, type DueDate, type WorkingCalendar } from "@/lib/calendar/working-days";
import type { Citation } from "@/lib/rules/library/documents";

/** YQ-JZ-2019 §6(1): "于季度（月）调整后5个工作日内提供给同级医保、财政部门". */
export const ROSTER_DUE_WORKING_DAYS: { days: number; citation: Citation } = { days: 5, citation: { document: "YQ-JZ-2019", article: "§6(1)" } };

export type Period = { key: string; from: IsoDate; to: IsoDate };

export function parsePeriod(key: string): Period | null {
  const quarter = /^(\d{4})Q([1-4])$/.exec(key);
  if (quarter) return { key, ...quarterRange(key) };
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    return { key, from: isoDate(y, m, 1), to: isoDate(y, m, daysInMonth(y, m)) };
  }
  return null;
}

/** The quarter that ended last before `today`. */
export function lastQuarter(today: IsoDate): Period {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const key = q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
  return parsePeriod(key)!;
}

export function dueDateOf(calendar: WorkingCalendar, period: Period): DueDate {
  return addWorkingDays(calendar, period.to, ROSTER_DUE_WORKING_DAYS.days);
}
