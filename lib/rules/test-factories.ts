// Small builders for tests and the benchmark: a person and a claim with sensible defaults, so
// each test states only what it is about.
import type { BillItem, Claim, DatedIdentity, Hospital, IdentityType, Jurisdiction, Person } from "./domain";
import { parseYuan } from "./money";

export function makePerson(overrides: Partial<Person> & { identityTypes?: IdentityType[] } = {}): Person {
  const { identityTypes, ...rest } = overrides;
  const identities: DatedIdentity[] = (identityTypes ?? []).map((type) => ({ type, from: "2010-01-01", to: null }));
  return {
    jurisdiction: "CN-SX-YQ",
    birthDate: "1960-01-01",
    sex: "M",
    ruralHukou: false,
    identities,
    insurance: [{ scheme: "RESIDENT", from: "2015-01-01", to: null }],
    conditions: [],
    ...rest,
  };
}

export function hospital(overrides: Partial<Hospital> = {}): Hospital {
  return { level: 2, priceClass: 2, runBy: "CITY", public: true, province: "SX", ...overrides };
}

export function item(amount: string, overrides: Partial<Omit<BillItem, "amount">> = {}): BillItem {
  return { fee: "OTHER", class: "A", amount: parseYuan(amount), ...overrides };
}

export function makeClaim(overrides: Partial<Claim> & { amount?: string } = {}): Claim {
  const { amount, ...rest } = overrides;
  return {
    id: "c1",
    type: "INPATIENT",
    date: "2025-06-01",
    hospital: hospital(),
    route: "LOCAL",
    diagnoses: [],
    items: [item(amount ?? "10000.00")],
    ...rest,
  };
}

export function qjPerson(identityTypes: IdentityType[], overrides: Partial<Person> = {}): Person {
  const jurisdiction: Jurisdiction = "CN-CQ-QJ";
  return makePerson({ jurisdiction, identityTypes, ...overrides });
}
