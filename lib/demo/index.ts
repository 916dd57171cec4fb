// Deterministic demo data for 优抚医保通: two counties (盂县, 綦江区), their staff accounts, a few
// hundred fictitious people per county and their 2025 medical bills. Pure: no database, no clock,
// no Math.random — the same seed gives the same data on every machine.
import { generateBills, type DemoClaim, type DemoClaimItem } from "./claims";
import { DEMO_HOSPITALS, type DemoHospital } from "./hospitals";
import {
  generatePeople,
  type DemoCondition,
  type DemoEnrollment,
  type DemoHousehold,
  type DemoIdentity,
  type DemoPerson,
  type DemoServiceman,
} from "./people";
import { DEMO_COUNTIES, DEMO_REGIONS, type CountyKey, type DemoRegion } from "./regions";
import { createRng } from "./rng";
import { demoTier } from "./tiers";
import { DEMO_USERS, type DemoUser } from "./users";

export const DEMO_SEED = "youfu-yibaotong-demo-v1";

export interface DemoDataOptions {
  seed?: string;
  /** People per county (default 300 each). */
  peoplePerCounty?: Partial<Record<CountyKey, number>>;
}

export interface DemoData {
  regions: readonly DemoRegion[];
  users: readonly DemoUser[];
  hospitals: readonly DemoHospital[];
  households: DemoHousehold[];
  people: DemoPerson[];
  servicemen: DemoServiceman[];
  identities: DemoIdentity[];
  enrollments: DemoEnrollment[];
  conditions: DemoCondition[];
  claims: DemoClaim[];
  claimItems: DemoClaimItem[];
}

export type DemoCounts = Record<keyof DemoData, number>;

export const DEFAULT_PEOPLE_PER_COUNTY: Readonly<Record<CountyKey, number>> = { yx: 300, qj: 300 };

export function generateDemoData(opts: DemoDataOptions = {}): DemoData {
  const seed = opts.seed ?? DEMO_SEED;
  const data: DemoData = {
    regions: DEMO_REGIONS,
    users: DEMO_USERS,
    hospitals: DEMO_HOSPITALS,
    households: [],
    people: [],
    servicemen: [],
    identities: [],
    enrollments: [],
    conditions: [],
    claims: [],
    claimItems: [],
  };
  for (const county of DEMO_COUNTIES) {
    const rng = createRng(`${seed}/${county.key}`);
    const target = opts.peoplePerCounty?.[county.key] ?? DEFAULT_PEOPLE_PER_COUNTY[county.key];
    const p = generatePeople(rng.fork("people"), county, { target });
    const bills = generateBills(rng.fork("bills"), county, p.people, p.identities, p.enrollments, p.conditions);
    const typesOf = new Map<string, string[]>();
    for (const i of p.identities) typesOf.set(i.personId, [...(typesOf.get(i.personId) ?? []), i.type]);
    for (const e of p.enrollments) e.tier = demoTier(county.jurisdiction, e.scheme, typesOf.get(e.personId) ?? []);
    data.households.push(...p.households);
    data.people.push(...p.people);
    data.servicemen.push(...p.servicemen);
    data.identities.push(...p.identities);
    data.enrollments.push(...p.enrollments);
    data.conditions.push(...p.conditions);
    data.claims.push(...bills.claims);
    data.claimItems.push(...bills.items);
  }
  // In the order the database gives them back to the rules (lib/records/to-rules.ts): a case file
  // built here and one loaded from the seeded database are then the same, receipts included.
  const byPeriod = (a: { validFrom: string; id: string }, b: { validFrom: string; id: string }) => compare(a.validFrom, b.validFrom) || compare(a.id, b.id);
  data.identities.sort(byPeriod);
  data.enrollments.sort(byPeriod);
  data.conditions.sort(byPeriod);
  data.claims.sort((a, b) => compare(a.settledOn, b.settledOn) || compare(a.id, b.id));
  return data;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countDemoData(data: DemoData): DemoCounts {
  return {
    regions: data.regions.length,
    users: data.users.length,
    hospitals: data.hospitals.length,
    households: data.households.length,
    people: data.people.length,
    servicemen: data.servicemen.length,
    identities: data.identities.length,
    enrollments: data.enrollments.length,
    conditions: data.conditions.length,
    claims: data.claims.length,
    claimItems: data.claimItems.length,
  };
}

export { fenToYuan, yuanToFen, DEMO_BILL_YEAR, type DemoClaim, type DemoClaimItem } from "./claims";
export { DEMO_HOSPITALS, hospitalsOf, type DemoHospital, type HospitalOwner } from "./hospitals";
export type { Archetype, ConditionCode, DemoCondition, DemoEnrollment, DemoHousehold, DemoIdentity, DemoPerson, DemoServiceman } from "./people";
export * from "./regions";
export { createRng, type Rng } from "./rng";
export * from "./users";
