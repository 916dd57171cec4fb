// Scenarios beyond the golden files: claim types, quota stays, rare diseases, the dated stage
// order, settled figures, and the trace/receipt promises (stable ids, citations, determinism).
import { describe, expect, it } from "vitest";
import { computeClaim, replayClaims } from "./compute-claim";
import { formatYuan, parseYuan } from "./money";
import { sha256Hex } from "./receipt";
import { claimResultJson } from "./run-case";
import { hospital, item, makeClaim, makePerson } from "./test-factories";

const y = parseYuan;

describe("claim types", () => {
  it("dual-channel: named drugs 70 %, others 60 %, no 乙类 drug first share, in the shared cap", () => {
    const claim = makeClaim({ type: "DUAL_CHANNEL", items: [item("1000.00", { class: "B_DRUG", drug: "曲妥珠单抗" }), item("500.00", { class: "B_DRUG" })] });
    const result = computeClaim(makePerson(), claim, {});
    expect(formatYuan(result.amounts.policyScope)).toBe("1500.00");
    expect(formatYuan(result.amounts.insurance)).toBe("1000.00");
    expect(result.accumulatorsAfter["insurance:2025:paid"]).toBe(y("1000.00"));
  });

  it("TCM outpatient: 60 % at level 2+, nothing at level 1", () => {
    const at = (level: 1 | 2 | 3) => computeClaim(makePerson(), makeClaim({ type: "TCM_OUTPATIENT", hospital: hospital({ level }), amount: "300.00" }), {});
    expect(formatYuan(at(2).amounts.insurance)).toBe("180.00");
    expect(formatYuan(at(1).amounts.insurance)).toBe("0.00");
    expect(at(1).reasons.map((reason) => reason.code)).toContain("HOSPITAL_LEVEL_NOT_COVERED");
  });

  it("general outpatient outside the pooling area pays nothing", () => {
    const result = computeClaim(makePerson(), makeClaim({ type: "OUTPATIENT", route: "CROSS_PROVINCE_REFERRED", amount: "300.00" }), {});
    expect(result.amounts.insurance).toBe(0n);
    expect(result.reasons.map((reason) => reason.code)).toContain("OUTSIDE_POOLING_AREA");
  });

  it("employee scheme: the library has only the residents' scheme, so settled figures are used", () => {
    const person = makePerson({ insurance: [{ scheme: "EMPLOYEE", from: "2015-01-01", to: null }] });
    const result = computeClaim(person, makeClaim({ amount: "5000.00", settled: { insurance: y("4000.00") } }), {});
    expect(formatYuan(result.amounts.insurance)).toBe("4000.00");
    expect(result.flags).toContainEqual({ code: "SETTLED_USED", field: "insurance", settled: y("4000.00") });
  });
});

describe("quota stays and rare diseases", () => {
  const quotaClaim = makeClaim({ hospital: hospital({ priceClass: 1, level: 3 }), diagnoses: ["LUNG_CANCER"], quota: y("20000.00"), items: [item("24000.00"), item("1000.00", { class: "SELF_PAY" })] });
  it("特困: fund 70 % + assistance 20 % of the allowed cost, the hospital bears the rest, no CI, no caps", () => {
    const result = computeClaim(makePerson({ identityTypes: ["EXTREME_POVERTY"] }), quotaClaim, {});
    const a = result.amounts;
    expect([a.insurance, a.assistance, a.hospitalAbsorbed, a.criticalIllness, a.personal].map(formatYuan)).toEqual(["14000.00", "4000.00", "5000.00", "0.00", "2000.00"]);
    expect(result.accumulatorsAfter["insurance:2025:paid"]).toBeUndefined();
    expect(result.accumulatorsAfter["insurance:2025:admissions"]).toBe(1n);
  });
  it("low-income: assistance 10 %", () => {
    expect(formatYuan(computeClaim(makePerson({ identityTypes: ["ILLNESS_POVERTY"] }), quotaClaim, {}).amounts.assistance)).toBe("2000.00");
  });
  it("no qualifying identity: an ordinary stay, with the reason", () => {
    const result = computeClaim(makePerson(), quotaClaim, {});
    expect(result.amounts.hospitalAbsorbed).toBe(0n);
    expect(result.reasons.map((reason) => reason.code)).toContain("QUOTA_NOT_APPLICABLE");
  });
  it("Pompe disease outpatient, any insured patient: 70 % of the remainder", () => {
    const claim = makeClaim({ type: "CHRONIC_OUTPATIENT", diagnoses: ["POMPE"], amount: "10000.00", settled: { insurance: y("6000.00") } });
    expect(formatYuan(computeClaim(makePerson(), claim, {}).amounts.assistance)).toBe("2800.00");
  });
});

describe("dated stage order", () => {
  it("Yangquan before 2024-05-02: subsidy stage before assistance; after: assistance first", () => {
    const person = makePerson({ identityTypes: ["SUBSISTENCE"] });
    const claim = (date: string) => makeClaim({ date, amount: "1000.00", settled: { insurance: y("500.00"), criticalIllness: 0n } });
    expect(computeClaim(person, claim("2024-05-01"), {}).stageOrder).toEqual(["hospitalDiscount", "basicInsurance", "criticalIllness", "specialCare", "medicalAssistance", "pharmacyCard"]);
    expect(computeClaim(person, claim("2024-05-02"), {}).stageOrder).toEqual(["hospitalDiscount", "basicInsurance", "criticalIllness", "medicalAssistance", "specialCare", "pharmacyCard"]);
    expect(formatYuan(computeClaim(person, claim("2024-05-01"), {}).amounts.assistance)).toBe("350.00");
  });
});

describe("trace and receipt", () => {
  const person = makePerson({ identityTypes: ["DEMOBILIZED"], birthDate: "1950-01-01" });
  const claims = [
    makeClaim({ id: "a", date: "2025-03-01", items: [item("2000.00", { fee: "BED", days: 20 }), item("6000.00", { fee: "SURGERY_ANESTHESIA" }), item("800.00", { class: "B_DRUG" })] }),
    makeClaim({ id: "b", date: "2025-04-01", amount: "30000.00" }),
  ];

  it("is deterministic: same input, same JSON and the same hashes", () => {
    const first = replayClaims(person, claims, {}, { hasher: sha256Hex }).results.map(claimResultJson);
    const second = replayClaims(person, claims, {}, { hasher: sha256Hex }).results.map(claimResultJson);
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    expect(first[0]?.receipt).toMatchObject({ engineVersion: expect.any(String), rulesetHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("has stable line ids, Chinese formulas and citations on every stage line; no timestamps", () => {
    const result = computeClaim(person, claims[0]!, {});
    const ids = result.trace.map((line) => line.id);
    expect(ids).toEqual(expect.arrayContaining(["claim.gross", "discount.total", "insurance.policyScope", "insurance.deductible", "insurance.rate", "insurance.amount", "criticalIllness.layer1", "criticalIllness.amount", "assistance.base", "assistance.amount", "claim.personal"]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const line of result.trace) expect(line.formula).toMatch(/[\u4e00-\u9fff]/);
    const stageLines = result.trace.filter((line) => line.stage !== "claim");
    expect(stageLines.length).toBeGreaterThan(0);
    for (const line of stageLines) expect(line.citation, line.id).not.toBeNull();
    expect(JSON.stringify(claimResultJson(result))).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    for (const line of result.lines) expect(line.citation).not.toBeNull();
  });

  it("the output hash changes with the result, the ruleset hash does not", () => {
    const a = computeClaim(person, claims[0]!, {}, { hasher: sha256Hex });
    const b = computeClaim(person, { ...claims[0]!, items: [item("2000.00")] }, {}, { hasher: sha256Hex });
    expect(a.receipt?.rulesetHash).toBe(b.receipt?.rulesetHash);
    expect(a.receipt?.outputHash).not.toBe(b.receipt?.outputHash);
    expect(a.receipt?.inputHash).not.toBe(b.receipt?.inputHash);
  });

  it("accumulators are passed in and returned, never mutated", () => {
    const before = { "insurance:2025:paid": y("100.00") };
    const result = computeClaim(person, claims[1]!, before);
    expect(before).toEqual({ "insurance:2025:paid": y("100.00") });
    expect(result.accumulatorsAfter["insurance:2025:paid"]).toBeGreaterThan(y("100.00"));
  });
});
