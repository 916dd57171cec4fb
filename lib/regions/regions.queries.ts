import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { effectiveJurisdiction, jurisdictionsForProvince } from "@/lib/regions/county-jurisdiction";
import { loadCountyTree, planCountyReload, type ReloadPlan } from "@/lib/regions/county-reload-plan";
import { divisionsDataset } from "@/lib/regions/divisions";
import { isJurisdiction } from "@/lib/records/to-rules";

/** The administrator's county: its place, jurisdiction, where its tree came from, and the tree. */
export async function countyOverview(actor: Actor) {
  const county = await prisma.region.findUnique({
    where: { code: actor.regionCode },
    select: { code: true, name: true, path: true, level: true, jurisdiction: true, setting: { select: { divisionsDataset: true, divisionsLoadedAt: true } } },
  });
  if (!county || county.level !== "COUNTY") return null;
  const ancestorCodes = county.path.split("/").slice(0, -1);
  const [ancestors, tree, effective, inherited] = await Promise.all([
    prisma.region.findMany({ where: { code: { in: ancestorCodes } }, select: { code: true, name: true, level: true }, orderBy: { path: "asc" } }),
    loadCountyTree(prisma, county),
    effectiveJurisdiction(prisma, county.path),
    // What applies with no jurisdiction of the county's own.
    ancestorCodes.length > 0 ? effectiveJurisdiction(prisma, ancestorCodes.join("/")) : Promise.resolve(null),
  ]);
  const townships = tree
    .filter((r) => r.level === "TOWNSHIP")
    .map((t) => ({ code: t.code, name: t.name, retired: t.retiredAt !== null, villages: tree.filter((v) => v.parentCode === t.code).map((v) => ({ code: v.code, name: v.name, retired: v.retiredAt !== null })) }));
  return {
    county: { code: county.code, name: county.name, path: county.path, jurisdiction: county.jurisdiction !== null && isJurisdiction(county.jurisdiction) ? county.jurisdiction : null },
    ancestors,
    effective,
    inherited,
    choices: jurisdictionsForProvince(county.path.split("/")[0] ?? ""),
    setting: county.setting,
    townships,
    dataset: divisionsDataset(),
  };
}

/** What a reload would change (nothing is written), or the message why the dataset has no such county. */
export async function countyReloadPreview(actor: Actor): Promise<{ plan: ReloadPlan } | { error: string; values: Record<string, string | number> }> {
  const county = await prisma.region.findUnique({ where: { code: actor.regionCode }, select: { code: true, name: true, path: true, level: true } });
  if (!county || county.level !== "COUNTY") return { error: "regions.noCounty", values: {} };
  try {
    return { plan: await planCountyReload(prisma, county) };
  } catch (error) {
    if (error instanceof DomainError) return { error: error.key, values: error.values };
    throw error;
  }
}
