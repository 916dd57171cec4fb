import { z } from "zod";
import { isIsoDate } from "@/lib/rules/dates";

const isoDay = z.string().refine(isIsoDate, { message: "calendar.badDate" });

/** A year of the holiday notice: its weekday holidays and its make-up working weekends. */
export const enterHolidayYearSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    notice: z.string().trim().min(1).max(200),
    holidays: z.array(isoDay).min(1).max(60),
    workdays: z.array(isoDay).max(30),
  })
  .superRefine((input, ctx) => {
    const all = [...input.holidays, ...input.workdays];
    if (all.some((date) => Number(date.slice(0, 4)) !== input.year)) ctx.addIssue({ code: "custom", path: ["holidays"], message: "calendar.dateOutsideYear" });
    if (new Set(all).size !== all.length) ctx.addIssue({ code: "custom", path: ["workdays"], message: "calendar.dateTwice" });
  });
