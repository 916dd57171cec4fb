import { describe, expect, it } from "vitest";
import { ClaimType, FeeKind, IdentityType, ItemClass } from "@/lib/generated/prisma/enums";
import { validateIdNumber } from "@/lib/people/id-number";
import { countDemoData, DEMO_BILL_YEAR, generateDemoData, yuanToFen } from "./index";
import { DEMO_COUNTIES, townshipsOf } from "./regions";

const data = generateDemoData();
const TODAY = new Date(Date.UTC(2026, 0, 1));

describe("generateDemoData", () => {
  it("is deterministic", () => {
    const again = generateDemoData();
    expect(again).toEqual(data);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });

  it("depends on the seed", () => {
    const other = generateDemoData({ seed: "another seed" });
    expect(other.people[0]?.idNumber).not.toBe(data.people[0]?.idNumber);
  });

  it("produces a few hundred people per county", () => {
    for (const c of DEMO_COUNTIES) {
      const n = data.people.filter((p) => p.countyKey === c.key).length;
      expect(n).toBeGreaterThanOrEqual(300);
      expect(n).toBeLessThan(310);
    }
    const counts = countDemoData(data);
    expect(counts.claims).toBeGreaterThan(1000);
  });

  it("gives every person a valid, unique, local ID number matching sex and birth date", () => {
    const seen = new Set<string>();
    for (const p of data.people) {
      const r = validateIdNumber(p.idNumber, TODAY);
      expect(r, p.idNumber).toMatchObject({ ok: true, sex: p.sex, birthDate: p.birthDate });
      const county = DEMO_COUNTIES.find((c) => c.key === p.countyKey);
      expect(r.ok && r.areaCode).toBe(county?.code);
      expect(seen.has(p.idNumber)).toBe(false);
      seen.add(p.idNumber);
    }
  });

  it("has every identity type in every county", () => {
    const all = Object.values(IdentityType);
    for (const c of DEMO_COUNTIES) {
      const ids = new Set(data.people.filter((p) => p.countyKey === c.key).map((p) => p.id));
      const types = new Set(data.identities.filter((i) => ids.has(i.personId)).map((i) => i.type));
      expect([...types].sort()).toEqual([...all].sort());
    }
  });

  it("has some ended identity periods and well-ordered periods", () => {
    expect(data.identities.some((i) => i.validTo !== null)).toBe(true);
    const birth = new Map(data.people.map((p) => [p.id, p.birthDate]));
    for (const i of data.identities) {
      expect(i.validTo === null || i.validFrom <= i.validTo).toBe(true);
      expect(i.validFrom >= (birth.get(i.personId) ?? "")).toBe(true);
    }
    for (const e of data.enrollments) expect(e.validTo === null || e.validFrom <= e.validTo).toBe(true);
  });

  it("puts people in every township of both counties, in households of 2–4 with one head", () => {
    for (const c of DEMO_COUNTIES) {
      for (const t of townshipsOf(c.code)) {
        const n = data.people.filter((p) => p.regionCode.startsWith(t.code)).length;
        expect(n, t.name).toBeGreaterThan(0);
      }
    }
    const byHousehold = new Map<string, typeof data.people>();
    for (const p of data.people) byHousehold.set(p.householdId, [...(byHousehold.get(p.householdId) ?? []), p]);
    expect(byHousehold.size).toBe(data.households.length);
    for (const h of data.households) {
      const members = byHousehold.get(h.id) ?? [];
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(members.length).toBeLessThanOrEqual(4);
      expect(members.filter((m) => m.relationToHead === "HEAD")).toHaveLength(1);
      for (const m of members) expect(m.regionCode).toBe(h.regionCode);
    }
  });

  it("leaves a few people without insurance and enrols the rest", () => {
    const enrolled = new Set(data.enrollments.map((e) => e.personId));
    const none = data.people.filter((p) => !enrolled.has(p.id)).length;
    expect(none).toBeGreaterThan(0);
    expect(none).toBeLessThan(data.people.length * 0.1);
    expect(new Set(data.enrollments.map((e) => e.scheme))).toEqual(new Set(["RESIDENT", "EMPLOYEE"]));
  });

  it("enrols Qijiang's residents in a tier (二档 for 在乡复员军人 and the bereaved, QJ-YF-2023 Art. 5), nobody else in one", () => {
    const county = new Map(data.people.map((p) => [p.id, p.countyKey]));
    const demob = new Set(data.identities.filter((i) => i.type === "DEMOBILIZED").map((i) => i.personId));
    const qjResidents = data.enrollments.filter((e) => county.get(e.personId) === "qj" && e.scheme === "RESIDENT");
    expect(new Set(qjResidents.map((e) => e.tier))).toEqual(new Set(["TIER_1", "TIER_2"]));
    expect(qjResidents.filter((e) => demob.has(e.personId)).every((e) => e.tier === "TIER_2")).toBe(true);
    expect(data.enrollments.filter((e) => county.get(e.personId) !== "qj" || e.scheme !== "RESIDENT").every((e) => e.tier === null)).toBe(true);
  });

  it("gives CANCER and BEDRIDDEN to 在乡复员军人 in each county", () => {
    const demob = new Set(data.identities.filter((i) => i.type === "DEMOBILIZED").map((i) => i.personId));
    for (const c of DEMO_COUNTIES) {
      const people = new Set(data.people.filter((p) => p.countyKey === c.key).map((p) => p.id));
      const conds = data.conditions.filter((x) => people.has(x.personId));
      expect(new Set(conds.map((x) => x.condition))).toEqual(new Set(["CANCER", "BEDRIDDEN"]));
      for (const x of conds) expect(demob.has(x.personId)).toBe(true);
    }
  });

  it("bills 2025 with plausible, well-formed claims", () => {
    const hospitals = new Map(data.hospitals.map((h) => [h.id, h]));
    const people = new Map(data.people.map((p) => [p.id, p]));
    const items = new Map<string, typeof data.claimItems>();
    for (const it of data.claimItems) items.set(it.claimId, [...(items.get(it.claimId) ?? []), it]);
    const types = new Set<string>();
    for (const c of data.claims) {
      types.add(c.type);
      expect(c.settledOn.startsWith(String(DEMO_BILL_YEAR))).toBe(true);
      const person = people.get(c.personId);
      expect(person).toBeDefined();
      expect(c.settledOn > (person?.birthDate ?? "")).toBe(true);
      if (c.type === "INPATIENT") {
        expect(c.admittedOn).not.toBeNull();
        expect((c.admittedOn ?? "") < c.settledOn).toBe(true);
      } else expect(c.admittedOn).toBeNull();
      if (c.type === "PHARMACY") expect(c.hospitalId).toBeNull();
      else {
        const h = hospitals.get(c.hospitalId ?? "");
        expect(h?.countyKey).toBe(person?.countyKey);
      }
      const its = items.get(c.id) ?? [];
      expect(its.length).toBeGreaterThan(0);
      expect(its.map((i) => i.position)).toEqual(its.map((_, i) => i + 1));
      const gross = its.reduce((s, i) => s + yuanToFen(i.amount), 0);
      for (const i of its) {
        expect(i.amount).toMatch(/^\d+\.\d{2}$/);
        expect(yuanToFen(i.amount)).toBeGreaterThan(0);
        expect(Object.values(FeeKind)).toContain(i.fee);
        expect(Object.values(ItemClass)).toContain(i.class);
      }
      const ranges: Partial<Record<ClaimType, readonly [number, number]>> = {
        INPATIENT: [1_000_00, 400_000_00],
        OUTPATIENT: [10_00, 2_000_00],
        CHRONIC_OUTPATIENT: [100_00, 15_000_00],
        TWO_DISEASES: [10_00, 500_00],
        PHARMACY: [10_00, 1_000_00],
      };
      const [lo, hi] = ranges[c.type] ?? [0, Number.MAX_SAFE_INTEGER];
      expect(gross, `${c.type} ${gross}`).toBeGreaterThanOrEqual(lo);
      expect(gross, `${c.type} ${gross}`).toBeLessThanOrEqual(hi);
      if (person?.countyKey === "qj") {
        for (const v of [c.settledPolicyScope, c.settledInsurance, c.settledCriticalIllness, c.settledAssistance]) {
          expect(v).toMatch(/^\d+\.\d{2}$/);
        }
        const scope = yuanToFen(c.settledPolicyScope ?? "0.00");
        expect(scope).toBeLessThanOrEqual(gross);
        const paid = [c.settledInsurance, c.settledCriticalIllness, c.settledAssistance].reduce((s, v) => s + yuanToFen(v ?? "0.00"), 0);
        expect(paid).toBeLessThanOrEqual(scope);
      } else {
        expect(c.settledPolicyScope).toBeNull();
      }
    }
    for (const t of ["INPATIENT", "OUTPATIENT", "CHRONIC_OUTPATIENT", "TWO_DISEASES", "PHARMACY"] satisfies ClaimType[]) {
      expect(types.has(t), t).toBe(true);
    }
    expect(new Set(data.claimItems.map((i) => i.fee))).toEqual(new Set(Object.values(FeeKind)));
    expect(new Set(data.claimItems.map((i) => i.class))).toEqual(new Set(Object.values(ItemClass)));
    expect(data.claims.some((c) => c.quota !== null)).toBe(true);
    expect(data.claims.some((c) => c.memberPrice !== null)).toBe(true);
  });

  it("uses unique ids everywhere", () => {
    const ids = [
      ...data.households, ...data.people, ...data.identities, ...data.enrollments, ...data.conditions,
      ...data.claims, ...data.claimItems, ...data.hospitals,
    ].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
