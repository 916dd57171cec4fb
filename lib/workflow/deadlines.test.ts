import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, daysInMonth, isoDate } from "@/lib/rules/dates";
import { caseDueDates } from "./case-due-dates";
import { addDays, addMonthsClamped, lawsuitDeadline, publicityPeriod, reconsiderationDeadline } from "./deadlines";
import { caseIn } from "./workflow-fixtures";

describe("公示 period: the start day is day 1", () => {
  it.each([
    ["2026-03-01", 7, "2026-03-07", "2026-03-08"],
    ["2026-02-25", 7, "2026-03-03", "2026-03-04"],
    ["2028-02-25", 7, "2028-03-02", "2028-03-03"],
    ["2026-12-28", 7, "2027-01-03", "2027-01-04"],
    ["2026-04-30", 1, "2026-04-30", "2026-05-01"],
    ["2026-01-31", 30, "2026-03-01", "2026-03-02"],
  ] as const)("%s for %i days: last day %s, may pass from %s", (startsOn, days, lastDay, endsAfter) => {
    expect(publicityPeriod(startsOn, days)).toEqual({ startsOn, lastDay, endsAfter });
  });

  it("refuses a period that is not a positive whole number of days", () => {
    expect(() => publicityPeriod("2026-03-01", 0)).toThrow(RangeError);
    expect(() => publicityPeriod("2026-03-01", 2.5)).toThrow(RangeError);
  });
});

describe("reconsideration: 60 days, the day of service not counted", () => {
  it.each([
    ["2026-03-18", "2026-05-17"],
    ["2026-01-01", "2026-03-02"],
    ["2028-01-01", "2028-03-01"],
    ["2026-12-31", "2027-03-01"],
    ["2026-11-02", "2027-01-01"],
    ["2026-02-28", "2026-04-29"],
  ] as const)("served %s: last day %s", (servedOn, lastDay) => {
    expect(reconsiderationDeadline(servedOn)).toMatchObject({ nominal: lastDay, lastDay, calendarApplied: false, citation: { article: "第二十条" } });
    expect(daysBetween(servedOn, lastDay)).toBe(60);
  });

  it("a last day on a non-working day moves to the next working day", () => {
    // 2026-05-17 is a Sunday.
    const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    expect(reconsiderationDeadline("2026-03-18", weekend)).toMatchObject({ nominal: "2026-05-17", lastDay: "2026-05-18", calendarApplied: true });
    const holidays = new Set(["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"]);
    expect(reconsiderationDeadline("2026-08-02", (date) => holidays.has(date))).toMatchObject({ nominal: "2026-10-01", lastDay: "2026-10-08" });
  });

  it("refuses a calendar without working days and a service date before the law's text in force", () => {
    expect(() => reconsiderationDeadline("2026-03-18", () => true)).toThrow(RangeError);
    expect(() => reconsiderationDeadline("2023-12-31")).toThrow(/行政复议法/);
  });
});

describe("lawsuit: 6 months, on the corresponding day or the month's last day", () => {
  it.each([
    ["2026-03-18", "2026-09-18"],
    ["2026-08-31", "2027-02-28"],
    ["2027-08-31", "2028-02-29"],
    ["2026-08-29", "2027-02-28"],
    ["2026-02-28", "2026-08-28"],
    ["2028-02-29", "2028-08-29"],
    ["2026-12-31", "2027-06-30"],
    ["2026-07-31", "2027-01-31"],
    ["2026-03-31", "2026-09-30"],
  ] as const)("served %s: last day %s", (servedOn, lastDay) => {
    expect(lawsuitDeadline(servedOn)).toMatchObject({ nominal: lastDay, lastDay, citation: { law: "中华人民共和国行政诉讼法", article: "第四十六条" } });
  });

  it("holds for every day of a leap and a common year: 6 months later, never past the month's end, never earlier than the same day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2026, max: 2029 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, rawDay) => {
        const day = Math.min(rawDay, daysInMonth(year, month));
        const served = isoDate(year, month, day);
        const last = lawsuitDeadline(served).nominal;
        const endMonth = ((month + 5) % 12) + 1;
        const endYear = year + Math.floor((month + 5) / 12);
        expect(last).toBe(isoDate(endYear, endMonth, Math.min(day, daysInMonth(endYear, endMonth))));
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });
});

describe("calendar helpers", () => {
  it("adds days across month and year ends, and months with clamping", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addMonthsClamped("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsClamped("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonthsClamped("2026-05-31", -3)).toBe("2026-02-28");
  });
});

describe("what is due on a case", () => {
  it("the 公示's last day, the 补正 due date, and the appeal deadlines once served", () => {
    expect(caseDueDates(caseIn("PUBLICITY"))).toEqual({ publicityLastDay: "2026-03-12", returnDueOn: null, reconsiderationBy: null, lawsuitBy: null });
    expect(caseDueDates(caseIn("RETURNED"))).toMatchObject({ publicityLastDay: null, returnDueOn: "2026-03-30" });
    expect(caseDueDates(caseIn("REJECTED"))).toMatchObject({ reconsiderationBy: null, lawsuitBy: null });
    const rejected = caseIn("REJECTED");
    const served = { ...rejected, rejection: rejected.rejection ? { ...rejected.rejection, servedOn: "2026-03-18" } : null };
    expect(caseDueDates(served)).toMatchObject({ reconsiderationBy: { lastDay: "2026-05-17" }, lawsuitBy: { lastDay: "2026-09-18" } });
  });
});
