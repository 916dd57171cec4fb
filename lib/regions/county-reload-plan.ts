// What reloading a county's tree from the national dataset would do, read in full before anything
// is written: the page shows it, and the command applies it only if it is still the same plan.
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { diffCountyTree, type TreeChange, type TreeLevel } from "@/lib/regions/county-tree-diff";
import { divisionsDataset, readCountyDivisions } from "@/lib/regions/divisions";
import { regionReferences } from "@/lib/regions/region-references";

type Gone = { code: string; name: string; level: Exclude<TreeLevel, "COUNTY"> };

export type ReloadPlan = {
  dataset: string;
  county: { code: string; name: string; path: string };
  /** New, renamed and restored units. */
  changes: Exclude<TreeChange, { kind: "GONE" }>[];
  /** Gone from the dataset, still referred to: kept, marked as no longer current. */
  retire: (Gone & { references: string[] })[];
  /** Gone from the dataset, referred to by nothing: deleted. */
  remove: Gone[];
  /** Current townships and villages, in the database now and in the dataset. */
  before: { townships: number; villages: number };
  after: { townships: number; villages: number };
  hash: string;
};

export async function loadCountyTree(db: Db | Tx, county: { code: string; path: string }) {
  return db.region.findMany({
    where: { OR: [{ code: county.code }, { path: { startsWith: `${county.path}/` } }] },
    select: { code: true, name: true, level: true, parentCode: true, retiredAt: true },
    orderBy: { code: "asc" },
  });
}

export async function planCountyReload(tx: Db | Tx, county: { code: string; name: string; path: string }): Promise<ReloadPlan> {
  const found = readCountyDivisions(county.code);
  if (!found.ok) throw new DomainError("regions.notInDataset", { code: county.code, name: county.name });
  const rows = await loadCountyTree(tx, county);
  const tree = rows.flatMap((r) => (r.level === "COUNTY" || r.level === "TOWNSHIP" || r.level === "VILLAGE" ? [{ code: r.code, name: r.name, level: r.level, retired: r.retiredAt !== null }] : []));
  const diff = diffCountyTree(tree, found.county);
  const gone = diff.filter((c): c is Extract<TreeChange, { kind: "GONE" }> => c.kind === "GONE");
  const references = await regionReferences(tx, gone.map((g) => g.code));
  // Villages first: a township goes only if nothing is left below it.
  const removed = new Set(gone.filter((g) => g.level === "VILLAGE" && !references.has(g.code)).map((g) => g.code));
  const retire: ReloadPlan["retire"] = [];
  const remove: Gone[] = [];
  for (const g of gone) {
    const refs = references.get(g.code) ?? [];
    const keepsChildren = g.level === "TOWNSHIP" && rows.some((r) => r.parentCode === g.code && !removed.has(r.code));
    if (refs.length > 0 || keepsChildren) retire.push({ code: g.code, name: g.name, level: g.level, references: keepsChildren ? [...refs, "region"] : refs });
    else remove.push({ code: g.code, name: g.name, level: g.level });
  }
  const current = (level: TreeLevel) => rows.filter((r) => r.level === level && r.retiredAt === null).length;
  const plan = {
    dataset: divisionsDataset().id,
    county: { code: county.code, name: county.name, path: county.path },
    changes: diff.filter((c): c is Exclude<TreeChange, { kind: "GONE" }> => c.kind !== "GONE"),
    retire,
    remove,
    before: { townships: current("TOWNSHIP"), villages: current("VILLAGE") },
    after: { townships: found.county.townships.length, villages: found.county.townships.reduce((n, t) => n + t.villages.length, 0) },
  };
  return { ...plan, hash: createHash("sha256").update(JSON.stringify(plan)).digest("hex") };
}

export function isEmptyPlan(plan: ReloadPlan): boolean {
  return plan.changes.length === 0 && plan.retire.length === 0 && plan.remove.length === 0;
}
