// A year (2025) of settled medical bills for the demo people. Amounts are integer fen internally
// and leave here as decimal strings with two places ("1234.50"). Ranges per claim type and
// hospital level are plausible for a county in 2025, not statistics.
import type { ClaimType, FeeKind, IdentityType, ItemClass, Route } from "@/lib/generated/prisma/enums";
import { addDays, ageOn, dateBetween } from "./dates";
import { hospitalsOf, type DemoHospital } from "./hospitals";
import type { DemoCondition, DemoEnrollment, DemoIdentity, DemoPerson } from "./people";
import type { DemoCounty } from "./regions";
import type { Rng } from "./rng";

export const DEMO_BILL_YEAR = 2025;

export interface DemoClaimItem {
  id: string;
  claimId: string;
  position: number;
  fee: FeeKind;
  class: ItemClass;
  amount: string;
  days: number | null;
  cardRate: string | null;
}

export interface DemoClaim {
  id: string;
  personId: string;
  hospitalId: string | null;
  type: ClaimType;
  admittedOn: string | null;
  settledOn: string;
  route: Route;
  diagnoses: string[];
  quota: string | null;
  memberPrice: string | null;
  settledPolicyScope: string | null;
  settledInsurance: string | null;
  settledCriticalIllness: string | null;
  settledAssistance: string | null;
}

export interface DemoBills {
  claims: DemoClaim[];
  items: DemoClaimItem[];
}

/** Fen (integer) → "123.45". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`not an integer amount of fen: ${fen}`);
  const sign = fen < 0 ? "-" : "";
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

/** "123.45" → 12345. */
export function yuanToFen(yuan: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(yuan);
  if (!m) throw new Error(`not a two-place decimal: ${yuan}`);
  const v = Number(m[2]) * 100 + Number(m[3]);
  return m[1] ? -v : v;
}

const POVERTY_ASSISTANCE: Partial<Record<IdentityType, number>> = {
  EXTREME_POVERTY: 1,
  SUBSISTENCE: 0.7,
  LOW_INCOME: 0.6,
  ILLNESS_POVERTY: 0.6,
};

interface PersonContext {
  person: DemoPerson;
  identities: DemoIdentity[];
  enrollments: DemoEnrollment[];
  conditions: DemoCondition[];
}

interface Draft {
  type: ClaimType;
  settledOn: string;
  admittedOn: string | null;
  hospital: DemoHospital | null;
  diagnoses: string[];
  items: { fee: FeeKind; class: ItemClass; fen: number; days: number | null }[];
  quotaFen: number | null;
  memberPriceFen: number | null;
}

const active = (from: string, to: string | null, on: string) => from <= on && (to === null || on <= to);

export function generateBills(
  rng: Rng,
  county: DemoCounty,
  people: readonly DemoPerson[],
  identities: readonly DemoIdentity[],
  enrollments: readonly DemoEnrollment[],
  conditions: readonly DemoCondition[],
): DemoBills {
  const hospitals = hospitalsOf(county.key);
  const byPerson = <T extends { personId: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.personId, [...(m.get(r.personId) ?? []), r]);
    return m;
  };
  const idsOf = byPerson(identities);
  const enrOf = byPerson(enrollments);
  const condOf = byPerson(conditions);
  const out: DemoBills = { claims: [], items: [] };
  for (const person of people) {
    if (person.countyKey !== county.key) continue;
    const ctx: PersonContext = {
      person,
      identities: idsOf.get(person.id) ?? [],
      enrollments: enrOf.get(person.id) ?? [],
      conditions: condOf.get(person.id) ?? [],
    };
    const drafts = draftsFor(rng, county, hospitals, ctx).sort((a, b) => (a.settledOn < b.settledOn ? -1 : a.settledOn > b.settledOn ? 1 : 0));
    for (const d of drafts) emit(rng, county, ctx, d, out);
  }
  return out;
}

function draftsFor(rng: Rng, county: DemoCounty, hospitals: readonly DemoHospital[], ctx: PersonContext): Draft[] {
  const { person } = ctx;
  const age = ageOn(person.birthDate, "2025-07-01");
  const cancer = ctx.conditions.some((c) => c.condition === "CANCER");
  const bedridden = ctx.conditions.some((c) => c.condition === "BEDRIDDEN");
  const resident = ctx.enrollments.some((e) => e.scheme === "RESIDENT" && active(e.validFrom, e.validTo, "2025-07-01"));
  const drafts: Draft[] = [];
  const day = () => dateBetween(rng.next, "2025-01-02", "2025-12-31");
  const byLevel = (level: number, pred: (h: DemoHospital) => boolean = () => true) =>
    hospitals.filter((h) => h.level === level && pred(h));

  const pickInpatientHospital = (): DemoHospital => {
    if (cancer) return rng.pick(byLevel(3));
    const kind = rng.weighted<"county" | "township" | "city" | "province" | "private">([
      ["county", 45], ["township", 22], ["city", county.cityCode ? 15 : 0], ["province", county.cityCode ? 10 : 25], ["private", 5],
    ]);
    const pools: Record<typeof kind, DemoHospital[]> = {
      county: hospitals.filter((h) => h.isPublic && h.runBy === "COUNTY" && h.level >= 2),
      township: byLevel(1, (h) => h.isPublic),
      city: hospitals.filter((h) => h.runBy === "CITY"),
      province: hospitals.filter((h) => h.runBy === "PROVINCE"),
      private: hospitals.filter((h) => !h.isPublic),
    };
    const pool = pools[kind];
    return rng.pick(pool.length > 0 ? pool : hospitals);
  };
  const pickOutpatientHospital = (): DemoHospital =>
    rng.pick(rng.chance(0.55) ? byLevel(1) : rng.chance(0.75) ? byLevel(2) : byLevel(3));

  // Inpatient stays.
  let stays = 0;
  const r = rng.next();
  if (age >= 65) stays = r < 0.12 ? 2 : r < 0.45 ? 1 : 0;
  else if (age >= 45) stays = r < 0.05 ? 2 : r < 0.22 ? 1 : 0;
  else if (age >= 18) stays = r < 0.09 ? 1 : 0;
  else stays = r < 0.05 ? 1 : 0;
  if (cancer) stays += rng.int(1, 3);
  if (bedridden) stays += rng.int(1, 2);
  for (let i = 0; i < stays; i++) drafts.push(inpatient(rng, county, pickInpatientHospital(), day(), cancer, age));

  // Ordinary outpatient visits.
  const visits = age >= 65 ? rng.int(1, 5) : age >= 45 ? rng.int(0, 4) : rng.int(0, 2);
  for (let i = 0; i < visits; i++) drafts.push(outpatient(rng, pickOutpatientHospital(), day(), "GENERAL"));
  if (person.sex === "F" && age >= 22 && age <= 38 && rng.chance(0.3)) {
    drafts.push(outpatient(rng, rng.pick(byLevel(2)), day(), "PRENATAL"));
  }
  if (person.archetype === "VETERAN" && person.relationToHead === "HEAD" && age < 50 && rng.chance(0.25)) {
    drafts.push(outpatient(rng, rng.pick(byLevel(2)), day(), "CHECKUP"));
  }

  // Long-term conditions: 两病 (hypertension, diabetes) outpatient for residents, otherwise the
  // chronic/special outpatient scheme.
  const dx = person.chronicDiagnosis;
  // People keep going back to the same clinic for a long-term condition.
  const homeClinic = rng.pick(byLevel(1, (h) => h.isPublic));
  const chronicHospital = rng.pick([...byLevel(2), ...byLevel(3)]);
  if (dx) {
    const twoDiseases = resident && (dx === "HYPERTENSION" || dx === "DIABETES") && rng.chance(0.75);
    const n = twoDiseases ? rng.int(2, 6) : rng.int(2, 4);
    for (let i = 0; i < n; i++) {
      if (twoDiseases) drafts.push(twoDiseasesVisit(rng, rng.chance(0.85) ? homeClinic : rng.pick(byLevel(1, (h) => h.isPublic)), day(), dx));
      else drafts.push(chronic(rng, rng.chance(0.85) ? chronicHospital : rng.pick([...byLevel(2), ...byLevel(3)]), day(), dx, 20_000, 300_000));
    }
  }
  if (cancer) {
    for (let i = 0, n = rng.int(2, 5); i < n; i++) drafts.push(chronic(rng, rng.pick(byLevel(3)), day(), "MALIGNANT_TUMOR", 200_000, 1_200_000));
  }
  if (age >= 50 && rng.chance(0.012)) {
    const dialysis = rng.pick(byLevel(2, (h) => h.isPublic));
    for (let i = 0, n = rng.int(6, 12); i < n; i++) drafts.push(chronic(rng, dialysis, day(), "UREMIA_DIALYSIS", 300_000, 650_000));
  }

  // Retail pharmacy purchases (no hospital).
  const veteranFamily = ctx.identities.some((i) => i.type === "VETERAN" || i.type === "VETERAN_FAMILY");
  const buys = age >= 45 ? rng.int(0, 3) : rng.int(0, 1);
  for (let i = 0; i < buys; i++) drafts.push(pharmacy(rng, county, day(), veteranFamily));
  return drafts;
}

function splitRemainder(rng: Rng, total: number): { class: ItemClass; fen: number }[] {
  const shares: [ItemClass, number][] = [
    ["A", rng.int(55, 72)],
    ["B_DRUG", rng.int(8, 20)],
    ["B_SERVICE", rng.int(2, 8)],
    ["CONSUMABLE_DOMESTIC", rng.int(0, 10)],
    ["CONSUMABLE_IMPORTED", rng.chance(0.15) ? rng.int(2, 10) : 0],
    ["SELF_PAY", rng.int(1, 8)],
  ];
  const sum = shares.reduce((s, [, w]) => s + w, 0);
  const out: { class: ItemClass; fen: number }[] = [];
  let left = total;
  shares.forEach(([cls, w], i) => {
    if (w === 0) return;
    const fen = i === shares.length - 1 ? left : Math.round((total * w) / sum);
    if (fen > 0) out.push({ class: cls, fen });
    left -= fen;
  });
  // Rounding residue goes to the class A line.
  if (left !== 0 && out[0]) out[0].fen += left;
  return out.filter((x) => x.fen > 0);
}

function inpatient(rng: Rng, county: DemoCounty, h: DemoHospital, settledOn: string, cancer: boolean, age: number): Draft {
  const ranges: Record<number, [number, number, number, number]> = {
    // [min total yuan, max total yuan, min days, max days]
    1: [1_500, 8_000, 3, 10],
    2: [4_000, 30_000, 4, 15],
    3: [10_000, 80_000, 5, 21],
  };
  const [lo, hi, dLo, dHi] = ranges[h.level] ?? [4_000, 30_000, 4, 15];
  const days = rng.int(dLo, dHi + (age >= 75 ? 5 : 0));
  let total = rng.int(lo, cancer ? hi * 2 : hi) * 100 + rng.int(0, 99);
  const items: Draft["items"] = [];
  const bedRate = (h.level === 3 ? rng.int(60, 120) : h.level === 2 ? rng.int(35, 70) : rng.int(20, 40)) * 100;
  items.push({ fee: "BED", class: "A", fen: bedRate * days, days });
  if (rng.chance(h.level === 1 ? 0.05 : 0.3)) {
    const fen = Math.round(total * (rng.int(10, 30) / 100));
    items.push({ fee: "SURGERY_ANESTHESIA", class: rng.chance(0.8) ? "A" : "B_SERVICE", fen, days: null });
  }
  if (h.level >= 2 && rng.chance(0.45)) items.push({ fee: "LARGE_EQUIPMENT", class: "B_SERVICE", fen: rng.int(300, 1_800) * 100, days: null });
  if (h.level === 3 && rng.chance(0.5)) items.push({ fee: "EXPERT_CONSULTATION", class: "A", fen: rng.int(3, 12) * 1_000, days: null });
  const fixed = items.reduce((s, i) => s + i.fen, 0);
  if (total < fixed + 50_000) total = fixed + 50_000 + rng.int(0, 99_999);
  for (const part of splitRemainder(rng, total - fixed)) items.push({ fee: "OTHER", class: part.class, fen: part.fen, days: null });
  const diagnoses = cancer ? ["MALIGNANT_TUMOR"] : rng.chance(0.03) ? ["DECOMPENSATED_CIRRHOSIS"] : [];
  // 盂县 county hospitals settle some common stays by single-disease quota (阳泉 YQ-JZ-2019 §4(2)4).
  const quotaFen =
    county.key === "yx" && h.level === 2 && h.runBy === "COUNTY" && h.isPublic && !cancer && rng.chance(0.15)
      ? Math.round((total * rng.int(80, 95)) / 100 / 10_000) * 10_000
      : null;
  return { type: "INPATIENT", settledOn, admittedOn: addDays(settledOn, -days), hospital: h, diagnoses, items, quotaFen, memberPriceFen: null };
}

function outpatient(rng: Rng, h: DemoHospital, settledOn: string, kind: "GENERAL" | "PRENATAL" | "CHECKUP"): Draft {
  const items: Draft["items"] = [];
  if (kind === "PRENATAL") {
    items.push({ fee: "PRENATAL_EXAM", class: "A", fen: rng.int(150, 600) * 100, days: null });
  } else if (kind === "CHECKUP") {
    items.push({ fee: "REEMPLOYMENT_CHECKUP", class: "A", fen: rng.int(120, 400) * 100, days: null });
  } else {
    items.push(
      h.level === 3
        ? { fee: "EXPERT_CONSULTATION", class: "A", fen: rng.int(20, 100) * 100, days: null }
        : { fee: "GENERAL_CONSULTATION", class: "A", fen: rng.int(5, 25) * 100, days: null },
    );
    items.push({ fee: "OTHER", class: "A", fen: rng.int(3_000, h.level === 1 ? 30_000 : 60_000), days: null });
    if (rng.chance(0.4)) items.push({ fee: "OTHER", class: "B_DRUG", fen: rng.int(2_000, 30_000), days: null });
    if (rng.chance(0.15)) items.push({ fee: "OTHER", class: "SELF_PAY", fen: rng.int(1_000, 20_000), days: null });
  }
  return { type: "OUTPATIENT", settledOn, admittedOn: null, hospital: h, diagnoses: [], items, quotaFen: null, memberPriceFen: null };
}

function chronic(rng: Rng, h: DemoHospital, settledOn: string, dx: string, minFen: number, maxFen: number): Draft {
  const total = rng.int(minFen, maxFen);
  const b = rng.chance(0.5) ? Math.round(total * (rng.int(10, 30) / 100)) : 0;
  const items: Draft["items"] = [{ fee: "OTHER", class: "A", fen: total - b, days: null }];
  if (b > 0) items.push({ fee: "OTHER", class: "B_DRUG", fen: b, days: null });
  return { type: "CHRONIC_OUTPATIENT", settledOn, admittedOn: null, hospital: h, diagnoses: [dx], items, quotaFen: null, memberPriceFen: null };
}

function twoDiseasesVisit(rng: Rng, h: DemoHospital, settledOn: string, dx: string): Draft {
  return {
    type: "TWO_DISEASES",
    settledOn,
    admittedOn: null,
    hospital: h,
    diagnoses: [dx],
    items: [{ fee: "OTHER", class: "A", fen: rng.int(3_000, 30_000), days: null }],
    quotaFen: null,
    memberPriceFen: null,
  };
}

function pharmacy(rng: Rng, county: DemoCounty, settledOn: string, cardHolder: boolean): Draft {
  const a = rng.int(2_000, 40_000);
  const items: Draft["items"] = [{ fee: "OTHER", class: "A", fen: a, days: null }];
  if (rng.chance(0.3)) items.push({ fee: "OTHER", class: "B_DRUG", fen: rng.int(1_000, 15_000), days: null });
  if (rng.chance(0.15)) items.push({ fee: "OTHER", class: "SELF_PAY", fen: rng.int(500, 8_000), days: null });
  const gross = items.reduce((s, i) => s + i.fen, 0);
  // 山西 veteran family pharmacy card: the purchase is priced at the member-day price.
  const memberPriceFen = county.province === "SX" && cardHolder && rng.chance(0.6) ? Math.round((gross * rng.int(88, 97)) / 100) : null;
  return { type: "PHARMACY", settledOn, admittedOn: null, hospital: null, diagnoses: [], items, quotaFen: null, memberPriceFen };
}

function emit(rng: Rng, county: DemoCounty, ctx: PersonContext, d: Draft, out: DemoBills) {
  const claimId = rng.uuid();
  const enrolled = ctx.enrollments.find((e) => active(e.validFrom, e.validTo, d.settledOn));
  const employee = enrolled?.scheme === "EMPLOYEE";
  // The insurer's policy scope: gross less self-pay items and the personal first share of B items.
  const firstShare: Record<ItemClass, number> = {
    A: 0, B_DRUG: 0.1, B_SERVICE: 0.2, CONSUMABLE_DOMESTIC: 0.2, CONSUMABLE_IMPORTED: 0.4, SELF_PAY: 1,
  };
  const scope = d.items.reduce((s, i) => s + i.fen - Math.round(i.fen * firstShare[i.class]), 0);

  let settled: { policyScope: number; insurance: number; critical: number; assistance: number } | null = null;
  if (county.key === "qj") {
    let insurance = 0;
    if (enrolled) {
      if (d.type === "INPATIENT") {
        const level = d.hospital?.level ?? 2;
        const deductible = [0, 20_000, 40_000, 80_000][level] ?? 40_000;
        const rate = ([0, 0.85, 0.7, 0.55][level] ?? 0.7) + (employee ? 0.1 : 0);
        insurance = Math.round(Math.max(0, scope - deductible) * rate);
      } else if (d.type === "PHARMACY") insurance = rng.chance(0.5) ? Math.round(scope * 0.5) : 0;
      else insurance = Math.round(scope * (d.type === "CHRONIC_OUTPATIENT" ? 0.6 : 0.5));
    }
    const critical = d.type === "INPATIENT" && enrolled ? Math.round(Math.max(0, scope - insurance - 1_500_000) * 0.6) : 0;
    const poverty = ctx.identities
      .filter((i) => POVERTY_ASSISTANCE[i.type] !== undefined && active(i.validFrom, i.validTo, d.settledOn))
      .map((i) => POVERTY_ASSISTANCE[i.type] ?? 0);
    const assistRate = poverty.length > 0 ? Math.max(...poverty) : 0;
    const assistance = d.type === "INPATIENT" || d.type === "CHRONIC_OUTPATIENT" ? Math.round(Math.max(0, scope - insurance - critical) * assistRate) : 0;
    settled = { policyScope: scope, insurance, critical, assistance };
  }

  // 阳泉: the chronic-outpatient and pharmacy settlements arrive with the insurer's share only.
  let yqInsurance: number | null = null;
  if (county.key === "yx" && d.type === "CHRONIC_OUTPATIENT") yqInsurance = enrolled ? Math.round(scope * 0.6) : 0;
  if (county.key === "yx" && d.type === "PHARMACY") yqInsurance = enrolled && rng.chance(0.5) ? Math.round(scope * 0.3) : 0;

  out.claims.push({
    id: claimId,
    personId: ctx.person.id,
    hospitalId: d.hospital?.id ?? null,
    type: d.type,
    admittedOn: d.admittedOn,
    settledOn: d.settledOn,
    route: "LOCAL",
    diagnoses: d.diagnoses,
    quota: d.quotaFen === null ? null : fenToYuan(d.quotaFen),
    memberPrice: d.memberPriceFen === null ? null : fenToYuan(d.memberPriceFen),
    settledPolicyScope: settled ? fenToYuan(settled.policyScope) : null,
    settledInsurance: settled ? fenToYuan(settled.insurance) : yqInsurance === null ? null : fenToYuan(yqInsurance),
    settledCriticalIllness: settled ? fenToYuan(settled.critical) : null,
    settledAssistance: settled ? fenToYuan(settled.assistance) : null,
  });
  d.items.forEach((it, i) => {
    out.items.push({
      id: rng.uuid(),
      claimId,
      position: i + 1,
      fee: it.fee,
      class: it.class,
      amount: fenToYuan(it.fen),
      days: it.days,
      cardRate: null,
    });
  });
}
