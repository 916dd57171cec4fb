import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, StateError } from "@/lib/errors";
import { resetPassword } from "@/lib/users/reset-password";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("resetPassword", () => {
  it("sets the password, unlocks, asks for a new one, and audits without the secret", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    const { user } = await makeUser(db, "TOWNSHIP_REVIEWER", home.townA);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 3 } });
    await resetPassword(db, actor, { id: user.id, password: "Fresh-pass-9" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ lockedUntil: null, failedLoginCount: 0, mustChangePassword: true });
    expect(await verifyPassword("Fresh-pass-9", row.passwordHash)).toBe(true);
    const audit = await lastAudit(db, "user.resetPassword");
    expect(audit).toMatchObject({ entityId: user.id, before: { locked: true }, after: { locked: false, mustChangePassword: true } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("Fresh-pass-9");
  });

  it("is refused by role, by region and for a deactivated account, writing nothing", async () => {
    const { actor: admin } = await makeUser(db, "ADMIN", home.county);
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { user } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { user: foreign } = await makeUser(db, "TOWNSHIP_CLERK", away.townA);
    const { user: inactive } = await makeUser(db, "TOWNSHIP_CLERK", home.townB);
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    await expectRefused(db, () => resetPassword(db, clerk, { id: user.id, password: "Fresh-pass-9" }), ForbiddenError, { audited: true });
    await expectRefused(db, () => resetPassword(db, admin, { id: foreign.id, password: "Fresh-pass-9" }), NotFoundError, { audited: true });
    await expectRefused(db, () => resetPassword(db, admin, { id: inactive.id, password: "Fresh-pass-9" }), StateError, { audited: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: foreign.id } });
    expect(row.passwordHash).toBe(foreign.passwordHash);
  });
});
