import { z } from "zod";
import { isIsoDate } from "@/lib/rules/dates";
import { parsePeriod } from "@/lib/roster/roster-period";

/** 20 MB holds a 100,000-row xlsx several times over. */
export const ROSTER_MAX_BYTES = 20 * 1024 * 1024;

export const uploadRosterSchema = z.strictObject({
  period: z.string().refine((key) => parsePeriod(key) !== null, { message: "roster.badPeriod" }),
  fileName: z.string().trim().min(1).max(200),
  content: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: "roster.fileSize" }).refine((c) => c.byteLength > 0 && c.byteLength <= ROSTER_MAX_BYTES, { message: "roster.fileSize" }),
});

export const confirmRosterSchema = z.strictObject({
  batchId: z.uuid({ message: "validation.invalid" }),
  version: z.number().int().min(1),
  /** The certificate's date: identities start on it (YQ-JZ-2019 §6(1) "从…出具动态调整证明之日起"). */
  certificateDate: z.string().refine(isIsoDate, { message: "roster.badDate" }),
});

export const acknowledgeRosterSchema = z.strictObject({
  batchId: z.uuid({ message: "validation.invalid" }),
});
