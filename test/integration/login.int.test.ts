import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { verifyLogin } from "@/lib/auth/login";
import { LOCKOUT_THRESHOLD } from "@/lib/auth/security-settings";
import { createPrisma } from "@/lib/db";
import { cleanDatabase } from "./clean-database";
import { makeRegionTree, makeUser } from "./factories";

const db = createPrisma();
let regions: Awaited<ReturnType<typeof makeRegionTree>>;

// Every test starts from an empty database: counts of audit rows below are then exact.
beforeEach(async () => {
  await cleanDatabase();
  regions = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("verifyLogin", () => {
  it("accepts the right password and records it in the audit log", async () => {
    const { user, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    const result = await verifyLogin(db, user.username, password);
    expect(result.ok).toBe(true);
    const rows = await db.auditLog.findMany({ where: { entityId: user.id, action: "auth.login.success" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorName).toBe(user.username);
  });

  it("locks after repeated failures, then refuses even the right password", async () => {
    const { user, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    const now = new Date();
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      expect(await verifyLogin(db, user.username, "wrong", now)).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await verifyLogin(db, user.username, "wrong", now)).toEqual({ ok: false, reason: "LOCKED" });
    expect(await verifyLogin(db, user.username, password, now)).toEqual({ ok: false, reason: "LOCKED" });
    const later = new Date(now.getTime() + 16 * 60_000);
    expect((await verifyLogin(db, user.username, password, later)).ok).toBe(true);
    const lockouts = await db.auditLog.count({ where: { entityId: user.id, action: "auth.lockout" } });
    expect(lockouts).toBe(1);
  });

  it("answers an unknown username exactly like a wrong password", async () => {
    expect(await verifyLogin(db, "nobody-here", "whatever")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("refuses a deactivated user", async () => {
    const { user, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await verifyLogin(db, user.username, password)).toEqual({ ok: false, reason: "INVALID" });
  });
});

describe("audit log", () => {
  it("is append-only: the database refuses to change or delete a row", async () => {
    const row = await db.auditLog.create({ data: { actorName: "it", action: "test", entity: "test", entityId: "1" } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("test");
  });
});
