import { z } from "zod";

export const peopleSearchSchema = z.object({
  q: z.string().trim().max(40).optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

export type PeopleSearch = z.output<typeof peopleSearchSchema>;
