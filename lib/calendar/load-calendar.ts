import type { Db, Tx } from "@/lib/db";
import { workingCalendar, type EnteredYear, type WorkingCalendar } from "@/lib/calendar/working-days";

/** The package's calendar with every year an administrator entered. */
export async function loadWorkingCalendar(db: Db | Tx): Promise<WorkingCalendar> {
  const years = await db.calendarYear.findMany({ include: { days: true } });
  const entered: EnteredYear[] = years.map((y) => ({
    year: y.year,
    days: y.days.map((d) => ({ date: d.date.toISOString().slice(0, 10), kind: d.kind })),
  }));
  return workingCalendar(entered);
}
