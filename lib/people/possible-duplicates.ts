import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { DuplicateMatch } from "@/lib/people/duplicate-matches";
import { maskIdNumber } from "@/lib/people/masking";

/** A township is the first 9 digits of any code at or below it (a village's code extends it). */
export const townshipOf = (regionCode: string) => regionCode.slice(0, 9);

/**
 * The same name, birth date and township as another record not merged away: perhaps the same
 * person under a second ID number (a corrected number, a typing slip). The clerk is shown the
 * matches and may register anyway, saying so (`confirmDuplicate`); the county merges later.
 */
export class PossibleDuplicateError extends DomainError {
  override readonly details: { possibleDuplicates: DuplicateMatch[] };
  constructor(readonly matches: DuplicateMatch[]) {
    super("people.possibleDuplicate", { count: matches.length });
    this.name = "PossibleDuplicateError";
    this.details = { possibleDuplicates: matches };
  }
}

export async function findPossibleDuplicates(tx: Tx, person: { name: string; birthDate: Date; regionCode: string }): Promise<DuplicateMatch[]> {
  const rows = await tx.person.findMany({
    where: { name: person.name, birthDate: person.birthDate, regionCode: { startsWith: townshipOf(person.regionCode) }, mergedIntoId: null },
    select: { id: true, name: true, idNumber: true, region: { select: { name: true } } },
    orderBy: { id: "asc" },
    take: 20,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, maskedIdNumber: maskIdNumber(r.idNumber), regionName: r.region.name }));
}
