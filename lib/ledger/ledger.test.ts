import { describe, expect, it } from "vitest";
import type { Claim } from "@/lib/rules/domain";
import { formatYuan, yuan } from "@/lib/rules/money";
import { YQ_PERSON } from "@/lib/workflow/workflow-fixtures";
import { computeAgainst } from "./ledger";

const stay = (id: string, date: string, amount: number): Claim => ({
  id,
  type: "INPATIENT",
  date,
  admitted: date,
  hospital: { level: 2, priceClass: 2, runBy: "COUNTY", public: true, province: "SX" },
  route: "LOCAL",
  diagnoses: [],
  items: [{ fee: "OTHER", class: "A", amount: yuan(amount) }],
});

describe("computeAgainst", () => {
  it("threads the accumulators bill by bill: the second bill starts where the first ended", () => {
    const computation = computeAgainst("INPATIENT_ASSISTANCE", YQ_PERSON, [stay("a", "2026-03-01", 100_000), stay("b", "2026-04-01", 100_000)], {});
    expect(computation.bills[1]?.before).toEqual(computation.bills[0]?.result.accumulatorsAfter);
    expect(computation.bills.map((bill) => formatYuan(bill.payable))).toEqual(["10500.00", "4500.00"]);
    expect(formatYuan(computation.total)).toBe("15000.00");
    expect(computation.entitlement).toBeNull();
  });

  it("pays the one-off kind the rules module's entitlement on the year's bills, carried on the last bill", () => {
    const bills = [stay("a", "2025-05-01", 150_000), stay("b", "2025-09-01", 150_000)];
    const person = { ...YQ_PERSON, identities: [{ type: "ILLNESS_POVERTY" as const, from: "2024-01-01", to: null }] };
    const inWindow = computeAgainst("ONE_OFF_ASSISTANCE", person, bills, {}, { appliedOn: "2026-01-15" });
    expect(inWindow.entitlement?.eligible).toBe(true);
    expect(inWindow.total).toBe(inWindow.entitlement?.amount);
    expect(inWindow.total).toBeGreaterThan(0n);
    expect(inWindow.bills.map((bill) => bill.payable)).toEqual([0n, inWindow.total]);
    const late = computeAgainst("ONE_OFF_ASSISTANCE", person, bills, {}, { appliedOn: "2026-03-15" });
    expect(late.total).toBe(0n);
    expect(late.entitlement?.reasons.map((reason) => reason.code)).toContain("OUTSIDE_APPLICATION_WINDOW");
  });
});
