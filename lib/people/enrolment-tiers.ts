import type { Db, Tx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { isJurisdiction, jurisdictionOf } from "@/lib/records/to-rules";
import type { InsuranceScheme, Jurisdiction } from "@/lib/rules/domain";

// The contribution tiers (档次) an enrolment may name, per jurisdiction and scheme. The rules do not
// read the tier (no payout depends on it; the premium subsidy's amounts are local yearly figures,
// RULES.md §5 Art. 5), so it is a recorded fact, and which tiers exist is data, here:
// - CN-CQ-QJ residents' scheme: 一档 and 二档 (QJ-YF-2023 Art. 5 subsidises one or the other);
// - CN-SX: one contribution standard for the whole province (SX-JM-2024 一), no tier.
// The employee scheme has no tier anywhere we serve.
export const ENROLMENT_TIERS: Readonly<Record<Jurisdiction, Partial<Record<InsuranceScheme, readonly string[]>>>> = {
  "CN-CQ-QJ": { RESIDENT: ["TIER_1", "TIER_2"] },
  "CN-SX": {},
  "CN-SX-YQ": {},
};

/** The tiers a person of this jurisdiction may be enrolled in under this scheme; empty = none to name. */
export function tiersFor(jurisdiction: Jurisdiction | null, scheme: InsuranceScheme): readonly string[] {
  return jurisdiction ? (ENROLMENT_TIERS[jurisdiction][scheme] ?? []) : [];
}

/** Every tier of any jurisdiction (the message files label each). */
export const ALL_TIERS: readonly string[] = [...new Set(Object.values(ENROLMENT_TIERS).flatMap((schemes) => Object.values(schemes).flat()))];

/** The person's jurisdiction: the nearest one on their region's path; null for a county not yet set up. */
export async function jurisdictionOfPath(db: Db | Tx, regionPath: string): Promise<Jurisdiction | null> {
  const rows = await db.region.findMany({ where: { code: { in: regionPath.split("/") }, jurisdiction: { not: null } }, select: { code: true, jurisdiction: true } });
  const index = new Map<string, Jurisdiction>();
  for (const row of rows) if (row.jurisdiction !== null && isJurisdiction(row.jurisdiction)) index.set(row.code, row.jurisdiction);
  return index.size === 0 ? null : jurisdictionOf(regionPath, index);
}

/** A tier where the jurisdiction has tiers (one of them), none where it has not. */
export async function assertTier(tx: Tx, regionPath: string, scheme: InsuranceScheme, tier: string | null) {
  const allowed = tiersFor(await jurisdictionOfPath(tx, regionPath), scheme);
  if (allowed.length === 0 ? tier !== null : tier === null || !allowed.includes(tier)) {
    throw new ValidationError([{ path: ["tier"], message: allowed.length === 0 ? "validation.tierNone" : "validation.tier" }]);
  }
}
