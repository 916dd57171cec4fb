// The roster-check job compares a list in chunks, each in a short transaction of its own with the
// run's checkpoint (lib/jobs/roster-check.ts). The diff (lib/roster/roster-diff.ts) judges a
// person's rows together (duplicates, a removal and an addition, conflicting identities), so a
// chunk holds whole people: diffing the chunks one by one gives what diffing the file at once does.
import type { RosterRow } from "@/lib/roster/roster-file";

/** The ID number as the diff reads it (spaces dropped, a final x upper-cased): one person's key. */
export function personKeyOf(row: RosterRow): string {
  return row.idNumber.replace(/\s+/g, "").toUpperCase();
}

/**
 * Rows in chunks of about `size` (more only when one person has more rows than that), every
 * person's rows in one chunk, each chunk in file order. The same rows always give the same chunks,
 * so a resumed run continues at the chunk it stopped at.
 */
export function chunkRowsByPerson(rows: readonly RosterRow[], size: number): RosterRow[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`chunk size must be a positive integer, got ${size}`);
  const people = new Map<string, RosterRow[]>();
  for (const row of rows) {
    const key = personKeyOf(row);
    const list = people.get(key);
    if (list) list.push(row);
    else people.set(key, [row]);
  }
  const chunks: RosterRow[][] = [];
  let chunk: RosterRow[] = [];
  for (const list of people.values()) {
    if (chunk.length > 0 && chunk.length + list.length > size) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(...list);
  }
  if (chunk.length > 0) chunks.push(chunk);
  for (const c of chunks) c.sort((a, b) => a.rowNo - b.rowNo);
  return chunks;
}
