// What the registration form is told of possible duplicates (no server code: the form reads it).

/** A record of the same name, birth date and township; the ID number masked as lists show it. */
export type DuplicateMatch = { id: string; name: string; maskedIdNumber: string; regionName: string };

export function duplicateMatchesOf(details: Readonly<Record<string, unknown>> | undefined): DuplicateMatch[] {
  const list = details?.possibleDuplicates;
  if (!Array.isArray(list)) return [];
  return list.filter((m): m is DuplicateMatch => typeof m === "object" && m !== null && ["id", "name", "maskedIdNumber", "regionName"].every((k) => typeof (m as Record<string, unknown>)[k] === "string"));
}
