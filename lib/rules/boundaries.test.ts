// Boundaries: every threshold and cap at −0.01 / exactly / +0.01, each document's first day and the
// day before, and age on the birthday and the day before.
import { describe, expect, it } from "vitest";
import type { Accumulators } from "./claim-context";
import { computeClaim } from "./compute-claim";
import type { Claim, Person } from "./domain";
import { cardChronicQuarter, monthlyAllowance, oneOffAssistance } from "./entitlements";
import { DEFAULT_LIBRARY } from "./library/policy-library";
import { formatYuan, parseYuan } from "./money";
import { criticalIllnessBand } from "./stages/critical-illness";
import { largeAmountBand } from "./stages/special-care";
import { hospital, item, makeClaim, makePerson, qjPerson } from "./test-factories";
import { roundFraction } from "./money";

const y = parseYuan;

function run(person: Person, claim: Claim, acc: Accumulators = {}) {
  const result = computeClaim(person, claim, acc);
  const format = (field: keyof typeof result.amounts) => formatYuan(result.amounts[field]);
  return { result, format, codes: result.reasons.map((reason) => reason.code) };
}

const class3 = hospital({ priceClass: 3, level: 2 });
const ciSchedule = DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2025-06-01")["criticalIllness.schedule"]!.value;
const largeRule = DEFAULT_LIBRARY.resolve("CN-CQ-QJ", "2024-06-01")["specialCare.largeAmount"]!.value;

describe("basic insurance thresholds and caps", () => {
  it.each([
    ["99.99", "0.00"],
    ["100.00", "0.00"],
    ["100.01", "0.01"],
  ])("inpatient deductible 100 (price class 3): scope %s pays %s", (scope, paid) => {
    const { format, codes } = run(makePerson(), makeClaim({ hospital: class3, amount: scope }));
    expect(format("insurance")).toBe(paid);
    expect(codes.includes("BELOW_DEDUCTIBLE")).toBe(paid === "0.00");
  });

  it.each([
    ["49.99", "0.00"],
    ["50.00", "0.00"],
    ["50.01", "0.01"],
  ])("second admission of the year halves the deductible: scope %s pays %s", (scope, paid) => {
    const { format } = run(makePerson(), makeClaim({ hospital: class3, amount: scope }), { "insurance:2025:admissions": 1n });
    expect(format("insurance")).toBe(paid);
  });

  it.each([
    ["69149.99", "850.00"],
    ["69150.00", "850.00"],
    ["69150.01", "849.99"],
  ])("annual cap 70,000: paid before %s → this stay %s", (before, paid) => {
    const { format } = run(makePerson(), makeClaim({ hospital: class3, amount: "1100.00" }), { "insurance:2025:paid": y(before) });
    expect(format("insurance")).toBe(paid);
  });

  it.each([
    ["79.99", "0.00"],
    ["80.00", "0.00"],
    ["80.01", "0.00"], // 0.01 × 45 % = 0.0045 rounds to 0.00
    ["80.02", "0.01"],
  ])("general outpatient at price class 1: 80 per visit, scope %s pays %s", (scope, paid) => {
    const { format } = run(makePerson(), makeClaim({ type: "OUTPATIENT", hospital: hospital({ priceClass: 1, level: 3 }), amount: scope }));
    expect(format("insurance")).toBe(paid);
  });

  it.each([
    ["99.98", "59.99"],
    ["100.00", "60.00"],
    ["100.02", "60.00"],
  ])("two-diseases limit 260 (year's scope so far 333.33, F = 200.00): scope %s pays %s", (scope, paid) => {
    const claim = makeClaim({ type: "TWO_DISEASES", hospital: hospital({ level: 1, priceClass: 3 }), diagnoses: ["HYPERTENSION"], amount: scope });
    const { format } = run(makePerson(), claim, { "insurance:2025:twoDiseases.HYPERTENSION": y("333.33") });
    expect(format("insurance")).toBe(paid);
  });

  it("two-diseases limits are counted per disease", () => {
    const claim = makeClaim({ type: "TWO_DISEASES", hospital: hospital({ level: 1, priceClass: 3 }), diagnoses: ["DIABETES_T1"], amount: "500.00" });
    const { format } = run(makePerson(), claim, { "insurance:2025:twoDiseases.HYPERTENSION": y("260.00") });
    expect(format("insurance")).toBe("300.00");
  });

  it("route reductions: referred −5 points, unreferred −15 points", () => {
    const base = { hospital: hospital({ priceClass: 1, level: 3, province: "BJ" }), amount: "11000.00" };
    expect(run(makePerson(), makeClaim({ ...base, route: "CROSS_PROVINCE_REFERRED" })).format("insurance")).toBe("5500.00");
    expect(run(makePerson(), makeClaim({ ...base, route: "CROSS_PROVINCE_EMERGENCY" })).format("routeReduction")).toBe("500.00");
    expect(run(makePerson(), makeClaim({ ...base, route: "CROSS_PROVINCE_UNREFERRED" })).format("insurance")).toBe("4500.00");
  });
});

describe("critical-illness bands", () => {
  const band = (x: string) => formatYuan(roundFraction(criticalIllnessBand(ciSchedule, y(x))));
  it.each([
    ["9999.99", "0.00"],
    ["10000.00", "0.00"],
    ["10000.01", "0.01"],
    ["169999.99", "119999.99"],
    ["170000.00", "120000.00"],
    ["170000.01", "120000.01"],
    ["489999.99", "399999.99"],
    ["490000.00", "400000.00"],
    ["490000.01", "400000.00"],
  ])("CI(%s) = %s", (x, expected) => {
    expect(band(x)).toBe(expected);
  });

  it("a chronic outpatient claim crossing 10,000 pays only the part above", () => {
    const claim = makeClaim({ type: "CHRONIC_OUTPATIENT", amount: "2000.00", settled: { insurance: 0n } });
    const { format } = run(makePerson(), claim, { "criticalIllness:2025:oop": y("9000.00") });
    expect(format("criticalIllness")).toBe("750.00");
  });
});

describe("medical assistance limits", () => {
  const dialysis = (scope: string) => makeClaim({ type: "CHRONIC_OUTPATIENT", diagnoses: ["UREMIA_DIALYSIS"], amount: scope, settled: { insurance: 0n } });
  it.each([
    ["5999.98", "2999.99"],
    ["6000.00", "3000.00"],
    ["6000.02", "3000.00"],
  ])("低保 outpatient 50 %% up to 3,000: base %s pays %s", (scope, paid) => {
    const { format } = run(makePerson({ identityTypes: ["SUBSISTENCE"] }), dialysis(scope));
    expect(format("assistance")).toBe(paid);
  });

  it.each([
    ["1428.56", "999.99"],
    ["1428.57", "1000.00"],
    ["1428.58", "1000.00"],
  ])("低保 inpatient 70 %% up to 15,000 (base 20,000 before): base %s pays %s", (base, paid) => {
    // Settled insurance through an employee enrolment keeps the base exact.
    const person = makePerson({ identityTypes: ["SUBSISTENCE"], insurance: [{ scheme: "EMPLOYEE", from: "2015-01-01", to: null }] });
    const claim = makeClaim({ amount: base, settled: { insurance: 0n, criticalIllness: 0n } });
    const { format } = run(person, claim, { "assistance:2025:inpatient.general": y("20000.00") });
    expect(format("assistance")).toBe(paid);
  });

  it("特困 outpatient outside the 7 large diseases gets nothing, with the reason", () => {
    const claim = makeClaim({ type: "CHRONIC_OUTPATIENT", diagnoses: ["GOUT"], amount: "1000.00", settled: { insurance: 0n } });
    const { format, codes } = run(makePerson({ identityTypes: ["EXTREME_POVERTY"] }), claim);
    expect(format("assistance")).toBe("0.00");
    expect(codes).toContain("NOT_LARGE_OUTPATIENT_DISEASE");
  });

  it("Gaucher disease: any insured patient, 70 %, and 就高 against the 低保 row", () => {
    const person = makePerson({ identityTypes: ["SUBSISTENCE"], insurance: [{ scheme: "EMPLOYEE", from: "2015-01-01", to: null }] });
    const claim = makeClaim({ diagnoses: ["GAUCHER"], amount: "1000.00", settled: { insurance: 0n, criticalIllness: 0n } });
    const { result, format } = run(person, claim, { "assistance:2025:inpatient.general": y("21428.57") });
    expect(format("assistance")).toBe("700.00");
    expect(result.trace.filter((line) => line.id.startsWith("assistance.candidate.")).map((line) => line.id)).toEqual([
      "assistance.candidate.inpatient.subsistenceOrYoufu",
      "assistance.candidate.rareDisease.gaucherPompe",
    ]);
  });
});

describe("one-off assistance (YQ-JZ-2019 §4(2)3)", () => {
  const person = makePerson({ identityTypes: ["LOW_INCOME"] });
  const at = (base: string, appliedOn = "2026-02-01") => oneOffAssistance(person, 2025, appliedOn, { "assistance:2025:oneOffBase": y(base) }, false);
  it.each([
    ["19999.99", "0.00", true],
    ["20000.00", "0.00", true],
    ["20000.01", "0.01", true],
    ["29999.98", "4999.99", true],
    ["30000.00", "5000.00", true],
    ["30000.01", "5000.00", true],
  ])("base %s → %s", (base, amount, eligible) => {
    const result = at(base);
    expect(formatYuan(result.amount)).toBe(amount);
    expect(result.eligible).toBe(eligible);
  });
  it.each([
    ["2025-12-31", false],
    ["2026-01-01", true],
    ["2026-02-28", true],
    ["2026-03-01", false],
  ])("application on %s in the window: %s", (appliedOn, eligible) => {
    const result = at("30000.00", appliedOn);
    expect(result.eligible).toBe(eligible);
    expect(result.reasons.map((reason) => reason.code).includes("OUTSIDE_APPLICATION_WINDOW")).toBe(!eligible);
  });
  it("leap year: 29 February is inside the window", () => {
    const result = oneOffAssistance(person, 2027, "2028-02-29", { "assistance:2027:oneOffBase": y("30000.00") }, false);
    expect(result.eligible).toBe(true);
  });
  it("once a year", () => {
    expect(oneOffAssistance(person, 2025, "2026-02-01", { "assistance:2025:oneOffBase": y("30000.00") }, true).eligible).toBe(false);
  });
  it("needs a low-income or 因病致贫 identity", () => {
    expect(oneOffAssistance(makePerson({ identityTypes: ["SUBSISTENCE"] }), 2025, "2026-02-01", { "assistance:2025:oneOffBase": y("30000.00") }, false).eligible).toBe(false);
  });
});

describe("Qijiang special-care subsidy", () => {
  const settledClaim = (base: string, level: 1 | 2 | 3 = 1, date = "2024-06-01") =>
    makeClaim({ date, hospital: hospital({ level, province: "CQ" }), amount: base, settled: { policyScope: y(base), insurance: 0n, criticalIllness: 0n, assistance: 0n } });
  it.each([
    ["1249.99", "999.99"],
    ["1250.00", "1000.00"],
    ["1250.01", "1000.00"],
  ])("group A annual limit 3,000 (2,000 used): base %s pays %s", (base, paid) => {
    const { format } = run(qjPerson(["MARTYR_FAMILY"]), settledClaim(base), { "specialCare:2024:inpatient": y("2000.00") });
    expect(format("specialCare")).toBe(paid);
  });
  it.each([
    ["1428.56", "999.99"],
    ["1428.57", "1000.00"],
    ["1428.58", "1000.00"],
  ])("group B annual limit 2,000 (1,000 used): base %s pays %s", (base, paid) => {
    const { format } = run(qjPerson(["ILL_RETURNED_VETERAN"]), settledClaim(base), { "specialCare:2024:inpatient": y("1000.00") });
    expect(format("specialCare")).toBe(paid);
  });
  it.each([
    ["4999.99", "0.00"],
    ["5000.00", "0.00"],
    ["5001.00", "0.30"],
    ["14999.96", "2999.99"],
    ["15000.00", "3000.00"],
    ["15000.01", "3000.00"],
  ])("large-amount band at cumulative %s = %s", (x, expected) => {
    expect(formatYuan(roundFraction(largeAmountBand(largeRule, y(x))))).toBe(expected);
  });
  it("60+ rural veteran: nothing the day before the 60th birthday, group B on the day", () => {
    const person = qjPerson(["VETERAN_RURAL"], { birthDate: "1964-07-15", ruralHukou: true });
    const before = run(person, settledClaim("1000.00", 2, "2024-07-14"));
    expect(before.format("specialCare")).toBe("0.00");
    expect(before.codes).toContain("AGE_BELOW_MINIMUM");
    expect(run(person, settledClaim("1000.00", 2, "2024-07-15")).format("specialCare")).toBe("400.00");
  });
  it("monthly allowance counts a month when 60 on its first day", () => {
    const onFirst = qjPerson(["VETERAN_RURAL"], { birthDate: "1964-07-01" });
    const dayAfter = qjPerson(["VETERAN_RURAL"], { birthDate: "1964-07-02" });
    expect(formatYuan(monthlyAllowance(onFirst, 2024).amount)).toBe("450.00");
    expect(formatYuan(monthlyAllowance(dayAfter, 2024).amount)).toBe("375.00");
  });
  it("在乡复员军人 extras: cancer and bedridden both, due when one month counted", () => {
    const person = qjPerson([], { identities: [{ type: "DEMOBILIZED", from: "2024-12-01", to: null }], conditions: [{ condition: "CANCER", from: null, to: null }, { condition: "BEDRIDDEN", from: null, to: null }] });
    expect(formatYuan(monthlyAllowance(person, 2024).amount)).toBe("2700.00");
  });
});

describe("pharmacy card", () => {
  const veteran = (appliedOn = "2026-03-01") => makePerson({ identityTypes: ["VETERAN"], hukouProvince: "SX", card: { appliedOn } });
  const pharmacy = (date: string, amount = "100.00") => makeClaim({ type: "PHARMACY", date, hospital: undefined, route: undefined, amount, settled: { insurance: 0n } });
  it.each([
    ["2026-04-09", "0.00", "CARD_NOT_YET_VALID"],
    ["2026-04-10", "15.00", null],
    ["2027-04-09", "15.00", null],
    ["2027-04-10", "0.00", "CARD_EXPIRED"],
  ])("validity: %s pays %s", (date, paid, code) => {
    const { format, codes } = run(veteran(), pharmacy(date));
    expect(format("card")).toBe(paid);
    expect(codes.filter((c) => c === "CARD_NOT_YET_VALID" || c === "CARD_EXPIRED")).toEqual(code ? [code] : []);
  });
  it.each([
    ["2026-03-31", "15.00"],
    ["2026-04-01", "0.00"],
  ])("application deadline: applied %s → %s", (appliedOn, paid) => {
    expect(run(veteran(appliedOn), pharmacy("2026-05-01")).format("card")).toBe(paid);
  });
  it.each([
    ["29985.01", "14.99"],
    ["29985.00", "15.00"],
    ["29984.99", "15.00"],
  ])("30,000 per card-year: used %s → %s", (used, paid) => {
    expect(run(veteran(), pharmacy("2026-05-01"), { "card:2026-04-10:pharmacy": y(used) }).format("card")).toBe(paid);
  });
  it("member day: the cheaper of 15 % and the member price", () => {
    const cheaperMember = run(veteran(), { ...pharmacy("2026-05-01"), memberPrice: y("80.00") });
    expect(cheaperMember.format("card")).toBe("0.00");
    expect(cheaperMember.format("personal")).toBe("80.00");
    const cheaperCard = run(veteran(), { ...pharmacy("2026-05-01"), memberPrice: y("90.00") });
    expect(cheaperCard.format("card")).toBe("15.00");
    expect(cheaperCard.format("personal")).toBe("85.00");
  });
  it("a veteran's spouse living in Qijiang holds a card through the veteran's Shanxi registration", () => {
    const spouse = makePerson({ jurisdiction: "CN-CQ-QJ", identityTypes: ["VETERAN_FAMILY"], relation: "SPOUSE", veteranHukouProvince: "SX", hukouProvince: "CQ", card: { appliedOn: "2026-03-01" } });
    expect(run(spouse, pharmacy("2026-05-01")).format("card")).toBe("15.00");
  });
  it("family of a veteran registered outside Shanxi cannot hold a card", () => {
    const family = makePerson({ identityTypes: ["VETERAN_FAMILY"], relation: "SPOUSE", veteranHukouProvince: "BJ", hukouProvince: "SX", card: { appliedOn: "2026-03-01" } });
    expect(run(family, pharmacy("2026-05-01")).codes).toContain("CARD_NOT_ELIGIBLE");
  });
  it.each([
    ["449.99", "0.00", true],
    ["450.00", "0.00", true],
    ["450.01", "22.50", true],
  ])("chronic quarter above 450: own %s → %s", (own, amount, eligible) => {
    const result = cardChronicQuarter(veteran(), "2026Q3", { "card:2026Q3:chronicOwn": y(own) }, 0n);
    expect(formatYuan(result.amount)).toBe(amount);
    expect(result.eligible).toBe(eligible);
  });
  it("chronic subsidy stops at 3,000 per card", () => {
    expect(formatYuan(cardChronicQuarter(veteran(), "2026Q4", { "card:2026Q4:chronicOwn": y("1000.00") }, y("2990.00")).amount)).toBe("10.00");
  });
});

describe("documents: first day in force and the day before", () => {
  const youfu = makePerson({ identityTypes: ["DEMOBILIZED"] });
  const surgery = (date: string) => makeClaim({ date, items: [item("1000.00", { fee: "SURGERY_ANESTHESIA" })], settled: { insurance: 0n, criticalIllness: 0n } });
  it("SX-YF-2024 from 2024-05-02: discounts and the assistance-before-subsidy order", () => {
    const before = run(youfu, surgery("2024-05-01"));
    const first = run(youfu, surgery("2024-05-02"));
    expect(before.format("discount")).toBe("0.00");
    expect(first.format("discount")).toBe("100.00");
    expect(before.result.stageOrder.indexOf("specialCare")).toBeLessThan(before.result.stageOrder.indexOf("medicalAssistance"));
    expect(first.result.stageOrder.indexOf("medicalAssistance")).toBeLessThan(first.result.stageOrder.indexOf("specialCare"));
  });
  it("SX-YF-2024 ends 2029-05-01", () => {
    expect(DEFAULT_LIBRARY.resolve("CN-SX", "2029-05-01")["discount.feeRules"]).toBeDefined();
    expect(DEFAULT_LIBRARY.resolve("CN-SX", "2029-05-02")["discount.feeRules"]).toBeUndefined();
  });
  it("SX-JM-2024 from 2025-01-01 to 2029-12-31: computed insurance, before that the settled figure", () => {
    const claim = (date: string) => makeClaim({ date, hospital: class3, amount: "1100.00", settled: { insurance: y("777.00") } });
    const before = run(makePerson(), claim("2024-12-31"));
    expect(before.format("insurance")).toBe("777.00");
    expect(before.codes).toContain("SETTLED_AMOUNT_USED");
    const first = run(makePerson(), claim("2025-01-01"));
    expect(first.format("insurance")).toBe("850.00");
    expect(first.result.flags).toContainEqual({ code: "SETTLED_DIFFERS", field: "insurance", settled: y("777.00"), computed: y("850.00") });
    expect(DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2029-12-31")["insurance.annualCap"]).toBeDefined();
    expect(DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2030-01-01")["insurance.annualCap"]).toBeUndefined();
  });
  it("YQ-JZ-2019 from 2020-01-01", () => {
    const person = makePerson({ identityTypes: ["EXTREME_POVERTY"] });
    const claim = (date: string) => makeClaim({ date, amount: "1000.00", settled: { insurance: y("600.00"), criticalIllness: 0n } });
    expect(run(person, claim("2019-12-31")).codes).toContain("NO_RULE_IN_FORCE");
    expect(run(person, claim("2019-12-31")).format("assistance")).toBe("0.00");
    expect(run(person, claim("2020-01-01")).format("assistance")).toBe("400.00");
  });
  it("QJ-YF-2023 from 2024-01-01", () => {
    const person = qjPerson(["MARTYR_FAMILY"]);
    const claim = (date: string) => makeClaim({ date, hospital: hospital({ level: 1, province: "CQ" }), amount: "1000.00", settled: { policyScope: y("1000.00"), insurance: 0n, criticalIllness: 0n, assistance: 0n } });
    expect(run(person, claim("2023-12-31")).format("specialCare")).toBe("0.00");
    expect(run(person, claim("2024-01-01")).format("specialCare")).toBe("800.00");
    expect(monthlyAllowance(person, 2023).reasons.map((reason) => reason.code)).toContain("NO_RULE_IN_FORCE");
  });
  it("SX-CARD-2026, YQ-JM-2024 and NHSA-BASE-2025 start on their first day", () => {
    expect(DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2025-12-31")["card.programme"]).toBeUndefined();
    expect(DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2026-01-01")["card.programme"]).toBeDefined();
    expect(DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2024-12-31")["insurance.studentInjuryOutpatient"]).toBeUndefined();
    expect(DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2025-01-01")["insurance.studentInjuryOutpatient"]?.value.applies).toBe(false);
    expect(DEFAULT_LIBRARY.resolve("CN-SX", "2025-01-01")["insurance.studentInjuryOutpatient"]).toBeUndefined();
    expect(DEFAULT_LIBRARY.resolve("CN-CQ-QJ", "2024-12-31")["insurance.downTransferNoDeductible"]).toBeUndefined();
    expect(DEFAULT_LIBRARY.resolve("CN-CQ-QJ", "2025-01-01")["insurance.downTransferNoDeductible"]?.value).toBe(false);
  });
});

describe("hospital discounts", () => {
  const expert = (date: string) => makeClaim({ type: "OUTPATIENT", date, items: [item("50.00", { fee: "EXPERT_CONSULTATION" })] });
  it("expert consultation waived from the 70th birthday itself", () => {
    const person = makePerson({ identityTypes: ["WAR_VETERAN"], birthDate: "1955-06-15" });
    expect(run(person, expert("2025-06-14")).format("discount")).toBe("0.00");
    expect(run(person, expert("2025-06-15")).format("discount")).toBe("50.00");
  });
  it.each([
    [15, "1500.00", "150.00"],
    [16, "1600.00", "155.00"],
    [20, "2000.00", "175.00"],
    [3, "100.00", "10.00"],
    [17, "1000.00", "94.12"], // 1000/17 per day: 15 days × 10 % + 2 days × 5 % = 94.1176…
  ])("bed fee over %i days (%s): discount %s, marginal by day", (days, amount, discount) => {
    const claim = makeClaim({ items: [item(amount, { fee: "BED", days })] });
    expect(run(makePerson({ identityTypes: ["DEMOBILIZED"] }), claim).format("discount")).toBe(discount);
  });
  it("a bed item without days takes the stay's length from admission to discharge", () => {
    const claim = makeClaim({ admitted: "2025-05-01", date: "2025-05-21", items: [item("2000.00", { fee: "BED" })] });
    expect(run(makePerson({ identityTypes: ["DEMOBILIZED"] }), claim).format("discount")).toBe("175.00");
  });
  it("general consultation waived, prenatal exam for women only, private hospitals excluded", () => {
    const person = makePerson({ identityTypes: ["MARTYR_FAMILY"], sex: "F" });
    const claim = makeClaim({ type: "OUTPATIENT", items: [item("10.00", { fee: "GENERAL_CONSULTATION" }), item("200.00", { fee: "PRENATAL_EXAM" }), item("100.00", { fee: "REEMPLOYMENT_CHECKUP" })] });
    expect(run(person, claim).format("discount")).toBe("310.00");
    expect(run({ ...person, sex: "M" }, claim).format("discount")).toBe("110.00");
    expect(run(person, { ...claim, hospital: hospital({ public: false }) }).format("discount")).toBe("0.00");
    expect(run(person, { ...claim, hospital: hospital({ province: "BJ" }) }).format("discount")).toBe("0.00");
  });
});
