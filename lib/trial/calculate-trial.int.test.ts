import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { calculateTrial } from "@/lib/trial/calculate-trial";
import { expectRefused } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;

beforeAll(async () => {
  home = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

const form = {
  jurisdiction: "CN-SX-YQ", birthDate: "1950-03-01", sex: "M", identities: "SUBSISTENCE", identitiesFrom: "2024-01-01", insured: "on",
  claimType: "INPATIENT", date: "2025-06-10", admitted: "2025-06-01", hospitalLevel: "2", priceClass: "2", runBy: "COUNTY", publicHospital: "on",
  province: "SX", route: "LOCAL", diagnoses: "", item_fee_0: "OTHER", item_class_0: "A", item_amount_0: "10000.00",
};

describe("calculateTrial", () => {
  it("computes through the rules module and writes nothing", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const before = await db.auditLog.count();
    const worksheet = await calculateTrial(db, actor, form);
    expect(JSON.stringify(worksheet)).toContain("YQ-JZ-2019");
    expect(await db.auditLog.count()).toBe(before);
  });

  it("is refused to a role without trial calculation, and for bad input", async () => {
    const { actor: auditor } = await makeUser(db, "AUDITOR", home.county);
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    await expectRefused(db, () => calculateTrial(db, auditor, form), ForbiddenError, { audited: true });
    await expectRefused(db, () => calculateTrial(db, clerk, { ...form, date: "2025-13-40" }), ValidationError, { audited: false });
  });
});
