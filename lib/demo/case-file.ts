// One demo person's year in the case-file format of the rules module (../shared/golden/README.md),
// so the demo data can be fed to `npm run rules` or the rules tests as it stands. Built from the
// generated data in memory; lib/records/load.int.test.ts checks that the same person loaded from
// the seeded database gives the same case file and the same results.
import type { ServicemanRelation } from "@/lib/generated/prisma/enums";
import type { DemoData } from "./index";
import { DEMO_COUNTIES } from "./regions";

type Period = { from: string; to: string | null };

export interface DemoCaseFile {
  id: string;
  title: string;
  person: {
    jurisdiction: string;
    birthDate: string;
    sex: "M" | "F";
    ruralHukou: boolean;
    identities: ({ type: string } & Period)[];
    insurance: ({ scheme: string } & Period)[];
    conditions: ({ condition: string } & Period)[];
    hukouProvince: string;
    veteranHukouProvince?: string;
    relation?: ServicemanRelation;
    card?: { appliedOn: string };
  };
  claims: {
    id: string;
    type: string;
    date: string;
    admitted?: string;
    hospital?: { level: number; priceClass: number; runBy: string; public: boolean; province: string; cardDesignated?: boolean };
    route?: string;
    diagnoses: string[];
    items: { fee: string; class: string; amount: string; days?: number; cardRate?: string }[];
    quota?: string;
    memberPrice?: string;
    settled?: { policyScope?: string; insurance?: string; criticalIllness?: string; assistance?: string };
  }[];
}

/** Index the data once when converting many people: `const conv = caseFileConverter(data)`. */
export function caseFileConverter(data: DemoData): (personId: string) => DemoCaseFile {
  const group = <T extends { personId: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.personId, [...(m.get(r.personId) ?? []), r]);
    return m;
  };
  const people = new Map(data.people.map((p) => [p.id, p]));
  const identities = group(data.identities);
  const enrollments = group(data.enrollments);
  const conditions = group(data.conditions);
  const claims = group(data.claims);
  const hospitals = new Map(data.hospitals.map((h) => [h.id, h]));
  const items = new Map<string, DemoData["claimItems"]>();
  for (const it of data.claimItems) items.set(it.claimId, [...(items.get(it.claimId) ?? []), it]);

  return (personId) => {
    const p = people.get(personId);
    if (!p) throw new Error(`no demo person ${personId}`);
    const county = DEMO_COUNTIES.find((c) => c.key === p.countyKey);
    if (!county) throw new Error(`no county ${p.countyKey}`);
    const ids = identities.get(p.id) ?? [];
    return {
      id: p.id,
      title: `${p.name}（${county.name}演示数据）`,
      person: {
        jurisdiction: county.jurisdiction,
        birthDate: p.birthDate,
        sex: p.sex,
        ruralHukou: p.ruralHukou,
        identities: ids.map((i) => ({ type: i.type, from: i.validFrom, to: i.validTo })),
        insurance: (enrollments.get(p.id) ?? []).map((e) => ({ scheme: e.scheme, from: e.validFrom, to: e.validTo })),
        conditions: (conditions.get(p.id) ?? []).map((c) => ({ condition: c.condition, from: c.validFrom, to: c.validTo })),
        hukouProvince: p.hukouProvince,
        ...(p.veteranHukouProvince !== null ? { veteranHukouProvince: p.veteranHukouProvince } : {}),
        ...(p.relationToServiceman !== null ? { relation: p.relationToServiceman } : {}),
        ...(p.cardAppliedOn !== null ? { card: { appliedOn: p.cardAppliedOn } } : {}),
      },
      claims: (claims.get(p.id) ?? []).map((c) => {
        const h = c.hospitalId ? hospitals.get(c.hospitalId) : undefined;
        const settled = {
          ...(c.settledPolicyScope !== null ? { policyScope: c.settledPolicyScope } : {}),
          ...(c.settledInsurance !== null ? { insurance: c.settledInsurance } : {}),
          ...(c.settledCriticalIllness !== null ? { criticalIllness: c.settledCriticalIllness } : {}),
          ...(c.settledAssistance !== null ? { assistance: c.settledAssistance } : {}),
        };
        return {
          id: c.id,
          type: c.type,
          date: c.settledOn,
          ...(c.admittedOn ? { admitted: c.admittedOn } : {}),
          ...(h ? { hospital: { level: h.level, priceClass: h.priceClass, runBy: h.runBy, public: h.isPublic, province: h.province, cardDesignated: h.cardDesignated } } : {}),
          route: c.route,
          diagnoses: c.diagnoses,
          items: (items.get(c.id) ?? []).map((i) => ({
            fee: i.fee,
            class: i.class,
            amount: i.amount,
            ...(i.days !== null ? { days: i.days } : {}),
            ...(i.cardRate !== null ? { cardRate: i.cardRate } : {}),
          })),
          ...(c.quota !== null ? { quota: c.quota } : {}),
          ...(c.memberPrice !== null ? { memberPrice: c.memberPrice } : {}),
          ...(Object.keys(settled).length > 0 ? { settled } : {}),
        };
      }),
    };
  };
}
