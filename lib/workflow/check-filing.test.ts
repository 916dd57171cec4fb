import { describe, expect, it } from "vitest";
import type { Person } from "@/lib/rules/domain";
import { DEFAULT_LIBRARY } from "@/lib/rules/library/policy-library";
import { POLICY_DOCUMENTS } from "@/lib/rules/library/documents";
import { yuan } from "@/lib/rules/money";
import { APPLICATION_KIND_IDS, APPLICATION_KINDS, ATTACHMENT_KINDS, jurisdictionsOf } from "./application-kinds";
import { checkFiling, checkRecognitionThreshold, oneOffWindow } from "./check-filing";
import { QJ_PERSON, YQ_PERSON } from "./workflow-fixtures";

const kinds = APPLICATION_KINDS;
const person = (over: Partial<Person>): Person => ({ ...YQ_PERSON, ...over });

describe("application kinds as data", () => {
  it("each kind cites documents of the library and approves through a county permission", () => {
    const keys = POLICY_DOCUMENTS.map((document) => document.key as string);
    for (const id of APPLICATION_KIND_IDS) {
      const kind = kinds[id];
      expect(kind.id).toBe(id);
      expect(kind.label).toMatch(/[\u4e00-\u9fff]/);
      for (const citation of [...kind.procedure, ...kind.requiredDocuments.map((document) => document.citation)]) expect(keys).toContain(citation.document);
      for (const document of kind.requiredDocuments) expect(ATTACHMENT_KINDS).toContain(document.kind);
      expect(DEFAULT_LIBRARY.data.parameters[kind.governedBy].versions.length).toBeGreaterThan(0);
    }
  });

  it("the four Yangquan kinds are the 县医保局's, the Qijiang subsidy the 区退役军人事务局's", () => {
    expect(APPLICATION_KIND_IDS.map((id) => [id, kinds[id].approvePermission, jurisdictionsOf(kinds[id])])).toEqual([
      ["INPATIENT_ASSISTANCE", "case:approve:assistance", ["CN-SX-YQ"]],
      ["OUTPATIENT_ASSISTANCE", "case:approve:assistance", ["CN-SX-YQ"]],
      ["ONE_OFF_ASSISTANCE", "case:approve:assistance", ["CN-SX-YQ"]],
      ["LOW_INCOME_RECOGNITION", "case:approve:assistance", ["CN-SX-YQ"]],
      ["QJ_SPECIAL_CARE_SUBSIDY", "case:approve:special-care", ["CN-CQ-QJ"]],
    ]);
    expect(kinds.INPATIENT_ASSISTANCE.requiredDocuments.map((document) => document.kind)).toEqual(["DIAGNOSIS_CERTIFICATE", "RECEIPT", "MEDICAL_HISTORY", "SETTLEMENT_SHEET"]);
    expect(kinds.LOW_INCOME_RECOGNITION.grantsIdentity).toBe("assistance.lowIncomeRecognition");
  });
});

describe("checkFiling: jurisdiction and identities on the bill's date", () => {
  it("accepts a 低保 person of Yangquan for inpatient assistance and refuses a Qijiang person with the article", () => {
    expect(checkFiling(kinds.INPATIENT_ASSISTANCE, YQ_PERSON, "2026-02-20", "2026-03-20")).toEqual({ ok: true });
    expect(checkFiling(kinds.INPATIENT_ASSISTANCE, QJ_PERSON, "2026-02-20", "2026-03-20")).toEqual({
      ok: false,
      reasons: [{ source: "filing", code: "KIND_NOT_AVAILABLE", message: "该申请类别在申请人所在统筹区、费用发生之日没有有效的政策规定", citation: { document: "YQ-JZ-2019", article: "§6(2)" } }],
    });
    expect(checkFiling(kinds.QJ_SPECIAL_CARE_SUBSIDY, YQ_PERSON, "2026-02-20", "2026-03-20")).toMatchObject({ ok: false, reasons: [{ code: "KIND_NOT_AVAILABLE", citation: { document: "QJ-YF-2023" } }] });
    // A Shanxi person outside Yangquan: the assistance rules are Yangquan's.
    expect(checkFiling(kinds.INPATIENT_ASSISTANCE, person({ jurisdiction: "CN-SX" }), "2026-02-20", "2026-03-20")).toMatchObject({ ok: false, reasons: [{ code: "KIND_NOT_AVAILABLE" }] });
  });

  it("a bill before the rule was in force, or in the future, is refused", () => {
    expect(checkFiling(kinds.QJ_SPECIAL_CARE_SUBSIDY, QJ_PERSON, "2023-12-31", "2026-03-20")).toMatchObject({ ok: false, reasons: [{ code: "KIND_NOT_AVAILABLE" }] });
    expect(checkFiling(kinds.QJ_SPECIAL_CARE_SUBSIDY, QJ_PERSON, "2024-01-01", "2026-03-20")).toEqual({ ok: true });
    expect(checkFiling(kinds.INPATIENT_ASSISTANCE, YQ_PERSON, "2026-03-21", "2026-03-20")).toMatchObject({ ok: false, reasons: [{ code: "BILL_DATE_IN_FUTURE" }] });
  });

  it("identity and enrolment are those of the bill's date", () => {
    const lapsed = person({ identities: [{ type: "SUBSISTENCE", from: "2021-01-01", to: "2026-01-31" }] });
    expect(checkFiling(kinds.INPATIENT_ASSISTANCE, lapsed, "2026-01-31", "2026-03-20")).toEqual({ ok: true });
    expect(checkFiling(kinds.INPATIENT_ASSISTANCE, lapsed, "2026-02-01", "2026-03-20")).toMatchObject({
      ok: false,
      reasons: [{ code: "NOT_ELIGIBLE_IDENTITY", message: "结算日不具备该待遇要求的身份", citation: { document: "YQ-JZ-2019", article: "§4(2)2–3" } }],
    });
    const notEnrolled = person({ insurance: [{ scheme: "RESIDENT", from: "2026-03-01", to: null }] });
    expect(checkFiling(kinds.INPATIENT_ASSISTANCE, notEnrolled, "2026-02-20", "2026-03-20")).toMatchObject({ ok: false, reasons: [{ code: "NOT_ENROLLED", citation: { document: "YQ-JZ-2019", article: "§4(1)" } }] });
  });

  it("outpatient assistance is for 特困 and 低保, or anyone insured with Gaucher or Pompe disease", () => {
    const lowIncome = person({ identities: [{ type: "LOW_INCOME", from: "2021-01-01", to: null }] });
    expect(checkFiling(kinds.OUTPATIENT_ASSISTANCE, lowIncome, "2026-02-20", "2026-03-20")).toMatchObject({ ok: false, reasons: [{ code: "NOT_ELIGIBLE_IDENTITY" }] });
    expect(checkFiling(kinds.OUTPATIENT_ASSISTANCE, lowIncome, "2026-02-20", "2026-03-20", { diagnoses: ["GAUCHER"] })).toEqual({ ok: true });
    // Inpatient: a low-income person may have a quota stay (YQ-JZ-2019 §4(2)4).
    expect(checkFiling(kinds.INPATIENT_ASSISTANCE, lowIncome, "2026-02-20", "2026-03-20")).toEqual({ ok: true });
  });

  it("the Qijiang subsidy: an Art. 2 identity, rural veterans from 60", () => {
    const rural = { ...QJ_PERSON, birthDate: "1966-02-21", identities: [{ type: "VETERAN_RURAL" as const, from: "2000-01-01", to: null }] };
    expect(checkFiling(kinds.QJ_SPECIAL_CARE_SUBSIDY, rural, "2026-02-20", "2026-03-20")).toMatchObject({ ok: false, reasons: [{ code: "AGE_BELOW_MINIMUM", citation: { document: "QJ-YF-2023", article: "Art. 2, Art. 8(2)" } }] });
    expect(checkFiling(kinds.QJ_SPECIAL_CARE_SUBSIDY, rural, "2026-02-21", "2026-03-20")).toEqual({ ok: true });
    const none = { ...QJ_PERSON, identities: [{ type: "VETERAN" as const, from: "2000-01-01", to: null }] };
    expect(checkFiling(kinds.QJ_SPECIAL_CARE_SUBSIDY, none, "2026-02-20", "2026-03-20")).toMatchObject({ ok: false, reasons: [{ code: "NOT_ELIGIBLE_IDENTITY" }] });
  });
});

describe("checkFiling: the one-off window", () => {
  const lowIncome = person({ identities: [{ type: "LOW_INCOME", from: "2025-06-01", to: "2025-06-30" }] });

  it("opens on 1 January and closes at the end of February of the next year (the library's month), leap years included", () => {
    expect(oneOffWindow(2025, 2)).toEqual({ from: "2026-01-01", to: "2026-02-28" });
    expect(oneOffWindow(2027, 2)).toEqual({ from: "2028-01-01", to: "2028-02-29" });
    expect(checkFiling(kinds.ONE_OFF_ASSISTANCE, lowIncome, "2025-08-10", "2026-01-01")).toEqual({ ok: true });
    expect(checkFiling(kinds.ONE_OFF_ASSISTANCE, lowIncome, "2025-08-10", "2026-02-28")).toEqual({ ok: true });
    expect(checkFiling(kinds.ONE_OFF_ASSISTANCE, lowIncome, "2025-08-10", "2026-03-01")).toMatchObject({
      ok: false,
      reasons: [{ code: "OUTSIDE_APPLICATION_WINDOW", message: "申请日期不在受理期内（次年1月1日至2月底）", citation: { document: "YQ-JZ-2019", article: "§4(2)3" } }],
    });
    expect(checkFiling(kinds.ONE_OFF_ASSISTANCE, lowIncome, "2025-08-10", "2025-12-31")).toMatchObject({ ok: false, reasons: [{ code: "ONE_OFF_PAST_YEAR_ONLY" }, { code: "OUTSIDE_APPLICATION_WINDOW" }] });
  });

  it("before the bills, the form already says why outside the window", () => {
    expect(checkFiling(kinds.ONE_OFF_ASSISTANCE, lowIncome, null, "2026-02-15")).toEqual({ ok: true });
    expect(checkFiling(kinds.ONE_OFF_ASSISTANCE, lowIncome, null, "2026-03-01")).toMatchObject({ ok: false, reasons: [{ code: "OUTSIDE_APPLICATION_WINDOW" }] });
  });

  it("the identity held on any day of the year counts; once a year; enrolled on the application day", () => {
    expect(checkFiling(kinds.ONE_OFF_ASSISTANCE, YQ_PERSON, "2025-08-10", "2026-02-01")).toMatchObject({ ok: false, reasons: [{ code: "NOT_ELIGIBLE_IDENTITY" }] });
    expect(checkFiling(kinds.ONE_OFF_ASSISTANCE, lowIncome, "2025-08-10", "2026-02-01", { oneOffDecidedForYear: true })).toMatchObject({ ok: false, reasons: [{ code: "ALREADY_PAID_THIS_YEAR" }] });
    const lapsedInsurance = { ...lowIncome, insurance: [{ scheme: "RESIDENT" as const, from: "2020-01-01", to: "2025-12-31" }] };
    expect(checkFiling(kinds.ONE_OFF_ASSISTANCE, lapsedInsurance, "2025-08-10", "2026-02-01")).toMatchObject({ ok: false, reasons: [{ code: "NOT_ENROLLED" }] });
  });
});

describe("low-income recognition", () => {
  it("is refused to someone who already holds the identity", () => {
    const held = person({ identities: [{ type: "LOW_INCOME", from: "2025-01-01", to: null }] });
    expect(checkFiling(kinds.LOW_INCOME_RECOGNITION, held, "2026-02-20", "2026-03-20")).toMatchObject({ ok: false, reasons: [{ code: "IDENTITY_ALREADY_HELD", citation: { article: "§4(1)3" } }] });
    expect(checkFiling(kinds.LOW_INCOME_RECOGNITION, person({ identities: [] }), "2026-02-20", "2026-03-20")).toEqual({ ok: true });
  });

  it("the thresholds come from the library: 20,000 in one bill or 50,000 in the year, each figure itself included", () => {
    const check = (costs: bigint[]) => checkRecognitionThreshold("CN-SX-YQ", "2026-03-20", costs)?.met;
    expect(check([yuan(20000)])).toBe(true);
    expect(check([yuan(20000) - 1n])).toBe(false);
    expect(check([yuan(19999), yuan(19999), yuan(10002)])).toBe(true);
    expect(check([yuan(19999), yuan(19999), yuan(10001)])).toBe(false);
    expect(checkRecognitionThreshold("CN-SX-YQ", "2026-03-20", [])).toMatchObject({ singleBillThreshold: yuan(20000), annualThreshold: yuan(50000), citation: { document: "YQ-JZ-2019", article: "§4(1)3" } });
    expect(checkRecognitionThreshold("CN-CQ-QJ", "2026-03-20", [yuan(60000)])).toBeNull();
  });
});
