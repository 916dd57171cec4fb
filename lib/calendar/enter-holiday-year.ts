import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { enterHolidayYearSchema } from "@/lib/calendar/calendar.schema";
import { defineCommand } from "@/lib/command";

/**
 * Enters (or corrects) one year of the holiday notice. The calendar is the country's, so it is
 * kept once; the administrator is checked against their own county like any county-wide action.
 */
export const enterHolidayYear = defineCommand({ permission: "calendar:manage", schema: enterHolidayYearSchema }, async (tx, input, { actor, requestId }) => {
  assertCan(actor, "calendar:manage", { entity: "region", id: actor.regionCode, regionPath: actor.regionPath });
  const existing = await tx.calendarYear.findUnique({ where: { year: input.year } });
  if (existing) await tx.calendarYear.delete({ where: { year: input.year } });
  const enteredBy = actor.kind === "user" ? actor.username : `system:${actor.job}`;
  await tx.calendarYear.create({
    data: {
      year: input.year,
      notice: input.notice,
      enteredBy,
      days: {
        create: [
          ...input.holidays.map((date) => ({ date: new Date(`${date}T00:00:00Z`), kind: "HOLIDAY" as const })),
          ...input.workdays.map((date) => ({ date: new Date(`${date}T00:00:00Z`), kind: "WORKDAY" as const })),
        ],
      },
    },
  });
  await writeAudit(
    tx,
    actor,
    {
      action: "calendar.enterYear",
      entityId: String(input.year),
      regionCode: actor.regionCode,
      after: { year: input.year, notice: input.notice, holidays: input.holidays.length, workdays: input.workdays.length, replaced: existing !== null },
    },
    requestId,
  );
  return { year: input.year };
});
