import { z } from "zod";
import { cleanText } from "@/lib/text-input";

export const peopleSearchSchema = z.object({
  q: z.string().trim().pipe(cleanText(40)).optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

export type PeopleSearch = z.output<typeof peopleSearchSchema>;
