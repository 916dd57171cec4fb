import { z } from "zod";
import { isIsoDate } from "@/lib/rules/dates";
import { ROSTER_MAX_BYTES } from "@/lib/roster/roster-limits";
import { parsePeriod } from "@/lib/roster/roster-period";

export const uploadRosterSchema = z.object({
  period: z.string().refine((key) => parsePeriod(key) !== null, { message: "roster.badPeriod" }),
  file: z.instanceof(Blob, { message: "roster.fileSize" }).refine((f) => f.size > 0 && f.size <= ROSTER_MAX_BYTES, { message: "roster.fileSize" }),
});

export const confirmRosterSchema = z.object({
  batchId: z.uuid({ message: "validation.invalid" }),
  version: z.coerce.number().int().min(1),
  /** The certificate's date: identities start on it (YQ-JZ-2019 §6(1) "从…出具动态调整证明之日起"). */
  certificateDate: z.string().refine(isIsoDate, { message: "roster.badDate" }),
});

export const acknowledgeRosterSchema = z.object({
  batchId: z.uuid({ message: "validation.invalid" }),
});
