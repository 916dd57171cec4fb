import type { Permission } from "@/lib/auth/permissions";
import type { IdentityType } from "@/lib/rules/domain";

// Who certifies what (YQ-JZ-2019 §6(1)): civil affairs the assistance identities, veterans affairs
// the special-care and veteran identities, the medical-security bureau the recognitions that come
// out of its own cases. Each bureau keeps only the periods it certifies.
export const IDENTITY_BUREAUS = {
  assistance: { permission: "identity:manage:assistance", role: "CIVIL_AFFAIRS", types: ["EXTREME_POVERTY", "SUBSISTENCE", "LOW_INCOME"], fromCase: false },
  "special-care": {
    permission: "identity:manage:special-care",
    role: "VETERANS_AFFAIRS",
    types: ["DEMOBILIZED", "WAR_VETERAN", "NUCLEAR_TEST_VETERAN", "ILL_RETURNED_VETERAN", "MARTYR_FAMILY", "DUTY_DEATH_FAMILY", "ILLNESS_DEATH_FAMILY", "VETERAN_RURAL", "VETERAN", "VETERAN_FAMILY"],
    fromCase: false,
  },
  medical: { permission: "identity:manage:medical", role: "MEDICAL_SECURITY", types: ["ILLNESS_POVERTY", "LOW_INCOME"], fromCase: true },
} as const satisfies Record<string, { permission: Permission; role: "CIVIL_AFFAIRS" | "VETERANS_AFFAIRS" | "MEDICAL_SECURITY"; types: readonly IdentityType[]; fromCase: boolean }>;

export type IdentityBureau = keyof typeof IDENTITY_BUREAUS;
export const BUREAU_KEYS = Object.keys(IDENTITY_BUREAUS) as IdentityBureau[];

/**
 * The bureau that keeps an existing period: the one recorded on it, else (rows from before the
 * column, the demo) a low-income recognition from a case is the medical bureau's, the rest by type.
 */
export function keeperOf(row: { type: IdentityType; certifiedBy: string | null; sourceCaseId: string | null }): IdentityBureau {
  const recorded = BUREAU_KEYS.find((key) => IDENTITY_BUREAUS[key].role === row.certifiedBy);
  if (recorded) return recorded;
  if (row.sourceCaseId) return "medical";
  return BUREAU_KEYS.find((key) => (IDENTITY_BUREAUS[key].types as readonly IdentityType[]).includes(row.type)) ?? "special-care";
}

/** The bureau a role keeps identities for, if any. */
export function bureauOfRole(role: string): IdentityBureau | null {
  return BUREAU_KEYS.find((key) => IDENTITY_BUREAUS[key].role === role) ?? null;
}
