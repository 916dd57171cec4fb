import { z } from "zod";
import { isIsoDate } from "@/lib/rules/dates";
import { INSURANCE_SCHEMES } from "@/lib/rules/domain";
import { CONDITION_CODES } from "@/lib/rules/library/conditions";
import { cleanText } from "@/lib/text-input";

const date = z.string({ message: "validation.date" }).trim().refine(isIsoDate, { message: "validation.date" });
const optionalDate = z.union([z.literal(""), date]).optional().transform((v) => v || null);
const inOrder = (v: { validFrom: string; validTo: string | null }) => !v.validTo || v.validTo >= v.validFrom;
const uuid = z.uuid({ message: "validation.invalid" });
const scheme = z.enum(INSURANCE_SCHEMES, { message: "validation.scheme" });
// Which tiers exist depends on the person's jurisdiction: the command checks it (lib/people/enrolment-tiers.ts).
const tier = z.union([z.literal(""), z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,19}$/, { message: "validation.tier" })]).optional().transform((v) => v || null);

export const addEnrolmentSchema = z
  .object({ personId: uuid, scheme, tier, validFrom: date, validTo: optionalDate })
  .refine(inOrder, { path: ["validTo"], message: "validation.dateRange" });

/** The last day of an open enrolment (moved to the employee scheme, stopped paying). */
export const endEnrolmentSchema = z.object({ enrolmentId: uuid, validTo: date });

/** A period recorded wrongly, put right: every field, and why (the audit row keeps both versions). */
export const correctEnrolmentSchema = z
  .object({
    enrolmentId: uuid,
    scheme,
    tier,
    validFrom: date,
    validTo: optionalDate,
    reason: z.string({ message: "validation.correctionReason" }).trim().min(4, { message: "validation.correctionReason" }).pipe(cleanText(200)),
  })
  .refine(inOrder, { path: ["validTo"], message: "validation.dateRange" });

export const addConditionSchema = z
  .object({
    personId: uuid,
    condition: z.string({ message: "validation.condition" }).refine((code) => CONDITION_CODES.includes(code), { message: "validation.condition" }),
    validFrom: date,
    validTo: optionalDate,
    evidence: z.string({ message: "validation.evidence" }).trim().min(2, { message: "validation.evidence" }).pipe(cleanText(120)),
  })
  .refine(inOrder, { path: ["validTo"], message: "validation.dateRange" });

/** The day a condition stopped holding (cured, or the recognition withdrawn on review). */
export const endConditionSchema = z.object({ conditionId: uuid, validTo: date });

export const ENROLMENT_FIELD_LABELS = {
  scheme: "enrolmentForm.scheme",
  tier: "enrolmentForm.tier",
  validFrom: "enrolmentForm.validFrom",
  validTo: "enrolmentForm.validTo",
  reason: "enrolmentForm.reason",
} as const;

export const CONDITION_FIELD_LABELS = {
  condition: "conditionForm.condition",
  validFrom: "conditionForm.validFrom",
  validTo: "conditionForm.validTo",
  evidence: "conditionForm.evidence",
} as const;
