import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/audit.queries";
import { exportAudit } from "@/lib/audit/export-audit";
import { writeAudit } from "@/lib/audit/write-audit";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { makeRegionTree, makeUser } from "./factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("audit filters and export", () => {
  it("export the actor's county (and deployment-wide rows) with the page's filters, and audit the export", async () => {
    const { actor: auditor } = await makeUser(db, "AUDITOR", home.county);
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { actor: stranger } = await makeUser(db, "TOWNSHIP_CLERK", away.townA);
    await db.$transaction(async (tx) => {
      await writeAudit(tx, clerk, { action: "auth.logout", entityId: clerk.id, regionCode: home.townA });
      await writeAudit(tx, stranger, { action: "auth.logout", entityId: stranger.id, regionCode: away.townA });
    });
    const rows = await exportAudit(db, auditor, { actor: clerk.username, action: "auth.logout", from: "2026-01-01" });
    expect(rows.map((r) => r.actorName)).toEqual([clerk.username]);
    expect(await exportAudit(db, auditor, { actor: stranger.username })).toEqual([]);
    const exports = await db.auditLog.findMany({ where: { actorId: auditor.id, action: "audit.export" }, orderBy: { id: "asc" } });
    expect(exports.map((r) => [r.regionCode, r.after])).toEqual([
      [home.county, { filter: { actor: clerk.username, action: "auth.logout", from: "2026-01-01" }, rows: 1 }],
      [home.county, { filter: { actor: stranger.username }, rows: 0 }],
    ]);
    const page = await listAudit(auditor, 1, { action: "audit.export", actor: auditor.username });
    expect(page.total).toBe(2);
    expect((await listAudit(auditor, 1, { action: "auth.logout", to: "2020-01-01", from: "2020-01-01" })).total).toBe(0);
  });

  it("refuse a role without audit:export (audited) and a filter that makes no sense", async () => {
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { actor: auditor } = await makeUser(db, "AUDITOR", home.county);
    await expect(exportAudit(db, clerk, {})).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditLog.count({ where: { actorId: clerk.id, action: "access.refused" } })).toBe(1);
    await expect(exportAudit(db, auditor, { from: "2026-02-30" })).rejects.toBeInstanceOf(ValidationError);
    await expect(exportAudit(db, auditor, { from: "2026-03-01", to: "2026-02-01" })).rejects.toBeInstanceOf(ValidationError);
    await expect(exportAudit(db, auditor, { action: "user.delete" })).rejects.toBeInstanceOf(ValidationError);
  });
});
