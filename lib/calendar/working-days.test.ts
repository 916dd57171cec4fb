import { describe, expect, it } from "vitest";
import { enterHolidayYearSchema } from "@/lib/calendar/calendar.schema";
import { addWorkingDays, packageCovers, workingCalendar } from "@/lib/calendar/working-days";

const calendar = workingCalendar();

describe("working days from the calendar package", () => {
  it("Spring Festival 2025: 01-28…02-04 off, Sunday 01-26 and Saturday 02-08 worked", () => {
    expect(calendar.workingDay("2025-01-26")).toEqual({ known: true, working: true });
    expect(calendar.workingDay("2025-01-28")).toEqual({ known: true, working: false });
    expect(calendar.workingDay("2025-02-04")).toEqual({ known: true, working: false });
    expect(calendar.workingDay("2025-02-08")).toEqual({ known: true, working: true });
    expect(addWorkingDays(calendar, "2025-01-24", 5)).toEqual({ ok: true, due: "2025-02-07" });
  });

  it("National Day 2025: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked", () => {
    expect(addWorkingDays(calendar, "2025-09-26", 5)).toEqual({ ok: true, due: "2025-10-10" });
    // The third quarter's list: adjusted on 09-30, due on the fifth working day after it.
    expect(addWorkingDays(calendar, "2025-09-30", 5)).toEqual({ ok: true, due: "2025-10-14" });
  });

  it("Spring Festival 2026: 02-15…02-23 off, Saturdays 02-14 and 02-28 worked", () => {
    expect(calendar.workingDay("2026-02-14")).toEqual({ known: true, working: true });
    expect(calendar.workingDay("2026-02-23")).toEqual({ known: true, working: false });
    expect(addWorkingDays(calendar, "2026-02-13", 5)).toEqual({ ok: true, due: "2026-02-27" });
    expect(addWorkingDays(calendar, "2026-02-27", 1)).toEqual({ ok: true, due: "2026-02-28" });
  });

  it("National Day 2026: 10-01…10-07 off, Saturday 10-10 worked", () => {
    expect(addWorkingDays(calendar, "2026-09-29", 5)).toEqual({ ok: true, due: "2026-10-12" });
    expect(addWorkingDays(calendar, "2026-09-30", 5)).toEqual({ ok: true, due: "2026-10-13" });
  });

  it("an ordinary week counts Monday to Friday only", () => {
    expect(addWorkingDays(calendar, "2025-06-06", 5)).toEqual({ ok: true, due: "2025-06-13" });
  });
});

describe("a year the package does not carry", () => {
  it("is reported, not guessed from weekends", () => {
    expect(packageCovers(2026)).toBe(true);
    expect(packageCovers(2027)).toBe(false);
    expect(calendar.workingDay("2027-01-01")).toEqual({ known: false, year: 2027 });
    expect(addWorkingDays(calendar, "2026-12-31", 5)).toEqual({ ok: false, missingYear: 2027 });
  });

  it("is counted once an administrator entered its notice", () => {
    const entered = workingCalendar([{ year: 2027, days: [{ date: "2027-01-01", kind: "HOLIDAY" }, { date: "2027-02-06", kind: "WORKDAY" }] }]);
    expect(addWorkingDays(entered, "2026-12-31", 5)).toEqual({ ok: true, due: "2027-01-08" });
    expect(entered.workingDay("2027-02-06")).toEqual({ known: true, working: true });
    expect(entered.workingDay("2027-02-07")).toEqual({ known: true, working: false });
  });

  it("an entered year takes precedence over the package", () => {
    const corrected = workingCalendar([{ year: 2026, days: [{ date: "2026-06-01", kind: "HOLIDAY" }] }]);
    expect(corrected.workingDay("2026-06-01")).toEqual({ known: true, working: false });
  });
});

describe("entering a year", () => {
  const valid = { year: 2027, notice: "国办发明电〔2026〕X号", holidays: ["2027-01-01"], workdays: ["2027-02-06"] };
  it("accepts a notice's days of that year", () => {
    expect(enterHolidayYearSchema.safeParse(valid).success).toBe(true);
  });
  it("refuses a day of another year, a day listed twice, or a malformed date", () => {
    expect(enterHolidayYearSchema.safeParse({ ...valid, holidays: ["2026-12-31"] }).success).toBe(false);
    expect(enterHolidayYearSchema.safeParse({ ...valid, workdays: ["2027-01-01"] }).success).toBe(false);
    expect(enterHolidayYearSchema.safeParse({ ...valid, holidays: ["2027-1-1"] }).success).toBe(false);
  });
  it("rejects a non-positive count", () => {
    expect(() => addWorkingDays(calendar, "2026-06-01", 0)).toThrow(RangeError);
  });
});
