// The policy library validates on load and here; a deliberately broken copy must fail, and a
// parameter with no version in force resolves to "no rule", never to a silent zero.
import { describe, expect, it } from "vitest";
import { computeClaim } from "./compute-claim";
import { POLICY_DOCUMENTS } from "./library/documents";
import type { ParameterCatalogue } from "./library/parameters";
import { PARAMETER_CATALOGUE } from "./library/parameters";
import { DEFAULT_LIBRARY, DEFAULT_LIBRARY_DATA, LibraryValidationError, listParameterVersions, loadLibrary } from "./library/policy-library";
import { REASON_CODES, REASONS } from "./library/reasons";
import { validateLibrary } from "./library/validate-library";
import { describeLibrary } from "./library/library-catalogue";
import { percent, yuan } from "./money";
import { makeClaim, makePerson } from "./test-factories";

function cloneCatalogue(): ParameterCatalogue {
  return structuredClone(PARAMETER_CATALOGUE);
}

describe("policy library validation", () => {
  it("the shipped library has no problems", () => {
    expect(validateLibrary(DEFAULT_LIBRARY_DATA)).toEqual([]);
  });

  it("has the seven documents and a Chinese label on every parameter", () => {
    expect(POLICY_DOCUMENTS.map((document) => document.key).sort()).toEqual(["NHSA-BASE-2025", "QJ-YF-2023", "SX-CARD-2026", "SX-JM-2024", "SX-YF-2024", "YQ-JM-2024", "YQ-JZ-2019"]);
    for (const row of listParameterVersions()) {
      expect(row.label).toMatch(/[\u4e00-\u9fff]/);
      for (const version of row.versions) expect(version.citation.article.length).toBeGreaterThan(0);
    }
  });

  it("describes itself as JSON for the policy-library page", () => {
    const catalogue = describeLibrary();
    expect(catalogue.documents).toHaveLength(7);
    const cap = catalogue.parameters.find((row) => row.id === "insurance.annualCap");
    expect(cap?.versions[0]).toMatchObject({ value: "70000.00", citation: { document: "SX-JM-2024", documentNumber: "晋医保发〔2024〕19号" } });
    expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
  });

  it("every reason code has a Chinese message", () => {
    for (const code of REASON_CODES) expect(REASONS[code].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("rejects a gap between versions", () => {
    const parameters = cloneCatalogue();
    parameters["chain.stageOrder"].versions[0] = { ...parameters["chain.stageOrder"].versions[0]!, to: "2024-04-30" };
    const problems = validateLibrary({ documents: POLICY_DOCUMENTS, parameters });
    expect(problems.join("\n")).toMatch(/空档/);
  });

  it("rejects overlapping versions", () => {
    const parameters = cloneCatalogue();
    const first = parameters["insurance.annualCap"].versions[0]!;
    parameters["insurance.annualCap"].versions = [
      { ...first, to: "2026-12-31" },
      { ...first, from: "2026-06-01", value: yuan(80000) },
    ];
    expect(validateLibrary({ documents: POLICY_DOCUMENTS, parameters }).join("\n")).toMatch(/重叠/);
  });

  it("rejects a version citing a document not yet in force on its first day", () => {
    const parameters = cloneCatalogue();
    parameters["insurance.annualCap"].versions[0] = { ...parameters["insurance.annualCap"].versions[0]!, from: "2024-12-31" };
    expect(validateLibrary({ documents: POLICY_DOCUMENTS, parameters }).join("\n")).toMatch(/未生效/);
  });

  it("rejects a document cited outside its jurisdiction", () => {
    const parameters = cloneCatalogue();
    parameters["specialCare.largeAmount"].versions[0] = { ...parameters["specialCare.largeAmount"].versions[0]!, jurisdiction: "CN-SX" };
    expect(validateLibrary({ documents: POLICY_DOCUMENTS, parameters }).join("\n")).toMatch(/适用地区/);
  });

  it("rejects a table that does not cover an enum the stages use", () => {
    const parameters = cloneCatalogue();
    // Deleting keys from the clone is the point: the type says they are there, the data does not.
    const fees: Partial<Record<string, unknown>> = parameters["discount.feeRules"].versions[0]!.value;
    delete fees.BED;
    const routes: Partial<Record<string, unknown>> = parameters["insurance.routeReductions"].versions[0]!.value;
    delete routes.CROSS_PROVINCE_EMERGENCY;
    const problems = validateLibrary({ documents: POLICY_DOCUMENTS, parameters }).join("\n");
    expect(problems).toMatch(/BED/);
    expect(problems).toMatch(/CROSS_PROVINCE_EMERGENCY/);
  });

  it("rejects a monthly allowance that leaves out an identity of the subsidy groups", () => {
    const parameters = cloneCatalogue();
    const monthly: Partial<Record<string, unknown>> = parameters["specialCare.monthlyAllowance"].versions[0]!.value.monthly;
    delete monthly.VETERAN_RURAL;
    expect(validateLibrary({ documents: POLICY_DOCUMENTS, parameters }).join("\n")).toMatch(/VETERAN_RURAL/);
  });

  it("rejects a rate above 100 % and a stage order missing a stage", () => {
    const parameters = cloneCatalogue();
    const schedule = parameters["insurance.inpatientSchedule"].versions[0]!;
    parameters["insurance.inpatientSchedule"].versions[0] = { ...schedule, value: { ...schedule.value, CLASS_1: { deductible: yuan(1000), rate: percent(160) } } };
    const order = parameters["chain.stageOrder"].versions[1]!;
    parameters["chain.stageOrder"].versions[1] = { ...order, value: order.value.filter((stage) => stage !== "medicalAssistance") };
    const problems = validateLibrary({ documents: POLICY_DOCUMENTS, parameters }).join("\n");
    expect(problems).toMatch(/比例不在/);
    expect(problems).toMatch(/medicalAssistance/);
  });

  it("loadLibrary refuses a broken library", () => {
    const parameters = cloneCatalogue();
    parameters["insurance.annualCap"].versions[0] = { ...parameters["insurance.annualCap"].versions[0]!, citation: { document: "SX-YF-2024", article: "Art. 99" } };
    expect(() => loadLibrary({ documents: POLICY_DOCUMENTS, parameters })).toThrow(LibraryValidationError);
  });
});

describe("resolution and inheritance", () => {
  it("CN-SX-YQ sees CN-SX rules; CN-CQ-QJ does not", () => {
    expect(DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2025-06-01")["insurance.annualCap"]?.value).toBe(yuan(70000));
    expect(DEFAULT_LIBRARY.resolve("CN-CQ-QJ", "2025-06-01")["insurance.annualCap"]).toBeUndefined();
    expect(DEFAULT_LIBRARY.resolve("CN-SX", "2025-06-01")["assistance.rows"]).toBeUndefined();
    expect(DEFAULT_LIBRARY.resolve("CN-CQ-QJ", "2025-06-01")["specialCare.inpatient"]).toBeDefined();
  });

  it("a local version wins over the inherited one, dated", () => {
    expect(DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2024-05-01")["chain.stageOrder"]?.citation.document).toBe("YQ-JZ-2019");
    expect(DEFAULT_LIBRARY.resolve("CN-SX-YQ", "2024-05-02")["chain.stageOrder"]?.citation.document).toBe("SX-YF-2024");
  });

  it("a missing rule gives an explicit reason, not a silent zero", () => {
    const result = computeClaim(makePerson({ jurisdiction: "CN-CQ-QJ" }), makeClaim({ date: "2025-03-01" }), {});
    expect(result.amounts.insurance).toBe(0n);
    expect(result.reasons.map((reason) => reason.code)).toContain("NO_RULE_IN_FORCE");
    expect(result.reasons.map((reason) => reason.code)).toContain("SETTLED_AMOUNT_MISSING");
  });
});
