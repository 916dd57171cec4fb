import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { jurisdictionOf, toRulesClaim, toRulesPerson, type ClaimRow, type PersonRow } from "./to-rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const dec = (text: string) => new Prisma.Decimal(text);
const INDEX = new Map([
  ["140000", "CN-SX"],
  ["140300", "CN-SX-YQ"],
  ["500110", "CN-CQ-QJ"],
] as const);

function personRow(overrides: Partial<PersonRow> = {}): PersonRow {
  return {
    id: "p1",
    birthDate: day("1950-03-04"),
    sex: "F",
    ruralHukou: true,
    hukouProvince: "SX",
    relationToServiceman: null,
    serviceman: null,
    cardAppliedOn: null,
    diedOn: null,
    movedOutOn: null,
    region: { path: "140000/140300/140322/140322100/140322100200" },
    identities: [],
    insuranceEnrollments: [],
    conditions: [],
    ...overrides,
  };
}

function claimRow(overrides: Partial<ClaimRow> = {}): ClaimRow {
  return {
    id: "c1",
    personId: "p1",
    type: "INPATIENT",
    admittedOn: null,
    settledOn: day("2025-06-30"),
    route: "LOCAL",
    diagnoses: [],
    quota: null,
    memberPrice: null,
    settledPolicyScope: null,
    settledInsurance: null,
    settledCriticalIllness: null,
    settledAssistance: null,
    hospital: null,
    items: [],
    ...overrides,
  };
}

describe("jurisdictionOf", () => {
  it("takes the nearest region on the path that has one", () => {
    expect(jurisdictionOf("140000/140300/140322/140322100", INDEX)).toBe("CN-SX-YQ");
    expect(jurisdictionOf("140000/140100/140105", INDEX)).toBe("CN-SX");
    expect(jurisdictionOf("500000/500110/500110001/500110001001", INDEX)).toBe("CN-CQ-QJ");
    expect(jurisdictionOf("500110", INDEX)).toBe("CN-CQ-QJ");
  });

  it("refuses a region under no jurisdiction", () => {
    expect(() => jurisdictionOf("500000/500112", INDEX)).toThrow(/no jurisdiction on region path 500000\/500112/);
  });
});

describe("toRulesPerson", () => {
  it("maps dates, periods and the bare facts, leaving out what is not recorded", () => {
    const person = toRulesPerson(
      personRow({
        identities: [
          { type: "SUBSISTENCE", validFrom: day("2016-01-01"), validTo: day("2025-03-31") },
          { type: "LOW_INCOME", validFrom: day("2025-04-01"), validTo: null },
        ],
        insuranceEnrollments: [{ scheme: "RESIDENT", validFrom: day("2010-01-01"), validTo: null }],
        conditions: [
          { condition: "CANCER", validFrom: day("2019-05-06"), validTo: day("2021-12-31") },
          { condition: "BEDRIDDEN", validFrom: day("2020-01-01"), validTo: null },
          { condition: "CANCER", validFrom: day("2024-02-01"), validTo: null },
        ],
      }),
      INDEX,
    );
    expect(person).toStrictEqual({
      jurisdiction: "CN-SX-YQ",
      birthDate: "1950-03-04",
      sex: "F",
      ruralHukou: true,
      identities: [
        { type: "SUBSISTENCE", from: "2016-01-01", to: "2025-03-31" },
        { type: "LOW_INCOME", from: "2025-04-01", to: null },
      ],
      insurance: [{ scheme: "RESIDENT", from: "2010-01-01", to: null }],
      conditions: [
        { condition: "CANCER", from: "2019-05-06", to: "2021-12-31" },
        { condition: "BEDRIDDEN", from: "2020-01-01", to: null },
        { condition: "CANCER", from: "2024-02-01", to: null },
      ],
      hukouProvince: "SX",
    });
  });

  it("maps a family member's relation, the veteran's province and the card", () => {
    const person = toRulesPerson(
      personRow({ relationToServiceman: "PARENT_IN_LAW", serviceman: { hukouProvince: "SX", person: null }, cardAppliedOn: day("2026-03-31"), hukouProvince: "HE" }),
      INDEX,
    );
    expect(person.relation).toBe("PARENT_IN_LAW");
    expect(person.veteranHukouProvince).toBe("SX");
    expect(person.hukouProvince).toBe("HE");
    expect(person.card).toEqual({ appliedOn: "2026-03-31" });
  });

  it("reads the province of a serviceman on the register from his person record", () => {
    const person = toRulesPerson(personRow({ relationToServiceman: "SPOUSE", serviceman: { hukouProvince: null, person: { hukouProvince: "CQ" } } }), INDEX);
    expect(person.veteranHukouProvince).toBe("CQ");
    expect(toRulesPerson(personRow({ relationToServiceman: "CHILD" }), INDEX)).not.toHaveProperty("veteranHukouProvince");
  });
});

describe("toRulesPerson: the person's last day", () => {
  const periods = {
    identities: [
      { type: "SUBSISTENCE" as const, validFrom: day("2024-01-01"), validTo: null },
      { type: "DEMOBILIZED" as const, validFrom: day("2020-01-01"), validTo: day("2026-02-28") },
      { type: "LOW_INCOME" as const, validFrom: day("2026-09-01"), validTo: null },
    ],
    insuranceEnrollments: [{ scheme: "RESIDENT" as const, validFrom: day("2020-01-01"), validTo: null }],
  };
  it("ends open periods on the day of death and drops those that start after it", () => {
    const person = toRulesPerson(personRow({ ...periods, diedOn: day("2026-06-03") }), INDEX);
    expect(person.identities).toEqual([
      { type: "SUBSISTENCE", from: "2024-01-01", to: "2026-06-03" },
      { type: "DEMOBILIZED", from: "2020-01-01", to: "2026-02-28" },
    ]);
    expect(person.insurance).toEqual([{ scheme: "RESIDENT", from: "2020-01-01", to: "2026-06-03" }]);
  });
  it("ends them the day before the registration moved out, or on the earlier of the two", () => {
    expect(toRulesPerson(personRow({ ...periods, movedOutOn: day("2026-03-01") }), INDEX).insurance).toEqual([{ scheme: "RESIDENT", from: "2020-01-01", to: "2026-02-28" }]);
    expect(toRulesPerson(personRow({ ...periods, movedOutOn: day("2026-07-01"), diedOn: day("2026-05-10") }), INDEX).insurance[0]?.to).toBe("2026-05-10");
  });
});

describe("toRulesClaim", () => {
  it("maps a hospital claim with every optional field, amounts in fen", () => {
    const claim = toRulesClaim(
      claimRow({
        admittedOn: day("2025-06-20"),
        route: "CROSS_PROVINCE_REFERRED",
        diagnoses: ["MALIGNANT_TUMOR"],
        quota: dec("3000"),
        memberPrice: dec("12.5"),
        settledPolicyScope: dec("8000.00"),
        settledInsurance: dec("4000.01"),
        settledCriticalIllness: dec("0"),
        settledAssistance: dec("120.3"),
        hospital: { level: 3, priceClass: 1, runBy: "PROVINCE", isPublic: true, province: "SX", cardDesignated: false },
        items: [
          { fee: "BED", class: "A", amount: dec("600.00"), days: 10, cardRate: null, drug: null },
          { fee: "OTHER", class: "B_DRUG", amount: dec("99.99"), days: null, cardRate: dec("0.2500"), drug: "DRUG_X" },
        ],
      }),
    );
    expect(claim).toStrictEqual({
      id: "c1",
      type: "INPATIENT",
      date: "2025-06-30",
      admitted: "2025-06-20",
      route: "CROSS_PROVINCE_REFERRED",
      diagnoses: ["MALIGNANT_TUMOR"],
      hospital: { level: 3, priceClass: 1, runBy: "PROVINCE", public: true, province: "SX", cardDesignated: false },
      items: [
        { fee: "BED", class: "A", amount: 60000n, days: 10 },
        { fee: "OTHER", class: "B_DRUG", amount: 9999n, cardRate: { num: 25n, den: 100n }, drug: "DRUG_X" },
      ],
      quota: 300000n,
      memberPrice: 1250n,
      settled: { policyScope: 800000n, insurance: 400001n, criticalIllness: 0n, assistance: 12030n },
    });
  });

  it("leaves out the hospital, the admission and the settled amounts when there are none", () => {
    const claim = toRulesClaim(claimRow({ type: "PHARMACY", items: [{ fee: "OTHER", class: "A", amount: dec("10.00"), days: null, cardRate: null, drug: null }] }));
    expect(claim).toStrictEqual({ id: "c1", type: "PHARMACY", date: "2025-06-30", route: "LOCAL", diagnoses: [], items: [{ fee: "OTHER", class: "A", amount: 1000n }] });
  });

  it("refuses what the rules cannot read", () => {
    const hospital = { level: 4, priceClass: 1, runBy: "COUNTY", isPublic: true, province: "SX", cardDesignated: false } as const;
    expect(() => toRulesClaim(claimRow({ hospital }))).toThrow(/hospital level must be 1, 2 or 3, not 4/);
    expect(() => toRulesClaim(claimRow({ items: [{ fee: "OTHER", class: "A", amount: dec("0.005"), days: null, cardRate: null, drug: null }] }))).toThrow(/at most two decimals/);
  });
});
