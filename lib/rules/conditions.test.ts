// Conditions are dated: the 在乡复员军人 extras of QJ-YF-2023 Art. 8(1) are due when the condition
// held on the first day of a month counted as 在乡复员军人. A case file's plain code still means
// "held throughout", so the golden cases read as before.
import { describe, expect, it } from "vitest";
import { parseCaseFile } from "./case.schema";
import { CODE_PATTERN, holdsCondition, type DatedCondition } from "./domain";
import { monthlyAllowance } from "./entitlements";
import { ALLOWANCE_EXTRA_CONDITIONS, CONDITION_CODES, conditionCatalogue } from "./library/conditions";
import { LARGE_OUTPATIENT_DISEASES, MAJOR_DISEASE_GROUPS } from "./library/parameters";
import { formatYuan } from "./money";
import { qjPerson } from "./test-factories";

const demobilised = (conditions: DatedCondition[], from = "2020-01-01") => qjPerson([], { identities: [{ type: "DEMOBILIZED", from, to: null }], conditions });
const allowance = (conditions: DatedCondition[], year = 2024, from?: string) => formatYuan(monthlyAllowance(demobilised(conditions, from), year).amount);
const cancer = (from: string | null, to: string | null): DatedCondition => ({ condition: "CANCER", from, to });

describe("dated conditions in the monthly allowance (QJ-YF-2023 Art. 8(1))", () => {
  it("a condition held throughout adds its yearly extra (12 × 100 + 1,800)", () => {
    expect(allowance([cancer(null, null)])).toBe("3000.00");
  });

  it("a condition ended before the year does not count", () => {
    expect(allowance([cancer("2019-03-01", "2023-12-31")])).toBe("1200.00");
  });

  it("a condition starting after the year does not count for it, and counts for the next", () => {
    expect(allowance([cancer("2025-01-15", null)], 2024)).toBe("1200.00");
    expect(allowance([cancer("2025-01-15", null)], 2025)).toBe("3000.00");
  });

  it("counts when it held on the first day of one counted month: from that day, or ending on it", () => {
    expect(allowance([cancer("2024-12-01", null)])).toBe("3000.00");
    expect(allowance([cancer("2024-12-02", null)])).toBe("1200.00");
    expect(allowance([cancer("2023-05-01", "2024-01-01")])).toBe("3000.00");
    expect(allowance([cancer("2024-03-15", "2024-03-31")])).toBe("1200.00");
  });

  it("must hold on a month that counted as 在乡复员军人, not on any day of the year", () => {
    // 在乡复员军人 from December only; the cancer was recognised and ended in the spring.
    expect(allowance([cancer("2024-01-01", "2024-06-30")], 2024, "2024-12-01")).toBe("100.00");
    expect(allowance([cancer("2024-01-01", "2024-12-01")], 2024, "2024-12-01")).toBe("1900.00");
  });

  it("pays each condition once a year however many periods it has, and says which day it held", () => {
    const result = monthlyAllowance(demobilised([cancer("2023-01-01", "2024-02-10"), cancer("2024-09-01", null), { condition: "BEDRIDDEN", from: "2024-06-20", to: null }]), 2024);
    expect(formatYuan(result.amount)).toBe("3800.00");
    const extras = result.trace.filter((line) => line.id.startsWith("allowance.extra."));
    expect(extras.map((line) => [line.id, line.inputs])).toEqual([
      ["allowance.extra.CANCER", { condition: "CANCER", heldOn: "2024-01-01" }],
      ["allowance.extra.BEDRIDDEN", { condition: "BEDRIDDEN", heldOn: "2024-07-01" }],
    ]);
  });

  it("holdsCondition: inclusive ends, open starts and ends", () => {
    const person = demobilised([cancer("2024-03-01", "2024-03-31"), { condition: "BEDRIDDEN", from: null, to: "2020-12-31" }]);
    expect(["2024-02-29", "2024-03-01", "2024-03-31", "2024-04-01"].map((d) => holdsCondition(person, "CANCER", d))).toEqual([false, true, true, false]);
    expect(["1900-01-01", "2020-12-31", "2021-01-01"].map((d) => holdsCondition(person, "BEDRIDDEN", d))).toEqual([true, true, false]);
  });
});

describe("the case-file format of conditions", () => {
  const file = (conditions: unknown[]) => ({ id: "C", person: { jurisdiction: "CN-CQ-QJ", birthDate: "1940-01-01", sex: "M", identities: [{ type: "DEMOBILIZED", from: "2020-01-01" }], conditions }, claims: [], entitlements: [{ programme: "QJ_MONTHLY_ALLOWANCE", year: 2024 }] });

  it("reads a plain code as held throughout, and a dated one with its days", () => {
    const parsed = parseCaseFile(file(["CANCER", { condition: "BEDRIDDEN", from: "2024-02-01", to: null }, { condition: "GOUT", to: "2023-01-01" }]));
    expect(parsed.ok && parsed.value.person.conditions).toEqual([
      { condition: "CANCER", from: null, to: null },
      { condition: "BEDRIDDEN", from: "2024-02-01", to: null },
      { condition: "GOUT", from: null, to: "2023-01-01" },
    ]);
  });

  it("refuses an end before its start", () => {
    const parsed = parseCaseFile(file([{ condition: "CANCER", from: "2024-02-01", to: "2024-01-31" }]));
    expect(parsed.ok ? [] : parsed.issues).toEqual([{ path: "$.person.conditions[0].to", message: "情形结束日期 2024-01-31 早于开始日期 2024-02-01" }]);
  });

  it("refuses a bad date and a code of the wrong shape, at their entries", () => {
    const parsed = parseCaseFile(file([{ condition: "CANCER", from: "2024-02-30" }, "cancer"]));
    expect(parsed.ok ? [] : [...new Set(parsed.issues.map((i) => i.path))]).toEqual(["$.person.conditions[0].from", "$.person.conditions[1].condition"]);
  });
});

describe("the conditions a record may carry come from the policy library", () => {
  const catalogue = conditionCatalogue();

  it("names each code once, in the case-file code shape", () => {
    expect(new Set(CONDITION_CODES).size).toBe(CONDITION_CODES.length);
    expect(CONDITION_CODES.filter((code) => !CODE_PATTERN.test(code))).toEqual([]);
  });

  it("holds the extras' conditions, then every disease of the outpatient and major lists once, then the two diseases and the card's chronic diseases", () => {
    expect(ALLOWANCE_EXTRA_CONDITIONS).toEqual(["CANCER", "BEDRIDDEN"]);
    for (const group of [...LARGE_OUTPATIENT_DISEASES, ...MAJOR_DISEASE_GROUPS]) {
      expect(group.codes.some((code) => CONDITION_CODES.includes(code)), group.name).toBe(true);
    }
    for (const code of ["HYPERTENSION", "DIABETES_T1", "DIABETES_OTHER", "HYPERTENSION_G2_3", "DIABETES", "GOUT", "HYPERTHYROIDISM", "HYPOTHYROIDISM", "GLAUCOMA", "CATARACT"]) expect(CONDITION_CODES).toContain(code);
    // 恶性肿瘤 of the outpatient list is the extras' CANCER, not a second code for the same disease.
    expect(catalogue.find((entry) => entry.code === "CANCER")?.lists).toEqual(["allowanceExtras", "largeOutpatient"]);
    expect(CONDITION_CODES).not.toContain("MALIGNANT_TUMOR");
    // 2 extras + 6 other outpatient diseases + 24 major diseases not already there + 1 + 7 more.
    expect(CONDITION_CODES).toHaveLength(40);
  });

  it("cites the article of each list that names the condition", () => {
    expect(catalogue.find((entry) => entry.code === "BEDRIDDEN")?.citations).toEqual([{ document: "QJ-YF-2023", article: "Art. 8(1)" }]);
    expect(catalogue.find((entry) => entry.code === "HEMOPHILIA")?.citations.map((c) => c.document)).toEqual(["YQ-JZ-2019", "YQ-JZ-2019"]);
  });
});
