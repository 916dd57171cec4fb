// Gap-free numbers per county and year (case numbers, 附件5 notice numbers). The counter row is
// raised by an upsert, which holds its row lock until the transaction ends: a second transaction
// waits for the first, and a rollback gives the number back, so numbers never skip or repeat.
import type { Tx } from "@/lib/db";

export type SequenceName = "case" | "notice";

/** The next number of the county's year, in the caller's transaction. */
export async function nextNumber(tx: Tx, name: SequenceName, countyCode: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "number_sequence" ("name", "county_code", "year", "last") VALUES (${name}, ${countyCode}, ${year}, 1)
    ON CONFLICT ("name", "county_code", "year") DO UPDATE SET "last" = "number_sequence"."last" + 1
    RETURNING "last"`;
  const last = rows[0]?.last;
  if (last === undefined) throw new Error(`number_sequence ${name}/${countyCode}/${year} returned no row`);
  return last;
}

/** "140322-2026-000123": county, year, sequence. */
export function caseNumber(countyCode: string, year: number, sequence: number): string {
  return `${countyCode}-${year}-${String(sequence).padStart(6, "0")}`;
}
