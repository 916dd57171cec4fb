import { describe, expect, it } from "vitest";
import { parseCaseFile } from "@/lib/rules/case.schema";
import { claimResultJson, runCase } from "@/lib/rules/run-case";
import { toCaseFile, trialFormSchema } from "@/lib/trial/trial.schema";

const base = {
  jurisdiction: "CN-SX-YQ", birthDate: "1960-01-01", sex: "M", identitiesFrom: "2010-01-01", insured: "on",
  claimType: "INPATIENT", date: "2025-04-02", admitted: "2025-03-28", hospitalLevel: "2", priceClass: "3", runBy: "CITY",
  publicHospital: "on", province: "SX", route: "LOCAL", diagnoses: "", relation: "", cardAppliedOn: "", quota: "", memberPrice: "",
  settledInsurance: "", settledCriticalIllness: "", settledAssistance: "",
};

function compute(raw: Record<string, unknown>) {
  const input = trialFormSchema.parse(raw);
  const parsed = parseCaseFile(toCaseFile(input));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const claim = runCase(parsed.value).claims[0];
  if (!claim) throw new Error("no result");
  return claimResultJson(claim);
}

describe("trial form → case file → rules module", () => {
  it("reproduces golden case G02 (特困 inpatient) from form fields", () => {
    const out = compute({
      ...base,
      identities: "EXTREME_POVERTY",
      item_fee_0: "OTHER", item_class_0: "A", item_amount_0: "5000.00",
      item_fee_1: "OTHER", item_class_1: "B_SERVICE", item_amount_1: "1000.00",
      item_fee_2: "OTHER", item_class_2: "SELF_PAY", item_amount_2: "300.00",
      item_fee_3: "OTHER", item_class_3: "A", item_amount_3: "",
    });
    expect([out.gross, out.policyScope, out.insurance, out.assistance, out.personal]).toEqual(["6300.00", "5900.00", "4930.00", "970.00", "400.00"]);
  });

  it("reproduces G15 c1 (pharmacy card, 15 % after insurance)", () => {
    const out = compute({
      ...base, jurisdiction: "CN-SX-YQ", identities: ["VETERAN"], claimType: "PHARMACY", date: "2026-05-01", admitted: "",
      cardAppliedOn: "2026-03-01", settledInsurance: "80.00", item_fee_0: "OTHER", item_class_0: "A", item_amount_0: "200.00",
    });
    expect([out.card, out.personal]).toEqual(["18.00", "102.00"]);
  });

  it("refuses a form without any bill amount, an impossible date and an inpatient stay without admission", () => {
    const result = trialFormSchema.safeParse({ ...base, date: "2025-02-30", admitted: "", item_amount_0: "" });
    expect(result.success).toBe(false);
    const fields = result.success ? [] : result.error.issues.map((i) => String(i.path[0]));
    expect(fields).toEqual(expect.arrayContaining(["date", "items"]));
    const noAdmission = trialFormSchema.safeParse({ ...base, admitted: "", item_fee_0: "OTHER", item_class_0: "A", item_amount_0: "10.00" });
    expect(noAdmission.success ? [] : noAdmission.error.issues.map((i) => String(i.path[0]))).toContain("admitted");
  });

  it("refuses amounts with three decimals", () => {
    const result = trialFormSchema.safeParse({ ...base, item_fee_0: "OTHER", item_class_0: "A", item_amount_0: "12.345" });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join("."))).toContain("items.0.amount");
  });
});

describe("trial dates make sense", () => {
  const messages = (raw: Record<string, unknown>) => trialFormSchema.safeParse({ ...base, item_fee_0: "OTHER", item_class_0: "A", item_amount_0: "10.00", ...raw }).error?.issues.map((i) => i.message) ?? [];
  it("refuse year 0000, an admission before birth and a settlement after today", () => {
    expect(messages({ birthDate: "0000-01-01" })).toContain("validation.dateNotSensible");
    expect(messages({ birthDate: "2025-03-30" })).toContain("validation.admittedBeforeBirth");
    expect(messages({ date: "2999-01-01", admitted: "2998-12-30" })).toContain("validation.dateInFuture");
    expect(messages({})).toEqual([]);
  });
});
