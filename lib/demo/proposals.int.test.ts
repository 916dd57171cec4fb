import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db";
import { seedDemoData } from "./insert";
import { seedDemoProposals } from "./proposals";

let db: Db;
beforeAll(async () => {
  db = createPrisma();
  await seedDemoData(db);
});
afterAll(() => db?.$disconnect());

describe("seedDemoProposals", () => {
  it("proposes through the commands (a pending one in each county, a rejected one), then skips", async () => {
    expect(await seedDemoProposals(db)).toEqual({ status: "seeded", proposals: 3 });
    const rows = await db.identityProposal.findMany({ select: { state: true, bureau: true, proposedBy: true, decisionNote: true }, orderBy: { proposedAt: "asc" } });
    expect(rows.map((r) => [r.proposedBy, r.state, r.bureau])).toEqual([
      ["yx-clerk", "PENDING", "CIVIL_AFFAIRS"],
      ["yx-clerk", "REJECTED", "CIVIL_AFFAIRS"],
      ["qj-clerk", "PENDING", "CIVIL_AFFAIRS"],
    ]);
    expect(await db.auditLog.count({ where: { action: "identity.propose" } })).toBe(3);
    expect(await seedDemoProposals(db)).toMatchObject({ status: "skipped" });
    expect(await db.identityProposal.count()).toBe(3);
  });
});
