// The difference between a county's tree in the database and the same county in the national
// division dataset. Codes decide: a code in both is the same unit (renamed if its name changed),
// a code only in the dataset is new, a code only in the database is gone from the dataset.
import type { DivisionCounty } from "@/lib/regions/divisions";

export type TreeLevel = "COUNTY" | "TOWNSHIP" | "VILLAGE";

export type TreeRegion = { code: string; name: string; level: TreeLevel; retired: boolean };

export type TreeChange =
  | { kind: "ADD"; code: string; name: string; level: Exclude<TreeLevel, "COUNTY">; parentCode: string }
  | { kind: "RENAME"; code: string; level: TreeLevel; from: string; to: string }
  /** A retired code the dataset lists again. */
  | { kind: "RESTORE"; code: string; level: Exclude<TreeLevel, "COUNTY">; name: string }
  | { kind: "GONE"; code: string; level: Exclude<TreeLevel, "COUNTY">; name: string };

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The changes that make the database's tree the dataset's, in code order (a township before its villages). */
export function diffCountyTree(current: readonly TreeRegion[], dataset: DivisionCounty): TreeChange[] {
  const wanted = new Map<string, { name: string; level: TreeLevel; parentCode: string }>();
  wanted.set(dataset.code, { name: dataset.name, level: "COUNTY", parentCode: "" });
  for (const t of dataset.townships) {
    wanted.set(t.code, { name: t.name, level: "TOWNSHIP", parentCode: dataset.code });
    for (const v of t.villages) wanted.set(v.code, { name: v.name, level: "VILLAGE", parentCode: t.code });
  }
  const have = new Map(current.map((r) => [r.code, r]));
  const changes: TreeChange[] = [];
  for (const [code, want] of wanted) {
    const row = have.get(code);
    if (!row) {
      if (want.level !== "COUNTY") changes.push({ kind: "ADD", code, name: want.name, level: want.level, parentCode: want.parentCode });
      continue;
    }
    if (row.retired && row.level !== "COUNTY") changes.push({ kind: "RESTORE", code, level: row.level, name: want.name });
    if (row.name !== want.name) changes.push({ kind: "RENAME", code, level: row.level, from: row.name, to: want.name });
  }
  for (const row of current) {
    if (row.level === "COUNTY" || row.retired || wanted.has(row.code)) continue;
    changes.push({ kind: "GONE", code: row.code, level: row.level, name: row.name });
  }
  return changes.sort((a, b) => byCode(a, b) || a.kind.localeCompare(b.kind));
}
