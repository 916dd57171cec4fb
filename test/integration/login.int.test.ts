import { randomInt } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { verifyLogin } from "@/lib/auth/login";
import { fitsBcrypt, hashPassword, verifyPassword } from "@/lib/auth/password";
import { ADDRESS_THROTTLE_FAILURES, LOCKOUT_THRESHOLD } from "@/lib/auth/security-settings";
import { createPrisma } from "@/lib/db";
import { cleanDatabase } from "./clean-database";
import { makeRegionTree, makeUser } from "./factories";

const db = createPrisma();
let regions: Awaited<ReturnType<typeof makeRegionTree>>;

/** A client address of its own for each call, so that the address throttle of one test does not reach another. */
let addresses = 0;
const address = () => {
  addresses += 1;
  return `10.0.${Math.floor(addresses / 256) % 256}.${addresses % 256}`;
};

// Every test starts from an empty database: counts of audit rows below are then exact.
beforeEach(async () => {
  await cleanDatabase();
  regions = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("verifyLogin", () => {
  it("accepts the right password and records it in the audit log", async () => {
    const { user, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    const result = await verifyLogin(db, { username: user.username, password, address: address() });
    expect(result.ok).toBe(true);
    const rows = await db.auditLog.findMany({ where: { entityId: user.id, action: "auth.login.success" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorName).toBe(user.username);
  });

  it("locks after repeated failures, then refuses even the right password with the usual answer", async () => {
    const { user, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    const from = address();
    const now = new Date();
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      expect(await verifyLogin(db, { username: user.username, password: "wrong", address: from }, now)).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await verifyLogin(db, { username: user.username, password, address: from }, now)).toEqual({ ok: false, reason: "INVALID" });
    const later = new Date(now.getTime() + 16 * 60_000);
    expect((await verifyLogin(db, { username: user.username, password, address: from }, later)).ok).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "auth.lockout" } })).toBe(1);
    const locked = await db.auditLog.findMany({ where: { entityId: user.id, action: "auth.login.locked" } });
    expect(locked.map((r) => [r.regionCode, r.after])).toEqual([[regions.townA, { address: from, passwordMatched: true }]]);
  });

  it("counts 20 parallel wrong passwords once each: the account ends locked after exactly the threshold", async () => {
    const { user, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => verifyLogin(db, { username: user.username, password: `wrong-${i}`, address: address() })),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil).not.toBeNull();
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "auth.login.failure" } })).toBe(LOCKOUT_THRESHOLD - 1);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "auth.lockout" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "auth.login.locked" } })).toBe(20 - LOCKOUT_THRESHOLD);
    expect(await verifyLogin(db, { username: user.username, password, address: address() })).toEqual({ ok: false, reason: "INVALID" });
  });

  it("answers an unknown username exactly like a wrong password, audited with the bounded name", async () => {
    const name = `nobody-${randomInt(1e9)}`;
    expect(await verifyLogin(db, { username: name, password: "whatever", address: address() })).toEqual({ ok: false, reason: "INVALID" });
    const rows = await db.auditLog.findMany({ where: { entityId: name, action: "auth.login.failure" } });
    expect(rows.map((r) => [r.actorType, r.regionCode])).toEqual([["ANONYMOUS", null]]);
  });

  it("refuses a deactivated user like a wrong password, audited in the account's region", async () => {
    const { user, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await verifyLogin(db, { username: user.username, password, address: address() })).toEqual({ ok: false, reason: "INVALID" });
    const rows = await db.auditLog.findMany({ where: { entityId: user.id, action: "auth.login.inactive" } });
    expect(rows.map((r) => r.regionCode)).toEqual([regions.townA]);
  });

  it("throttles one client address across accounts, and audits the crossing once", async () => {
    const from = address();
    const { user, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    for (let i = 0; i < ADDRESS_THROTTLE_FAILURES; i++) {
      expect(await verifyLogin(db, { username: `guess-${i}-${randomInt(1e9)}`, password: "x", address: from })).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await verifyLogin(db, { username: user.username, password, address: from })).toEqual({ ok: false, reason: "THROTTLED" });
    expect(await verifyLogin(db, { username: user.username, password, address: from })).toEqual({ ok: false, reason: "THROTTLED" });
    expect((await verifyLogin(db, { username: user.username, password, address: address() })).ok).toBe(true);
    const rows = await db.auditLog.findMany({ where: { action: "auth.login.throttled", after: { path: ["address"], equals: from } } });
    expect(rows).toHaveLength(1);
  });

  it("takes the same time for an unknown name as for a real one (within 2× over 20 tries)", async () => {
    const { user } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    await verifyLogin(db, { username: "warm-up-unknown", password: "x", address: address() });
    const time = async (username: string) => {
      const start = performance.now();
      for (let i = 0; i < 10; i++) await verifyLogin(db, { username, password: `wrong-${i}`, address: address() });
      return performance.now() - start;
    };
    let real = 0;
    let unknown = 0;
    // Interleaved, so that a load spike on the shared machine hits both alike; 2 × 10 tries each.
    for (let round = 0; round < 2; round++) {
      await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
      unknown += await time(`unknown-${randomInt(1e9)}`);
      real += await time(user.username);
    }
    console.info(`[timing] 20 sign-ins: unknown name ${unknown.toFixed(0)} ms, real name ${real.toFixed(0)} ms`);
    expect(Math.max(real, unknown) / Math.min(real, unknown)).toBeLessThan(2);
  });

  it("fails loudly, not as a wrong password, when the database refuses to write", async () => {
    const { user, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.searchParams.set("options", "-c default_transaction_read_only=on");
    const readOnly = createPrisma(url.toString());
    try {
      await expect(verifyLogin(readOnly, { username: user.username, password, address: address() })).rejects.toThrow(/read-only/);
      await expect(verifyLogin(readOnly, { username: user.username, password: "wrong", address: address() })).rejects.toThrow(/read-only/);
    } finally {
      await readOnly.$disconnect();
    }
  });
});

describe("passwords", () => {
  it("refuse more than bcrypt reads: two long passwords sharing 72 bytes do not match", async () => {
    const shared = "长".repeat(24); // 72 bytes
    expect(fitsBcrypt(shared)).toBe(true);
    expect(fitsBcrypt(`${shared}a`)).toBe(false);
    await expect(hashPassword(`${shared}甲`)).rejects.toThrow();
    const hash = await hashPassword(shared);
    expect(await verifyPassword(`${shared}乙`, hash)).toBe(false);
    expect(await verifyPassword(shared, hash)).toBe(true);
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
