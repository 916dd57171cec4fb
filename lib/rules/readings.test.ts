// RULES.md "Readings fixed on 2026-12-01" and the §6 member-day paragraph: one block per reading,
// each at its edges, and the promise that every line a reading governs names it in the trace.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Accumulators, TraceLine } from "./claim-context";
import { computeClaim, replayClaims } from "./compute-claim";
import type { Claim, Person } from "./domain";
import { computeEntitlements, monthlyAllowance, oneOffAssistance } from "./entitlements";
import { DEFAULT_LIBRARY } from "./library/policy-library";
import type { ReadingNumber } from "./library/readings";
import { READING_NUMBERS, readingText } from "./library/readings";
import { formatYuan, parseYuan, roundFraction } from "./money";
import { assistanceBand } from "./stages/medical-assistance";
import { twoDiseasesBand } from "./stages/basic-insurance";
import { hospital, item, makeClaim, makePerson, qjPerson } from "./test-factories";

const y = parseYuan;

function run(person: Person, claim: Claim, acc: Accumulators = {}) {
  const result = computeClaim(person, claim, acc);
  const format = (field: keyof typeof result.amounts) => formatYuan(result.amounts[field]);
  return { result, format, codes: result.reasons.map((reason) => reason.code) };
}

function line(trace: readonly TraceLine[], id: string): TraceLine {
  const found = trace.find((entry) => entry.id === id);
  if (!found) throw new Error(`no trace line ${id} in ${trace.map((entry) => entry.id).join(", ")}`);
  return found;
}

/** The line names the reading twice: in the structured field and in the formula the worksheet shows. */
function expectReading(trace: readonly TraceLine[], id: string, reading: ReadingNumber): void {
  const entry = line(trace, id);
  expect(entry.interpretations, id).toContain(reading);
  expect(entry.formula, id).toContain(readingText(reading));
}

const totals = (results: { amounts: { insurance: bigint; assistance: bigint } }[]) => ({
  insurance: results.reduce((sum, result) => sum + result.amounts.insurance, 0n),
  assistance: results.reduce((sum, result) => sum + result.amounts.assistance, 0n),
});

const twoDiseasesRule = DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2025-06-01")["insurance.twoDiseases"]!.value;
const assistanceRows = DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2025-06-01")["assistance.rows"]!.value;
const subsistenceRow = assistanceRows.find((row) => row.id === "inpatient.subsistenceOrYoufu")!;
const level1 = hospital({ level: 1, priceClass: 3 });
const hypertension = (amount: string, id = "c1", date = "2025-03-01") => makeClaim({ id, date, type: "TWO_DISEASES", hospital: level1, diagnoses: ["HYPERTENSION"], amount });

describe("the reading text", () => {
  it("names the date and the number", () => {
    expect(READING_NUMBERS).toHaveLength(13);
    expect(readingText(7)).toBe("解释：RULES 2026-12-01 第7条");
  });
});

describe("Reading 1: banded rules and per-claim limits", () => {
  it("two-diseases: claims with fractional-fen shares add up to round(F(year)) below the limit", () => {
    // 3 × 100.01 at 60 %: each share 60.006; per claim that would be 3 × 60.01 = 180.03.
    const claims = ["c1", "c2", "c3"].map((id, i) => hypertension("100.01", id, `2025-03-0${i + 1}`));
    const { results } = replayClaims(makePerson(), claims);
    expect(results.map((result) => formatYuan(result.amounts.insurance))).toEqual(["60.01", "60.00", "60.01"]);
    expect(formatYuan(totals(results).insurance)).toBe("180.02");
    expect(totals(results).insurance).toBe(roundFraction(twoDiseasesBand(twoDiseasesRule.rate, twoDiseasesRule.limits.HYPERTENSION, y("300.03"))));
  });

  it("two-diseases: the limit reached over several claims adds up to exactly the limit", () => {
    const claims = ["c1", "c2", "c3", "c4", "c5"].map((id, i) => hypertension("100.01", id, `2025-03-0${i + 1}`));
    const { results } = replayClaims(makePerson(), claims);
    expect(results.map((result) => formatYuan(result.amounts.insurance))).toEqual(["60.01", "60.00", "60.01", "60.00", "19.98"]);
    expect(formatYuan(totals(results).insurance)).toBe("260.00");
    expect(results[4]!.reasons.map((reason) => reason.code)).toContain("DISEASE_LIMIT_REACHED");
    expectReading(results[4]!.trace, "insurance.twoDiseases", 1);
  });

  it("two-diseases: any split of the year's scope pays round(F(year)) (fixed seed)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 12 }), (fens) => {
        const claims = fens.map((fen, i) => hypertension(formatYuan(BigInt(fen)), `c${i + 1}`));
        const { results } = replayClaims(makePerson(), claims, {}, { trace: false });
        const year = fens.reduce((sum, fen) => sum + BigInt(fen), 0n);
        expect(totals(results).insurance).toBe(roundFraction(twoDiseasesBand(twoDiseasesRule.rate, twoDiseasesRule.limits.HYPERTENSION, year)));
      }),
      { seed: 20261201, numRuns: 200 },
    );
  });

  it("a claim with both diseases charges its scope to the first until its limit, then to the second", () => {
    const claim = makeClaim({ type: "TWO_DISEASES", hospital: level1, diagnoses: ["HYPERTENSION", "DIABETES_T1"], amount: "1000.00" });
    const { result, format } = run(makePerson(), claim);
    // Hypertension reaches 260 at a scope of 433.34; the other 566.66 × 60 % = 339.996 → 340.00.
    expect(format("insurance")).toBe("600.00");
    expect(result.accumulatorsAfter["insurance:2025:twoDiseases.HYPERTENSION"]).toBe(y("433.34"));
    expect(result.accumulatorsAfter["insurance:2025:twoDiseases.DIABETES_T1"]).toBe(y("566.66"));
  });

  it("assistance row with a limit: half-fen shares add up to round(F(year)), and the limit is reached exactly", () => {
    // 低保 inpatient at 70 %: a base of x.x5 gives a share ending in half a fen.
    const person = makePerson({ identityTypes: ["SUBSISTENCE"] });
    const stay = (id: string, date: string, scope: string) => makeClaim({ id, date, amount: scope, settled: { insurance: 0n }, hospital: hospital({ priceClass: 3, level: 2 }) });
    const small = replayClaims(person, [stay("c1", "2025-02-01", "0.05"), stay("c2", "2025-03-01", "0.05"), stay("c3", "2025-04-01", "0.05")]).results;
    expect(small.map((result) => formatYuan(result.amounts.assistance))).toEqual(["0.04", "0.03", "0.04"]);
    expect(totals(small).assistance).toBe(roundFraction(assistanceBand(subsistenceRow, y("0.15"))));
    // Before 2025 the settled insurance is used as given (no residents' rule yet in the library).
    const large = replayClaims(person, [stay("c1", "2024-06-01", "15000.05"), stay("c2", "2024-07-01", "7000.05"), stay("c3", "2024-08-01", "1000.05")]).results;
    expect(formatYuan(totals(large).assistance)).toBe("15000.00");
    expectReading(large[1]!.trace, "assistance.candidate.inpatient.subsistenceOrYoufu", 1);
  });

  it("the Qijiang Art. 8(2) subsidy is rounded claim by claim (its rate varies with the hospital level)", () => {
    const person = qjPerson(["MARTYR_FAMILY"]);
    const stay = (id: string, date: string) => makeClaim({ id, date, hospital: hospital({ level: 2, province: "CQ" }), amount: "0.01", settled: { policyScope: y("0.01"), insurance: 0n, criticalIllness: 0n, assistance: 0n } });
    const { results } = replayClaims(person, [stay("c1", "2024-06-01"), stay("c2", "2024-06-02")]);
    // 50 % of 0.01 is half a fen each time: each claim rounds on its own to 0.01.
    expect(results.map((result) => formatYuan(result.amounts.specialCare))).toEqual(["0.01", "0.01"]);
    expectReading(results[0]!.trace, "specialCare.candidate.MARTYR_FAMILY", 1);
  });

  it("the card's 30,000 is a per-claim limit: each purchase rounds on its own", () => {
    const veteran = makePerson({ identityTypes: ["VETERAN"], hukouProvince: "SX", card: { appliedOn: "2026-03-01" } });
    const buy = (id: string, date: string) => makeClaim({ id, date, type: "PHARMACY", hospital: undefined, route: undefined, amount: "0.10", settled: { insurance: 0n } });
    const { results } = replayClaims(veteran, [buy("c1", "2026-05-01"), buy("c2", "2026-05-02")]);
    expect(results.map((result) => formatYuan(result.amounts.card))).toEqual(["0.02", "0.02"]);
    expectReading(results[0]!.trace, "card.amount", 1);
  });

  it("the insurance cap pays min(this claim, what is left) and names readings 1 and 2", () => {
    const { result, format } = run(makePerson(), makeClaim({ hospital: hospital({ priceClass: 3, level: 2 }), amount: "1100.00" }), { "insurance:2025:paid": y("69500.00") });
    expect(format("insurance")).toBe("500.00");
    expectReading(result.trace, "insurance.amount", 1);
    expectReading(result.trace, "insurance.amount", 2);
    expectReading(result.trace, "criticalIllness.amount", 1);
  });
});

describe("Reading 2: annual order is the case file's order", () => {
  const stay = (id: string) => makeClaim({ id, date: "2025-06-01", hospital: hospital({ priceClass: 3, level: 2 }), amount: "1100.00" });
  it("two claims settled the same day: the first in the file takes the room", () => {
    const acc = { "insurance:2025:paid": y("69150.00") };
    const ab = replayClaims(makePerson(), [stay("a"), stay("b")], acc).results.map((result) => formatYuan(result.amounts.insurance));
    const ba = replayClaims(makePerson(), [stay("b"), stay("a")], acc).results.map((result) => formatYuan(result.amounts.insurance));
    expect(ab).toEqual(["850.00", "0.00"]);
    expect(ba).toEqual(["850.00", "0.00"]);
  });
  it("a later payout never changes an earlier one", () => {
    const alone = replayClaims(makePerson(), [stay("a")]).results[0]!;
    const followed = replayClaims(makePerson(), [stay("a"), stay("b")]).results[0]!;
    expect(followed.amounts).toEqual(alone.amounts);
    expect(followed.trace).toEqual(alone.trace);
  });
});

describe("Reading 3: first shares summed exactly and rounded once", () => {
  it.each([
    // three 乙类 drugs of 0.10 at 5 %: 3 × 0.005 = 0.015 → 0.02 (per item it would be 0.03)
    [["0.10", "0.10", "0.10"], "B_DRUG", "0.02"],
    // two of 0.10: 0.01 exactly
    [["0.10", "0.10"], "B_DRUG", "0.01"],
    // one of 0.10: 0.005 → 0.01 (half up)
    [["0.10"], "B_DRUG", "0.01"],
    // one of 0.09: 0.0045 → 0.00
    [["0.09"], "B_DRUG", "0.00"],
  ])("items %j of class %s: firstSelfPay %s", (amounts, itemClass, expected) => {
    const claim = makeClaim({ items: amounts.map((amount) => item(amount, { class: itemClass as "B_DRUG" })) });
    const { result, format } = run(makePerson(), claim);
    expect(format("firstSelfPay")).toBe(expected);
    expectReading(result.trace, "insurance.firstSelfPay", 3);
  });
  it("mixed classes share the single rounding", () => {
    // 0.05 × 10 % = 0.005 and 0.10 × 5 % = 0.005: 0.01 in all (per item: 0.02)
    const claim = makeClaim({ items: [item("0.05", { class: "B_SERVICE" }), item("0.10", { class: "B_DRUG" })] });
    expect(run(makePerson(), claim).format("firstSelfPay")).toBe("0.01");
  });
});

describe("Reading 4: no benefit is not an error", () => {
  it.each([
    ["TCM outpatient below level 2", makeClaim({ type: "TCM_OUTPATIENT", hospital: hospital({ level: 1 }), amount: "300.00" }), "HOSPITAL_LEVEL_NOT_COVERED"],
    ["two-diseases drugs at a level-3 hospital", makeClaim({ type: "TWO_DISEASES", hospital: hospital({ level: 3, priceClass: 1 }), diagnoses: ["HYPERTENSION"], amount: "100.00" }), "HOSPITAL_LEVEL_NOT_COVERED"],
    ["general outpatient outside the pooling area", makeClaim({ type: "OUTPATIENT", route: "CROSS_PROVINCE_EMERGENCY", amount: "300.00" }), "OUTSIDE_POOLING_AREA"],
  ])("%s: 0 with a reason and a trace line", (_name, claim, code) => {
    const { result, codes } = run(makePerson(), claim);
    expect(result.amounts.insurance).toBe(0n);
    expect(codes).toContain(code);
    expectReading(result.trace, "insurance.noBenefit", 4);
  });
  it("a stage with neither a rule nor a settled figure: 0 with reasons", () => {
    const { result, codes } = run(makePerson(), makeClaim({ type: "CHRONIC_OUTPATIENT", amount: "500.00" }));
    expect(result.amounts.insurance).toBe(0n);
    expect(codes).toEqual(expect.arrayContaining(["NO_RULE_IN_FORCE", "SETTLED_AMOUNT_MISSING"]));
    expectReading(result.trace, "insurance.noRule.insurance", 4);
  });
});

describe("Reading 5: the employee scheme", () => {
  const employee = makePerson({ insurance: [{ scheme: "EMPLOYEE", from: "2015-01-01", to: null }] });
  it("settled insurance and critical illness stand as given, outside the residents' cap", () => {
    const claim = makeClaim({ amount: "200000.00", settled: { insurance: y("120000.00"), criticalIllness: y("30000.00") } });
    const { result, format } = run(employee, claim);
    expect([format("insurance"), format("criticalIllness")]).toEqual(["120000.00", "30000.00"]);
    expect(result.accumulatorsAfter["insurance:2025:paid"]).toBeUndefined();
    expect(result.accumulatorsAfter["criticalIllness:2025:oop"]).toBeUndefined();
    expectReading(result.trace, "insurance.settled.insurance", 5);
    expectReading(result.trace, "criticalIllness.settled.criticalIllness", 5);
  });
  it("without settled figures: 0 with a reason, and no residents' first shares in the policy scope", () => {
    const claim = makeClaim({ items: [item("1000.00", { class: "B_DRUG" }), item("100.00", { class: "SELF_PAY" })] });
    const { result, format, codes } = run(employee, claim);
    expect([format("insurance"), format("criticalIllness"), format("firstSelfPay"), format("policyScope")]).toEqual(["0.00", "0.00", "0.00", "1000.00"]);
    expect(codes).toContain("SETTLED_AMOUNT_MISSING");
    expectReading(result.trace, "insurance.policyScope", 5);
  });
});

describe("Reading 6: settled figures and the cap", () => {
  const chronic = (id: string, settled: string, date = "2025-04-01") => makeClaim({ id, date, type: "CHRONIC_OUTPATIENT", diagnoses: ["GOUT"], amount: "10000.00", settled: { insurance: y(settled) } });
  it("past the cap: stands as given, flagged, never cut", () => {
    const { result, format } = run(makePerson(), chronic("c1", "5000.00"), { "insurance:2025:paid": y("68000.00") });
    expect(format("insurance")).toBe("5000.00");
    expect(result.flags).toContainEqual({ code: "SETTLED_PAST_CAP", field: "insurance", settled: y("5000.00"), cap: y("70000.00"), paidBefore: y("68000.00") });
    expect(result.accumulatorsAfter["insurance:2025:paid"]).toBe(y("73000.00"));
    expectReading(result.trace, "insurance.settledTowardCap", 6);
  });
  it("exactly at the cap: no flag", () => {
    const { result } = run(makePerson(), chronic("c1", "2000.00"), { "insurance:2025:paid": y("68000.00") });
    expect(result.flags.map((flag) => flag.code)).not.toContain("SETTLED_PAST_CAP");
  });
  it("counts toward the cap for the claims after it", () => {
    const stay = makeClaim({ id: "c2", date: "2025-05-01", hospital: hospital({ priceClass: 3, level: 2 }), amount: "10100.00" });
    const { results } = replayClaims(makePerson(), [chronic("c1", "65000.00"), stay]);
    // The stay would pay 85 % × 10,000 = 8,500; 5,000 of the cap is left.
    expect(formatYuan(results[1]!.amounts.insurance)).toBe("5000.00");
  });
});

describe("Reading 7: dual-channel drugs", () => {
  const dual = (items: Claim["items"], diagnoses: string[] = []) => makeClaim({ type: "DUAL_CHANNEL", diagnoses, items });
  it("the six first-batch drugs by Chinese generic name at 70 %, any other name at 60 %", () => {
    expect(run(makePerson(), dual([item("1000.00", { class: "B_DRUG", drug: "伊马替尼" })])).format("insurance")).toBe("700.00");
    expect(run(makePerson(), dual([item("1000.00", { class: "B_DRUG", drug: "IMATINIB" })])).format("insurance")).toBe("600.00");
    expect(run(makePerson(), dual([item("1000.00", { class: "B_DRUG" })])).format("insurance")).toBe("600.00");
  });
  it("only 乙类 drugs lose their first share: services and consumables keep theirs", () => {
    const { result, format } = run(makePerson(), dual([item("1000.00", { class: "B_DRUG", drug: "舒尼替尼" }), item("100.00", { class: "B_SERVICE" }), item("100.00", { class: "CONSUMABLE_IMPORTED" })]));
    expect(format("firstSelfPay")).toBe("30.00");
    expectReading(result.trace, "insurance.firstSelfPay", 7);
    expectReading(result.trace, "insurance.dualChannel", 7);
  });
  it("a dual-channel claim gets outpatient assistance without one of the 7 large outpatient diseases", () => {
    const person = makePerson({ identityTypes: ["SUBSISTENCE"] });
    const { result, format } = run(person, dual([item("1000.00", { class: "B_DRUG" })]));
    // base 1000 − 600 = 400; 低保 outpatient 50 %
    expect(format("assistance")).toBe("200.00");
    expectReading(result.trace, "assistance.candidate.outpatient.subsistence", 7);
    const chronic = run(person, makeClaim({ type: "CHRONIC_OUTPATIENT", amount: "1000.00", settled: { insurance: y("600.00") } }));
    expect(chronic.format("assistance")).toBe("0.00");
    expect(chronic.codes).toContain("NOT_LARGE_OUTPATIENT_DISEASE");
  });
});

describe("Reading 8: quota stays", () => {
  const quotaStay = (id: string, date: string) => makeClaim({ id, date, hospital: hospital({ priceClass: 3, level: 2 }), diagnoses: ["LUNG_CANCER"], quota: y("20000.00"), amount: "25000.00" });
  const normalStay = (id: string, date: string) => makeClaim({ id, date, hospital: hospital({ priceClass: 3, level: 2 }), amount: "1100.00" });
  it("a normal stay after a quota stay has its deductible halved", () => {
    const { results } = replayClaims(makePerson({ identityTypes: ["SUBSISTENCE"] }), [quotaStay("q", "2025-03-01"), normalStay("n", "2025-05-01")]);
    expect(results[0]!.reasons.map((reason) => reason.code)).toContain("QUOTA_STAY");
    const deductible = line(results[1]!.trace, "insurance.deductible");
    expect(deductible.value).toBe(y("50.00"));
    expectReading(results[1]!.trace, "insurance.deductible", 8);
    // (1100 − 50) × 85 %
    expect(formatYuan(results[1]!.amounts.insurance)).toBe("892.50");
  });
  it("特困 on a quota stay: the quota rows only, 20 % (not the 100 % inpatient row)", () => {
    const { result, format } = run(makePerson({ identityTypes: ["EXTREME_POVERTY"] }), quotaStay("q", "2025-03-01"));
    expect([format("insurance"), format("assistance"), format("hospitalAbsorbed"), format("personal")]).toEqual(["14000.00", "4000.00", "5000.00", "2000.00"]);
    expectReading(result.trace, "assistance.quota", 8);
  });
  it("the fund share neither counts toward nor is limited by the 70,000 cap", () => {
    const { result, format } = run(makePerson({ identityTypes: ["SUBSISTENCE"] }), quotaStay("q", "2025-03-01"), { "insurance:2025:paid": y("70000.00") });
    expect(format("insurance")).toBe("14000.00");
    expect(result.accumulatorsAfter["insurance:2025:paid"]).toBe(y("70000.00"));
    expect(result.accumulatorsAfter["assistance:2025:inpatient.general"]).toBeUndefined();
  });
  it("anyone else, or anyone not enrolled: a normal stay, and the trace says the quota was not applied", () => {
    const other = run(makePerson({ identityTypes: ["VETERAN"] }), quotaStay("q", "2025-03-01"));
    expect(other.result.amounts.hospitalAbsorbed).toBe(0n);
    expectReading(other.result.trace, "quota.notApplied", 8);
    const unenrolled = run(makePerson({ identityTypes: ["SUBSISTENCE"], insurance: [] }), quotaStay("q", "2025-03-01"));
    expect([unenrolled.result.amounts.insurance, unenrolled.result.amounts.assistance, unenrolled.result.amounts.hospitalAbsorbed]).toEqual([0n, 0n, 0n]);
    expect(unenrolled.codes).toEqual(expect.arrayContaining(["QUOTA_NOT_APPLICABLE", "NOT_ENROLLED"]));
  });
});

describe("Reading 9: each assistance row's limit is its own; the outpatient 3,000 is shared", () => {
  it("the two 15,000 limits used by one person in one year", () => {
    const person = makePerson({ identityTypes: ["SUBSISTENCE"] });
    const stay = (id: string, date: string) => makeClaim({ id, date, diagnoses: ["GAUCHER"], amount: "30000.00", settled: { insurance: 0n } });
    // 2024: the settled insurance is used as given, so the base is the whole 30,000.
    const { results } = replayClaims(person, [stay("c1", "2024-06-01"), stay("c2", "2024-07-01"), stay("c3", "2024-08-01")]);
    expect(results.map((result) => formatYuan(result.amounts.assistance))).toEqual(["15000.00", "15000.00", "0.00"]);
    expect(results.map((result) => line(result.trace, "assistance.amount").inputs.chosen)).toEqual(["inpatient.subsistenceOrYoufu", "rareDisease.gaucherPompe", "inpatient.subsistenceOrYoufu"]);
    expectReading(results[1]!.trace, "assistance.candidate.rareDisease.gaucherPompe", 9);
  });
  it("低保 then 特困 in one year: one 3,000 for the outpatient rows", () => {
    const person = makePerson({
      identities: [
        { type: "SUBSISTENCE", from: "2020-01-01", to: "2025-06-30" },
        { type: "EXTREME_POVERTY", from: "2025-07-01", to: null },
      ],
    });
    const dialysis = (id: string, date: string) => makeClaim({ id, date, type: "CHRONIC_OUTPATIENT", diagnoses: ["UREMIA_DIALYSIS"], amount: "4000.00", settled: { insurance: 0n } });
    const { results } = replayClaims(person, [dialysis("c1", "2025-03-01"), dialysis("c2", "2025-08-01"), dialysis("c3", "2025-09-01")]);
    // 低保 50 % × 4,000 = 2,000; 特困 100 % × 4,000 on its own base, at most the 1,000 left; then nothing.
    expect(results.map((result) => formatYuan(result.amounts.assistance))).toEqual(["2000.00", "1000.00", "0.00"]);
    expect(results[2]!.accumulatorsAfter["assistance:2025:outpatient.paid"]).toBe(y("3000.00"));
    expectReading(results[1]!.trace, "assistance.candidate.outpatient.extremePoverty", 9);
  });
  it("the shared limit cuts after the banded amount: 3,000 reached to the fen", () => {
    const person = makePerson({ identityTypes: ["SUBSISTENCE"] });
    const dialysis = (id: string, date: string, scope: string) => makeClaim({ id, date, type: "CHRONIC_OUTPATIENT", diagnoses: ["UREMIA_DIALYSIS"], amount: scope, settled: { insurance: 0n } });
    const { results } = replayClaims(person, [dialysis("c1", "2025-03-01", "5999.99"), dialysis("c2", "2025-04-01", "0.03"), dialysis("c3", "2025-05-01", "100.00")]);
    // round(0.5 × 5999.99) = 3000.00 (half up); then round(0.5 × 6000.02) − 3000.00 = 0.01 is past the limit.
    expect(results.map((result) => formatYuan(result.amounts.assistance))).toEqual(["3000.00", "0.00", "0.00"]);
  });
});

describe("Reading 10: 在乡重点优抚对象 at any date", () => {
  it("a 在乡复员军人 in Yangquan in 2023 gets the 70 % inpatient row", () => {
    const person = makePerson({ identityTypes: ["DEMOBILIZED"] });
    const claim = makeClaim({ date: "2023-06-01", amount: "10000.00", settled: { policyScope: y("10000.00"), insurance: y("6000.00"), criticalIllness: 0n } });
    const { result, format } = run(person, claim);
    expect(format("assistance")).toBe("2800.00");
    expectReading(result.trace, "assistance.candidate.inpatient.subsistenceOrYoufu", 10);
  });
});

describe("Reading 11: one-off assistance", () => {
  const low = (overrides: Partial<Person> = {}) => makePerson({ identityTypes: ["LOW_INCOME"], ...overrides });
  it("the base is what the person still bore after claim-by-claim assistance", () => {
    // A low-income Gaucher patient: the rare-disease row pays 70 % up to 15,000 claim by claim.
    const person = low();
    const stay = makeClaim({ date: "2024-06-01", diagnoses: ["GAUCHER"], amount: "40000.00", settled: { insurance: 0n } });
    const { results, accumulators } = replayClaims(person, [stay]);
    expect(formatYuan(results[0]!.amounts.assistance)).toBe("15000.00");
    expect(accumulators["assistance:2024:oneOffBase"]).toBe(y("25000.00"));
    expectReading(results[0]!.trace, "assistance.oneOffBase", 11);
    const oneOff = computeEntitlements(person, [{ programme: "YQ_ONE_OFF_ASSISTANCE", year: 2024, appliedOn: "2025-02-01" }], accumulators)[0]!;
    // (25,000 − 20,000) × 50 %
    expect(formatYuan(oneOff.amount)).toBe("2500.00");
    expectReading(oneOff.trace, "oneOff.base", 11);
  });
  it("quota stays are left out of the base", () => {
    const stay = makeClaim({ diagnoses: ["LUNG_CANCER"], quota: y("20000.00"), amount: "25000.00" });
    expect(replayClaims(low(), [stay]).accumulators["assistance:2025:oneOffBase"]).toBeUndefined();
  });
  it.each([
    ["held only in the year after", { type: "LOW_INCOME" as const, from: "2026-01-05", to: null }, false],
    ["held on the last day of the year", { type: "LOW_INCOME" as const, from: "2025-12-31", to: null }, true],
    ["held early in the year and ended", { type: "ILLNESS_POVERTY" as const, from: "2020-01-01", to: "2025-01-01" }, true],
  ])("identity %s: eligible %s", (_name, identity, eligible) => {
    const result = oneOffAssistance(makePerson({ identities: [identity] }), 2025, "2026-02-01", { "assistance:2025:oneOffBase": y("30000.00") }, false);
    expect(result.eligible).toBe(eligible);
  });
  it("needs enrolment on the application date", () => {
    const lapsed = low({ insurance: [{ scheme: "RESIDENT", from: "2015-01-01", to: "2025-12-31" }] });
    const result = oneOffAssistance(lapsed, 2025, "2026-02-01", { "assistance:2025:oneOffBase": y("30000.00") }, false);
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((reason) => reason.code)).toContain("NOT_ENROLLED");
  });
  it("once a year: a decision on the merits (even 0) closes the year; a refusal for the window does not", () => {
    const person = low();
    const apply = (appliedOn: string) => ({ programme: "YQ_ONE_OFF_ASSISTANCE" as const, year: 2025, appliedOn });
    const belowThenAgain = computeEntitlements(person, [apply("2026-01-10"), apply("2026-02-10")], { "assistance:2025:oneOffBase": y("10000.00") });
    expect(belowThenAgain.map((result) => result.eligible)).toEqual([true, false]);
    expect(belowThenAgain[1]!.reasons.map((reason) => reason.code)).toContain("ALREADY_PAID_THIS_YEAR");
    const lateThenInTime = computeEntitlements(person, [apply("2025-12-20"), apply("2026-02-10")], { "assistance:2025:oneOffBase": y("30000.00") });
    expect(lateThenInTime.map((result) => [result.eligible, formatYuan(result.amount)])).toEqual([
      [false, "0.00"],
      [true, "5000.00"],
    ]);
  });
});

describe("Reading 12: Qijiang subsidies and enrolment", () => {
  const stay = makeClaim({ date: "2024-06-01", hospital: hospital({ level: 1, province: "CQ" }), amount: "20000.00", settled: { policyScope: y("20000.00"), insurance: 0n, criticalIllness: 0n, assistance: 0n } });
  it("Art. 8(2) and 8(3) need enrolment on the claim date", () => {
    const { result, codes } = run(qjPerson(["MARTYR_FAMILY"], { insurance: [] }), stay);
    expect([result.amounts.specialCare, result.amounts.specialCareLarge]).toEqual([0n, 0n]);
    expect(codes).toContain("NOT_ENROLLED");
    expectReading(result.trace, "specialCare.notEnrolled", 12);
    const enrolled = run(qjPerson(["MARTYR_FAMILY"]), stay);
    expect(formatYuan(enrolled.result.amounts.specialCare)).toBe("3000.00");
  });
  it("the monthly allowance of Art. 8(1) does not", () => {
    const result = monthlyAllowance(qjPerson(["WAR_VETERAN"], { insurance: [] }), 2025);
    expect(formatYuan(result.amount)).toBe("900.00");
    expectReading(result.trace, "allowance.amount", 12);
  });
});

describe("Reading 13: the pharmacy card", () => {
  const card = { appliedOn: "2026-03-01" };
  const buy = makeClaim({ type: "PHARMACY", date: "2026-05-01", hospital: undefined, route: undefined, amount: "100.00", settled: { insurance: 0n } });
  it.each([
    ["family of a Shanxi veteran living in Qijiang", makePerson({ jurisdiction: "CN-CQ-QJ", identityTypes: ["VETERAN_FAMILY"], relation: "CHILD", veteranHukouProvince: "SX", card }), "15.00"],
    ["family without the veteran's registration on file", makePerson({ identityTypes: ["VETERAN_FAMILY"], relation: "CHILD", hukouProvince: "SX", card }), "0.00"],
    ["a veteran living in Qijiang with a Shanxi registration", makePerson({ jurisdiction: "CN-CQ-QJ", identityTypes: ["VETERAN"], hukouProvince: "SX", card }), "15.00"],
    ["a veteran registered outside Shanxi", makePerson({ identityTypes: ["VETERAN"], hukouProvince: "HB", card }), "0.00"],
    ["三属 with their own registration in Shanxi", makePerson({ identityTypes: ["MARTYR_FAMILY"], relation: "PARENT", hukouProvince: "SX", card }), "15.00"],
    ["三属 without hukouProvince, in a Shanxi jurisdiction", makePerson({ identityTypes: ["MARTYR_FAMILY"], relation: "PARENT", card }), "15.00"],
    ["三属 registered outside Shanxi", makePerson({ identityTypes: ["MARTYR_FAMILY"], relation: "PARENT", hukouProvince: "HB", card }), "0.00"],
    ["三属 without hukouProvince, in Qijiang", makePerson({ jurisdiction: "CN-CQ-QJ", identityTypes: ["MARTYR_FAMILY"], relation: "SPOUSE", card }), "0.00"],
  ])("%s: card %s", (_name, person, paid) => {
    const { result, format } = run(person, buy);
    expect(format("card")).toBe(paid);
    expectReading(result.trace, "card.amount", 13);
  });

  const holder = makePerson({ identityTypes: ["VETERAN"], hukouProvince: "SX", card });
  const visit = (id: string, date: string, type: Claim["type"] = "OUTPATIENT", diagnoses = ["DIABETES"]) =>
    makeClaim({ id, date, type, hospital: hospital({ cardDesignated: true }), diagnoses, amount: "2000.00", settled: { insurance: 0n } });
  it("a chronic quarter that straddles the card's first day counts only the days it is valid", () => {
    const { results, accumulators } = replayClaims(holder, [visit("c1", "2026-04-09"), visit("c2", "2026-04-10")]);
    expect(accumulators["card:2026Q2:chronicOwn"]).toBe(results[1]!.amounts.personal);
    expectReading(results[0]!.trace, "card.chronicQuarter", 13);
    expectReading(results[1]!.trace, "card.chronicQuarter", 13);
    const quarter = computeEntitlements(holder, [{ programme: "SX_CARD_CHRONIC", quarter: "2026Q2" }], accumulators)[0]!;
    expect(quarter.eligible).toBe(true);
    // Only c2's 900.00 (2,000 less 55 % general-outpatient insurance) counts: 5 % = 45.00, not 90.00.
    expect(formatYuan(results[1]!.amounts.personal)).toBe("900.00");
    expect(formatYuan(quarter.amount)).toBe("45.00");
  });
  it.each([
    ["OUTPATIENT", ["DIABETES_T1"], true],
    ["CHRONIC_OUTPATIENT", ["DIABETES_OTHER"], true],
    ["TWO_DISEASES", ["HYPERTENSION_G2_3"], true],
    ["TWO_DISEASES", ["HYPERTENSION"], false],
    ["DUAL_CHANNEL", ["DIABETES"], false],
    ["TCM_OUTPATIENT", ["GOUT"], false],
  ])("%s with %j counts toward the quarter: %s", (type, diagnoses, counts) => {
    const { accumulators } = replayClaims(holder, [visit("c1", "2026-05-01", type as Claim["type"], diagnoses)]);
    expect(accumulators["card:2026Q2:chronicOwn"] !== undefined).toBe(counts);
  });
});

describe("RULES.md §6: the member-day price", () => {
  const holder = makePerson({ identityTypes: ["VETERAN"], hukouProvince: "SX", card: { appliedOn: "2026-03-01" } });
  const buy = (memberPrice: string) => makeClaim({ type: "PHARMACY", date: "2026-05-01", hospital: undefined, route: undefined, amount: "200.00", settled: { insurance: y("50.00") }, memberPrice: y(memberPrice) });
  it("memberPrice is after insurance: below what the person pays with the card, the card pays 0 and the person pays it", () => {
    // with the card: 150 − 22.50 = 127.50; the member price 120 is after insurance already
    const { result, format, codes } = run(holder, buy("120.00"));
    expect([format("card"), format("discount"), format("personal"), format("memberDaySaving")]).toEqual(["0.00", "0.00", "120.00", "30.00"]);
    expect(codes).toContain("MEMBER_PRICE_CHOSEN");
    // The store's saving is no payout: no payout line, nothing toward the 30,000.
    expect(result.lines.map((entry) => entry.stage)).toEqual(["basicInsurance"]);
    expect(result.accumulatorsAfter["card:2026-04-10:pharmacy"]).toBe(0n);
    expect(line(result.trace, "card.memberDay").label).toContain("会员日价格");
  });
  it("equal to what the person pays with the card: the card", () => {
    const { result, format } = run(holder, buy("127.50"));
    expect([format("card"), format("personal"), format("memberDaySaving")]).toEqual(["22.50", "127.50", "0.00"]);
    expect(line(result.trace, "card.memberDay").label).toContain("补贴卡");
  });
});

describe("Reading 5 with Reading 8: an employee-scheme quota stay", () => {
  it("the fund share is the settled figure; the assistance share and the hospital's part stand", () => {
    const person = makePerson({ identityTypes: ["SUBSISTENCE"], insurance: [{ scheme: "EMPLOYEE", from: "2015-01-01", to: null }] });
    const stay = makeClaim({ diagnoses: ["LUNG_CANCER"], quota: y("20000.00"), amount: "25000.00", settled: { insurance: y("15000.00") } });
    const { result, format } = run(person, stay);
    expect([format("insurance"), format("assistance"), format("hospitalAbsorbed"), format("personal")]).toEqual(["15000.00", "4000.00", "5000.00", "1000.00"]);
    expectReading(result.trace, "insurance.settled.insurance", 5);
  });
});
