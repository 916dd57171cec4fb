// The person form (create and edit), parsed by the commands. The ID number decides the birth date
// and sex (GB 11643), so neither is typed: the form cannot contradict the number.
import { z } from "zod";
import { validateIdNumber, type IdNumberFailure } from "@/lib/people/id-number";
import { isIsoDate } from "@/lib/rules/dates";
import { cleanText } from "@/lib/text-input";
import { chinaDate } from "@/lib/workflow/case-machine";

const ID_FAILURE_KEYS: Record<IdNumberFailure, string> = {
  LENGTH: "validation.idNumberLength",
  FORMAT: "validation.idNumberFormat",
  BIRTH_DATE: "validation.idNumberBirthDate",
  CHECK_DIGIT: "validation.idNumberCheckDigit",
};

export const idNumberField = z.string({ message: "validation.idNumberRequired" }).trim().transform((text, ctx) => {
  if (!text) {
    ctx.addIssue({ code: "custom", message: "validation.idNumberRequired" });
    return z.NEVER;
  }
  // The first-generation card's 15-digit number is no longer a valid identity number; the
  // person's 18-digit number is on their current card.
  if (/^\d{15}$/.test(text)) {
    ctx.addIssue({ code: "custom", message: "validation.idNumberLegacy" });
    return z.NEVER;
  }
  const result = validateIdNumber(text, new Date());
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: ID_FAILURE_KEYS[result.reason] });
    return z.NEVER;
  }
  return result;
});

const name = z.string({ message: "validation.personNameRequired" }).trim().min(1, { message: "validation.personNameRequired" }).pipe(cleanText(40, "validation.displayNameTooLong"));
const regionCode = z.string({ message: "validation.regionCode" }).regex(/^\d{9}(\d{3})?$/, { message: "validation.personRegion" });
const rural = z.enum(["true", "false"], { message: "validation.hukouKind" }).transform((v) => v === "true");
const province = z.string({ message: "validation.province" }).trim().regex(/^[A-Z]{2}$/, { message: "validation.province" });
const optional = (schema: z.ZodType<string>) => z.union([z.literal(""), schema]).optional().transform((v) => v || null);
// A mobile (11 digits from 1) or a landline with its area code (0351-1234567).
const phone = optional(z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: "validation.phone" }));
// Bank card numbers are 12–19 digits; the form may keep the card's spaces.
const bankAccount = optional(z.string().transform((v) => v.replace(/\s+/g, "")).pipe(z.string().regex(/^\d{12,19}$/, { message: "validation.bankAccount" })));
const pastDate = z.string().trim().refine(isIsoDate, { message: "validation.date" }).refine((day) => day <= chinaDate(new Date()), { message: "validation.dateNotFuture" });

const personFields = { idNumber: idNumberField, name, regionCode, ruralHukou: rural, hukouProvince: province, phone, bankAccount };

export const createPersonSchema = z.object({
  ...personFields,
  // The clerk has seen the records of the same name, birth date and township and says this is someone else.
  confirmDuplicate: z.union([z.literal("true"), z.literal("on"), z.literal(""), z.boolean()]).optional().transform((v) => v === true || v === "true" || v === "on"),
});

export const updatePersonSchema = z.object({
  id: z.uuid({ message: "validation.invalid" }),
  version: z.coerce.number({ message: "validation.version" }).int({ message: "validation.version" }).min(1, { message: "validation.version" }).max(2_147_483_647, { message: "validation.version" }),
  ...personFields,
  // The edit form does not show the full number (only the audited reveal does): left blank, it stays.
  idNumber: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), idNumberField.optional()),
  diedOn: optional(pastDate),
  movedOutOn: optional(pastDate),
});

export const PERSON_FIELD_LABELS = {
  idNumber: "people.idNumber",
  name: "people.name",
  regionCode: "people.region",
  ruralHukou: "people.hukou",
  hukouProvince: "people.hukouProvince",
  phone: "people.phone",
  bankAccount: "people.bankAccount",
  diedOn: "people.diedOn",
  movedOutOn: "people.movedOutOn",
} as const;
