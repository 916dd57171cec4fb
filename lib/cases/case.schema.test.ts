import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { BILL_FIELD_LABELS, billInputSchema, CASE_FIELD_LABELS, caseFieldLabel, createCaseSchema, rejectCaseSchema } from "./case.schema";

type Messages = Record<string, unknown>;

function lookup(messages: Messages, key: string): string | undefined {
  const value = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Messages)[part] : undefined), messages);
  return typeof value === "string" ? value : undefined;
}

function translator(messages: Messages) {
  return (key: string, values: Record<string, string | number> = {}) => (lookup(messages, key) ?? `!${key}`).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}

const bill = {
  hospitalId: "00000000-0000-4000-8000-000000000001",
  type: "INPATIENT",
  admitted: "2026-01-02",
  date: "2026-01-10",
  route: "LOCAL",
  diagnoses: "I63, C34",
  items: [{ fee: "OTHER", class: "A", amount: "100.10" }, { fee: "BED", class: "B_SERVICE", amount: "20", days: "2" }],
  total: "120.10",
};

describe("case form schemas", () => {
  it("label every field and every message key in both languages", () => {
    const keys = [...Object.values(CASE_FIELD_LABELS), ...Object.values(BILL_FIELD_LABELS), "cases.field.unknown", "cases.billFieldAt.bill", "cases.billFieldAt.item", "cases.conflict"];
    for (const key of keys) {
      expect(lookup(zh, key), key).toMatch(/[\u4e00-\u9fff]/);
      expect(lookup(en, key), key).toBeTypeOf("string");
    }
  });

  it("name a bill's field by the bill's and the item's number", () => {
    const t = translator(zh);
    expect(caseFieldLabel(["bills", 0, "total"], t)).toBe("第1张单据的合计金额");
    expect(caseFieldLabel(["bills", 1, "items", 2, "amount"], t)).toBe("第2张单据第3行明细的金额");
    expect(caseFieldLabel(["investigators"], t)).toBe("调查人员");
  });

  it("parse a bill as typed, and refuse a total that does not add up, a discharge before admission and three decimals", () => {
    expect(billInputSchema.parse(bill)).toMatchObject({ diagnoses: ["I63", "C34"], items: [{ amount: "100.10" }, { amount: "20", days: 2 }] });
    const issues = (input: object) => billInputSchema.safeParse({ ...bill, ...input }).error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`) ?? [];
    expect(issues({ total: "120.11" })).toEqual(["total:cases.validation.totalMismatch"]);
    expect(issues({ admitted: "2026-01-11" })).toEqual(["date:cases.validation.dischargeBeforeAdmission"]);
    expect(issues({ total: "120.100" })).toEqual(["total:validation.amount"]);
    expect(issues({ items: [{ fee: "OTHER", class: "A", amount: "1.001" }] })).toEqual(["items.0.amount:validation.amount"]);
    expect(issues({ date: "2999-01-01" })).toContain("date:cases.validation.dateInFuture");
  });

  it("read bills sent as one JSON field and reasons as repeated select values", () => {
    const parsed = createCaseSchema.parse({ personId: bill.hospitalId, kind: "INPATIENT_ASSISTANCE", bills: JSON.stringify([bill]) });
    expect(parsed.bills).toHaveLength(1);
    expect(createCaseSchema.safeParse({ personId: bill.hospitalId, kind: "INPATIENT_ASSISTANCE", bills: "{not json" }).success).toBe(false);
    const reject = rejectCaseSchema.parse({ caseId: bill.hospitalId, version: "3", reasons: ["reviewer:OBJECTION_UPHELD", "rules:NOT_ELIGIBLE_IDENTITY"], note: "" });
    expect(reject).toMatchObject({ version: 3, reasons: [{ source: "reviewer", code: "OBJECTION_UPHELD" }, { source: "rules", code: "NOT_ELIGIBLE_IDENTITY" }] });
    expect(rejectCaseSchema.safeParse({ caseId: bill.hospitalId, version: "3", reasons: "", note: "" }).error?.issues[0]?.message).toBe("cases.validation.reasonRequired");
  });
});
