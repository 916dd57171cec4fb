import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterHolidayYear } from "@/lib/calendar/enter-holiday-year";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { createPrisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
const notice = { year: 2027, notice: "国务院办公厅关于2027年部分节假日安排的通知", holidays: ["2027-01-01"], workdays: [] };

beforeAll(async () => {
  tree = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("enterHolidayYear", () => {
  it("makes a year the package lacks countable, and audits it", async () => {
    expect(addWorkingDays(await loadWorkingCalendar(db), "2026-12-31", 5)).toEqual({ ok: false, missingYear: 2027 });
    const { actor } = await makeUser(db, "ADMIN", tree.county);
    await enterHolidayYear(db, actor, notice);
    expect(addWorkingDays(await loadWorkingCalendar(db), "2026-12-31", 5)).toEqual({ ok: true, due: "2027-01-08" });
    const audit = await lastAudit(db, "calendar.enterYear");
    expect(audit.after).toEqual({ year: 2027, notice: notice.notice, holidays: 1, workdays: 0, replaced: false });
    // Entering the year again replaces it rather than adding to it.
    await enterHolidayYear(db, actor, { ...notice, holidays: ["2027-01-01", "2027-01-04"] });
    expect(await db.calendarDay.count({ where: { year: 2027 } })).toBe(2);
    expect(addWorkingDays(await loadWorkingCalendar(db), "2026-12-31", 5)).toEqual({ ok: true, due: "2027-01-11" });
  });

  it("is refused to a bureau, and writes nothing but the refusal", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    await expectRefused(db, () => enterHolidayYear(db, actor, { ...notice, year: 2028, holidays: ["2028-01-03"] }), ForbiddenError, { audited: true });
    expect(await db.calendarYear.count({ where: { year: 2028 } })).toBe(0);
  });
});
