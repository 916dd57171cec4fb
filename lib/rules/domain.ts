// The vocabulary of a case: people, identities, claims and bill items, as the golden README defines it.
// Enum lists live here once; the case-file schema and the policy library both read them.
import type { Fen, Rate } from "./money";
import type { IsoDate } from "./dates";

export const JURISDICTIONS = ["CN-SX-YQ", "CN-SX", "CN-CQ-QJ"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
/** Every node of the jurisdiction tree, including the ones no person lives in directly. */
export type JurisdictionNode = Jurisdiction | "CN" | "CN-CQ";

export const IDENTITY_TYPES = [
  "DEMOBILIZED",
  "WAR_VETERAN",
  "NUCLEAR_TEST_VETERAN",
  "ILL_RETURNED_VETERAN",
  "MARTYR_FAMILY",
  "DUTY_DEATH_FAMILY",
  "ILLNESS_DEATH_FAMILY",
  "VETERAN_RURAL",
  "EXTREME_POVERTY",
  "SUBSISTENCE",
  "LOW_INCOME",
  "ILLNESS_POVERTY",
  "VETERAN",
  "VETERAN_FAMILY",
] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];

export const INSURANCE_SCHEMES = ["RESIDENT", "EMPLOYEE"] as const;
export type InsuranceScheme = (typeof INSURANCE_SCHEMES)[number];

/**
 * Condition codes are open like diagnoses (the README leaves the list open, "…"): the policy
 * library's lists decide which ones mean something (lib/rules/library/conditions.ts).
 */
export type Condition = string;

export const RELATIONS = ["SPOUSE", "CHILD", "PARENT", "PARENT_IN_LAW"] as const;
export type Relation = (typeof RELATIONS)[number];

export const CLAIM_TYPES = [
  "INPATIENT",
  "OUTPATIENT",
  "CHRONIC_OUTPATIENT",
  "TWO_DISEASES",
  "DUAL_CHANNEL",
  "TCM_OUTPATIENT",
  "PHARMACY",
  "ONLINE_PHARMACY",
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const ROUTES = ["LOCAL", "CROSS_PROVINCE_REFERRED", "CROSS_PROVINCE_EMERGENCY", "CROSS_PROVINCE_UNREFERRED"] as const;
export type Route = (typeof ROUTES)[number];

export const RUN_BY = ["COUNTY", "CITY", "PROVINCE"] as const;
export type RunBy = (typeof RUN_BY)[number];

export const FEE_KINDS = [
  "GENERAL_CONSULTATION",
  "EXPERT_CONSULTATION",
  "LARGE_EQUIPMENT",
  "SURGERY_ANESTHESIA",
  "BED",
  "REEMPLOYMENT_CHECKUP",
  "PRENATAL_EXAM",
  "OTHER",
] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export const ITEM_CLASSES = ["A", "B_DRUG", "B_SERVICE", "CONSUMABLE_DOMESTIC", "CONSUMABLE_IMPORTED", "SELF_PAY"] as const;
export type ItemClass = (typeof ITEM_CLASSES)[number];

export const DIAGNOSES = [
  "UREMIA_DIALYSIS",
  "ORGAN_TRANSPLANT_ANTIREJECTION",
  "MALIGNANT_TUMOR",
  "DECOMPENSATED_CIRRHOSIS",
  "CHRONIC_APLASTIC_ANEMIA",
  "HEMOPHILIA",
  "PHENYLKETONURIA",
  "GAUCHER",
  "POMPE",
  "HYPERTENSION",
  "DIABETES_T1",
  "DIABETES_OTHER",
  "DIABETES",
  "HYPERTENSION_G2_3",
  "GOUT",
  "HYPERTHYROIDISM",
  "HYPOTHYROIDISM",
  "GLAUCOMA",
  "CATARACT",
] as const;
/**
 * Diagnosis codes are open: the README names these and says the 26 major diseases get codes "of
 * the same style", so any upper-case code is accepted and the library's lists decide what it means.
 */
export type Diagnosis = string;
export const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

export const PROGRAMMES = ["QJ_MONTHLY_ALLOWANCE", "YQ_ONE_OFF_ASSISTANCE", "SX_CARD_CHRONIC"] as const;
export type Programme = (typeof PROGRAMMES)[number];

export type HospitalLevel = 1 | 2 | 3;
export type PriceClass = 1 | 2 | 3;

export type DatedIdentity = { type: IdentityType; from: IsoDate; to: IsoDate | null };
export type InsuranceEnrolment = { scheme: InsuranceScheme; from: IsoDate; to: IsoDate | null };
/**
 * A recognised condition and the days it held. `from` null = since before any date that matters:
 * what a case file's plain code means ("held throughout"); the registry always knows its first day.
 */
export type DatedCondition = { condition: Condition; from: IsoDate | null; to: IsoDate | null };

export type Person = {
  jurisdiction: Jurisdiction;
  birthDate: IsoDate;
  sex: "M" | "F";
  ruralHukou: boolean;
  identities: DatedIdentity[];
  insurance: InsuranceEnrolment[];
  conditions: DatedCondition[];
  hukouProvince?: string | undefined;
  veteranHukouProvince?: string | undefined;
  relation?: Relation | undefined;
  card?: { appliedOn: IsoDate } | undefined;
};

export type Hospital = {
  level: HospitalLevel;
  priceClass: PriceClass;
  runBy: RunBy;
  public: boolean;
  province: string;
  cardDesignated?: boolean | undefined;
};

export type BillItem = {
  fee: FeeKind;
  class: ItemClass;
  amount: Fen;
  days?: number | undefined;
  cardRate?: Rate | undefined;
  /** Generic drug name in Chinese (RULES.md Reading 7): one of the six first-batch dual-channel drugs raises the rate. */
  drug?: string | undefined;
};

export type SettledAmounts = {
  policyScope?: Fen | undefined;
  insurance?: Fen | undefined;
  criticalIllness?: Fen | undefined;
  assistance?: Fen | undefined;
};

export type Claim = {
  id: string;
  type: ClaimType;
  date: IsoDate;
  admitted?: IsoDate | undefined;
  hospital?: Hospital | undefined;
  route?: Route | undefined;
  diagnoses: Diagnosis[];
  items: BillItem[];
  quota?: Fen | undefined;
  memberPrice?: Fen | undefined;
  settled?: SettledAmounts | undefined;
};

export type EntitlementRequest =
  | { programme: "QJ_MONTHLY_ALLOWANCE"; year: number }
  | { programme: "YQ_ONE_OFF_ASSISTANCE"; year: number; appliedOn: IsoDate }
  | { programme: "SX_CARD_CHRONIC"; quarter: string };

export type CaseFile = {
  id: string;
  title?: string | undefined;
  person: Person;
  claims: Claim[];
  entitlements: EntitlementRequest[];
};

export function holdsIdentity(person: Person, type: IdentityType, on: IsoDate): boolean {
  for (const identity of person.identities) {
    if (identity.type === type && identity.from <= on && (identity.to === null || on <= identity.to)) return true;
  }
  return false;
}

export function identitiesOn(person: Person, on: IsoDate): IdentityType[] {
  const held: IdentityType[] = [];
  for (const identity of person.identities) {
    if (identity.from <= on && (identity.to === null || on <= identity.to) && !held.includes(identity.type)) held.push(identity.type);
  }
  return held;
}

export function enrolmentOn(person: Person, on: IsoDate): InsuranceEnrolment | null {
  for (const enrolment of person.insurance) {
    if (enrolment.from <= on && (enrolment.to === null || on <= enrolment.to)) return enrolment;
  }
  return null;
}

export function holdsCondition(person: Person, condition: Condition, on: IsoDate): boolean {
  for (const held of person.conditions) {
    if (held.condition === condition && (held.from === null || held.from <= on) && (held.to === null || on <= held.to)) return true;
  }
  return false;
}

/** Each condition code the person ever held, once, in the order recorded. */
export function conditionCodes(person: Person): Condition[] {
  return [...new Set(person.conditions.map((held) => held.condition))];
}
