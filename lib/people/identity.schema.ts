import { z } from "zod";
import { IDENTITY_BUREAUS, type IdentityBureau } from "@/lib/people/identity-bureaus";
import { isIsoDate } from "@/lib/rules/dates";
import { cleanText } from "@/lib/text-input";

const date = z.string({ message: "validation.date" }).trim().refine(isIsoDate, { message: "validation.date" });
const optional = <T extends z.ZodType<string>>(schema: T) => z.union([z.literal(""), schema]).optional().transform((v) => v || null);

/** A bureau's form for a new identity period: only its own types; the medical bureau's come from a case. */
export function addIdentitySchema<B extends IdentityBureau>(bureau: B) {
  const spec = IDENTITY_BUREAUS[bureau];
  return z
    .object({
      personId: z.uuid({ message: "validation.invalid" }),
      type: z.enum(spec.types, { message: "validation.identityType" }),
      validFrom: date,
      validTo: optional(date),
      // The certificate (附件4) or list batch the period was certified by.
      certificate: optional(z.string().trim().pipe(cleanText(60))),
      // Required of the medical bureau (the command checks it is an approved case of the person).
      sourceCaseId: optional(z.uuid({ message: "validation.sourceCase" })),
    })
    .refine((v) => !v.validTo || v.validTo >= v.validFrom, { path: ["validTo"], message: "validation.dateRange" });
}

export const endIdentitySchema = z.object({
  identityId: z.uuid({ message: "validation.invalid" }),
  validTo: date,
});

export const IDENTITY_FIELD_LABELS = {
  type: "identityForm.type",
  validFrom: "identityForm.validFrom",
  validTo: "identityForm.validTo",
  certificate: "identityForm.certificate",
  sourceCaseId: "identityForm.sourceCase",
} as const;
