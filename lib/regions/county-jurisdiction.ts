// Which of the rules' jurisdictions a county may be given, and which one its people get.
import type { Db, Tx } from "@/lib/db";
import { isJurisdiction } from "@/lib/records/to-rules";
import { JURISDICTIONS, type Jurisdiction } from "@/lib/rules/domain";

type ProvinceOf<J extends string> = J extends `CN-${infer P}-${string}` ? P : J extends `CN-${infer P}` ? P : never;

// A jurisdiction code begins with its province's ISO 3166-2:CN code; this maps those the rules
// know to the province's GB/T 2260 code. A jurisdiction of a new province fails tsc here until
// its province is added.
const PROVINCE_CODE: Record<ProvinceOf<Jurisdiction>, string> = { SX: "140000", CQ: "500000" };

export function provinceCodeOf(jurisdiction: Jurisdiction): string {
  const province = jurisdiction.split("-")[1] as ProvinceOf<Jurisdiction>;
  return PROVINCE_CODE[province];
}

/** The jurisdictions a county of this province may take: the rules' own of that province. */
export function jurisdictionsForProvince(provinceCode: string): Jurisdiction[] {
  return JURISDICTIONS.filter((j) => provinceCodeOf(j) === provinceCode);
}

/** The form's "none" (inherit from above, or no local rules) is the empty string. */
export function parseJurisdictionChoice(value: string): Jurisdiction | null | undefined {
  if (value === "" || value === "none") return null;
  return isJurisdiction(value) ? value : undefined;
}

export type EffectiveJurisdiction = { jurisdiction: Jurisdiction; fromCode: string; fromName: string } | null;

/**
 * What the rules read for a person of this region (the nearest jurisdiction on the path, as
 * lib/records/to-rules.ts jurisdictionOf does), with the region it comes from; null when none does.
 */
export async function effectiveJurisdiction(db: Db | Tx, path: string): Promise<EffectiveJurisdiction> {
  const codes = path.split("/");
  const rows = await db.region.findMany({ where: { code: { in: codes }, jurisdiction: { not: null } }, select: { code: true, name: true, jurisdiction: true } });
  for (const code of [...codes].reverse()) {
    const row = rows.find((r) => r.code === code);
    if (row?.jurisdiction && isJurisdiction(row.jurisdiction)) return { jurisdiction: row.jurisdiction, fromCode: row.code, fromName: row.name };
  }
  return null;
}
