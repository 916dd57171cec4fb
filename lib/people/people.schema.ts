import { z } from "zod";
import { IDENTITY_TYPES } from "@/lib/rules/domain";
import { cleanText } from "@/lib/text-input";

export const PERSON_STATUSES = ["current", "ended", "deceased"] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

// A filter left empty (the select's "all") is no filter.
const optionalCode = (digits: number) => z.union([z.literal(""), z.string().regex(new RegExp(`^\\d{${digits}}$`))]).optional().transform((v) => v || undefined).optional();

export const peopleSearchSchema = z.object({
  q: z.string().trim().pipe(cleanText(40)).optional().default(""),
  township: optionalCode(9),
  village: optionalCode(12),
  identity: z.union([z.literal(""), z.enum(IDENTITY_TYPES)]).optional().transform((v) => v || undefined).optional(),
  status: z.union([z.literal(""), z.enum(PERSON_STATUSES)]).optional().transform((v) => v || undefined).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

export type PeopleSearch = z.output<typeof peopleSearchSchema>;
