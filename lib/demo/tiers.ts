// The contribution tier of a demo resident's enrolment, where the county's jurisdiction has tiers
// (lib/people/enrolment-tiers.ts): QJ-YF-2023 Art. 5 pays the full 二档 premium of the bereaved
// families and 在乡复员军人 (the policy library's list), so they are enrolled in 二档; everyone else
// in 一档. Derived, not drawn: the generators' random sequence is untouched.
import { tiersFor } from "@/lib/people/enrolment-tiers";
import type { InsuranceScheme, Jurisdiction } from "@/lib/rules/domain";
import { PARAMETER_CATALOGUE } from "@/lib/rules/library/parameters";

const FULL_TIER_2: readonly string[] = PARAMETER_CATALOGUE["specialCare.premiumTiers"].versions[0]?.value.fullTier2 ?? [];

export function demoTier(jurisdiction: Jurisdiction, scheme: InsuranceScheme, identityTypes: readonly string[]): string | null {
  const tiers = tiersFor(jurisdiction, scheme);
  if (tiers.length === 0) return null;
  return identityTypes.some((type) => FULL_TIER_2.includes(type)) && tiers.includes("TIER_2") ? "TIER_2" : (tiers[0] ?? null);
}
