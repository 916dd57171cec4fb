import { z } from "zod";
import { isIsoDate } from "@/lib/rules/dates";
import { CONDITIONS, INSURANCE_SCHEMES } from "@/lib/rules/domain";
import { cleanText } from "@/lib/text-input";

const date = z.string({ message: "validation.date" }).trim().refine(isIsoDate, { message: "validation.date" });
const optionalDate = z.union([z.literal(""), date]).optional().transform((v) => v || null);
const inOrder = (v: { validFrom: string; validTo: string | null }) => !v.validTo || v.validTo >= v.validFrom;

export const addEnrolmentSchema = z
  .object({ personId: z.uuid({ message: "validation.invalid" }), scheme: z.enum(INSURANCE_SCHEMES, { message: "validation.scheme" }), validFrom: date, validTo: optionalDate })
  .refine(inOrder, { path: ["validTo"], message: "validation.dateRange" });

export const addConditionSchema = z
  .object({
    personId: z.uuid({ message: "validation.invalid" }),
    condition: z.enum(CONDITIONS, { message: "validation.condition" }),
    validFrom: date,
    validTo: optionalDate,
    evidence: z.string({ message: "validation.evidence" }).trim().min(2, { message: "validation.evidence" }).pipe(cleanText(120)),
  })
  .refine(inOrder, { path: ["validTo"], message: "validation.dateRange" });
