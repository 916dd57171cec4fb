// Database rows → the rules module's Person and Claim (lib/rules/domain.ts). Pure: the loader
// (./load.ts) reads the rows with the selections below, everything else happens here. Enum values
// pass through unchanged (./enums.ts proves the sets equal); money goes through ./money.ts only.
//
// Child rows come in a fixed order (periods by start date, claims by settlement, items by
// position, ties by id) because the rules' receipts hash their input: the same records must
// always give the same case file.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Claim, HospitalLevel, Jurisdiction, Person, PriceClass } from "@/lib/rules/domain";
import { JURISDICTIONS } from "@/lib/rules/domain";
import { dayBefore, type IsoDate } from "@/lib/rules/dates";
import { NoJurisdictionError } from "@/lib/errors";
import { decimalToFen, decimalToRate } from "./money";

const PERIOD_ORDER = [{ validFrom: "asc" }, { id: "asc" }] as const;

export const PERSON_FOR_RULES = {
  select: {
    id: true,
    birthDate: true,
    sex: true,
    ruralHukou: true,
    hukouProvince: true,
    relationToServiceman: true,
    // The serviceman's household registration: his person record's when he is on the register.
    serviceman: { select: { hukouProvince: true, person: { select: { hukouProvince: true } } } },
    cardAppliedOn: true,
    diedOn: true,
    movedOutOn: true,
    region: { select: { path: true } },
    identities: { select: { type: true, validFrom: true, validTo: true }, orderBy: [...PERIOD_ORDER] },
    insuranceEnrollments: { select: { scheme: true, validFrom: true, validTo: true }, orderBy: [...PERIOD_ORDER] },
    conditions: { select: { condition: true, validFrom: true, validTo: true }, orderBy: [...PERIOD_ORDER] },
  },
} satisfies Prisma.PersonDefaultArgs;
export type PersonRow = Prisma.PersonGetPayload<typeof PERSON_FOR_RULES>;

/** Replay order of the rules (settlement order); same-day claims in the order they were recorded. */
export const CLAIM_ORDER = [{ settledOn: "asc" }, { createdAt: "asc" }, { id: "asc" }] as const;

export const CLAIM_FOR_RULES = {
  select: {
    id: true,
    personId: true,
    type: true,
    admittedOn: true,
    settledOn: true,
    route: true,
    diagnoses: true,
    quota: true,
    memberPrice: true,
    settledPolicyScope: true,
    settledInsurance: true,
    settledCriticalIllness: true,
    settledAssistance: true,
    hospital: { select: { level: true, priceClass: true, runBy: true, isPublic: true, province: true, cardDesignated: true } },
    items: { select: { fee: true, class: true, amount: true, days: true, cardRate: true, drug: true }, orderBy: { position: "asc" } },
  },
} satisfies Prisma.ClaimDefaultArgs;
export type ClaimRow = Prisma.ClaimGetPayload<typeof CLAIM_FOR_RULES>;

/** Region code → jurisdiction, for the regions that have one (a handful: see the migration). */
export type JurisdictionIndex = ReadonlyMap<string, Jurisdiction>;

export function isJurisdiction(value: string): value is Jurisdiction {
  return (JURISDICTIONS as readonly string[]).includes(value);
}

/** The nearest jurisdiction on a region path ("140000/140300/140322/…"), the region itself first. */
export function jurisdictionOf(regionPath: string, index: JurisdictionIndex): Jurisdiction {
  const codes = regionPath.split("/");
  for (let i = codes.length - 1; i >= 0; i--) {
    const found = index.get(codes[i] ?? "");
    if (found) return found;
  }
  throw new NoJurisdictionError(regionPath);
}

// @db.Date columns arrive as midnight UTC.
function isoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

function isoDateOrNull(date: Date | null): IsoDate | null {
  return date === null ? null : isoDate(date);
}

function oneToThree(value: number, what: string): 1 | 2 | 3 {
  if (value === 1 || value === 2 || value === 3) return value;
  throw new Error(`${what} must be 1, 2 or 3, not ${value}`);
}

/**
 * The last day the county answers for the person: the day of death, or the day before the
 * household registration moved out (whichever is earlier); null while neither happened.
 */
function lastDayOf(row: PersonRow): IsoDate | null {
  const ends = [row.diedOn ? isoDate(row.diedOn) : null, row.movedOutOn ? dayBefore(isoDate(row.movedOutOn)) : null].filter((d): d is IsoDate => d !== null);
  return ends.length === 0 ? null : ends.sort()[0]!;
}

// A period a bureau has not yet ended (its removal list comes up to a quarter later) still stops
// on the person's last day: a claim after it gets no identity and no enrolment from the registry.
function within<T extends { from: IsoDate; to: IsoDate | null }>(periods: T[], last: IsoDate | null): T[] {
  if (last === null) return periods;
  return periods.filter((p) => p.from <= last).map((p) => (p.to === null || p.to > last ? { ...p, to: last } : p));
}

export function toRulesPerson(row: PersonRow, jurisdictions: JurisdictionIndex): Person {
  const last = lastDayOf(row);
  const person: Person = {
    jurisdiction: jurisdictionOf(row.region.path, jurisdictions),
    birthDate: isoDate(row.birthDate),
    sex: row.sex,
    ruralHukou: row.ruralHukou,
    identities: within(row.identities.map((i) => ({ type: i.type, from: isoDate(i.validFrom), to: isoDateOrNull(i.validTo) })), last),
    insurance: within(row.insuranceEnrollments.map((e) => ({ scheme: e.scheme, from: isoDate(e.validFrom), to: isoDateOrNull(e.validTo) })), last),
    // With their dates: the rules ask whether a condition held on the day that matters.
    conditions: row.conditions.map((c) => ({ condition: c.condition, from: isoDate(c.validFrom), to: isoDateOrNull(c.validTo) })),
    hukouProvince: row.hukouProvince,
  };
  const veteranHukouProvince = row.serviceman ? (row.serviceman.person?.hukouProvince ?? row.serviceman.hukouProvince) : null;
  if (veteranHukouProvince !== null) person.veteranHukouProvince = veteranHukouProvince;
  if (row.relationToServiceman !== null) person.relation = row.relationToServiceman;
  if (row.cardAppliedOn !== null) person.card = { appliedOn: isoDate(row.cardAppliedOn) };
  return person;
}

export function toRulesClaim(row: ClaimRow): Claim {
  const claim: Claim = {
    id: row.id,
    type: row.type,
    date: isoDate(row.settledOn),
    route: row.route,
    diagnoses: [...row.diagnoses],
    items: row.items.map((item) => ({
      fee: item.fee,
      class: item.class,
      amount: decimalToFen(item.amount),
      ...(item.days !== null ? { days: item.days } : {}),
      ...(item.cardRate !== null ? { cardRate: decimalToRate(item.cardRate) } : {}),
      ...(item.drug !== null ? { drug: item.drug } : {}),
    })),
  };
  if (row.admittedOn !== null) claim.admitted = isoDate(row.admittedOn);
  if (row.hospital !== null) {
    const h = row.hospital;
    const level: HospitalLevel = oneToThree(h.level, "hospital level");
    const priceClass: PriceClass = oneToThree(h.priceClass, "hospital price class");
    claim.hospital = { level, priceClass, runBy: h.runBy, public: h.isPublic, province: h.province, cardDesignated: h.cardDesignated };
  }
  if (row.quota !== null) claim.quota = decimalToFen(row.quota);
  if (row.memberPrice !== null) claim.memberPrice = decimalToFen(row.memberPrice);
  const settled: NonNullable<Claim["settled"]> = {};
  if (row.settledPolicyScope !== null) settled.policyScope = decimalToFen(row.settledPolicyScope);
  if (row.settledInsurance !== null) settled.insurance = decimalToFen(row.settledInsurance);
  if (row.settledCriticalIllness !== null) settled.criticalIllness = decimalToFen(row.settledCriticalIllness);
  if (row.settledAssistance !== null) settled.assistance = decimalToFen(row.settledAssistance);
  if (Object.keys(settled).length > 0) claim.settled = settled;
  return claim;
}
