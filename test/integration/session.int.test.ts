import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { endExpiredSession, logout } from "@/lib/auth/logout";
import { CURRENT_PASSWORD_FAILURES, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/security-settings";
import { sessionStanding } from "@/lib/auth/session-standing";
import { createPrisma } from "@/lib/db";
import { PasswordChangeRequiredError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { makeRegionTree, makeUser } from "./factories";

const db = createPrisma();
let regions: Awaited<ReturnType<typeof makeRegionTree>>;

beforeAll(async () => {
  regions = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

async function claimsFor(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { uid: user.id, pwdAt: user.passwordChangedAt.getTime(), sv: user.sessionVersion, loginAt: Date.now() };
}

async function standingOf(claims: Awaited<ReturnType<typeof claimsFor>>, now = Date.now()) {
  return sessionStanding(claims, await db.user.findUnique({ where: { id: claims.uid } }), now);
}

describe("logout", () => {
  it("revokes the session on the server: the old cookie's claims no longer stand, and it is audited", async () => {
    const { user, actor } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    const claims = await claimsFor(user.id);
    expect(await standingOf(claims)).toBe("valid");
    await logout(db, actor, {});
    expect(await standingOf(claims)).toBe("revoked");
    const rows = await db.auditLog.findMany({ where: { entityId: user.id, action: "auth.logout" } });
    expect(rows.map((r) => r.regionCode)).toEqual([regions.townA]);
  });
});

describe("session expiry", () => {
  it("is audited once and revokes the session, however many requests bring the expired cookie", async () => {
    const { user } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    const claims = { ...(await claimsFor(user.id)), loginAt: Date.now() - SESSION_MAX_AGE_SECONDS * 1000 - 1 };
    expect(await standingOf(claims)).toBe("expired");
    await Promise.all([endExpiredSession(db, claims), endExpiredSession(db, claims), endExpiredSession(db, claims)]);
    expect(await standingOf(claims)).toBe("revoked");
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "auth.session.expired" } })).toBe(1);
  });
});

describe("a password the administrator set", () => {
  it("confines its holder: any command but their own account's is refused, and the refusal audited", async () => {
    const { user, actor } = await makeUser(db, "ADMIN", regions.county);
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const confined = { ...actor, mustChangePassword: true };
    const input = { username: `new-${Date.now().toString(36)}`, displayName: "新用户", role: "TOWNSHIP_CLERK" as const, regionCode: regions.townA, password: "Fresh-pass-1" };
    await expect(createUser(db, confined, input)).rejects.toBeInstanceOf(PasswordChangeRequiredError);
    expect(await db.user.count({ where: { username: input.username } })).toBe(0);
    const refused = await db.auditLog.findMany({ where: { actorId: user.id, action: "access.refused" } });
    expect(refused.map((r) => r.after)).toEqual([{ action: "user:create", refusal: "permission" }]);
    const result = await changePassword(db, confined, { current: "Test-pass-1", next: "Changed-pass-2", confirm: "Changed-pass-2" });
    expect(result).toEqual({ changed: true, username: user.username });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
  });
});

describe("the current-password check", () => {
  it("counts and audits each wrong guess, then refuses even the right one", async () => {
    const { user, actor, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    const attempt = (current: string) => changePassword(db, actor, { current, next: "Changed-pass-2", confirm: "Changed-pass-2" });
    const wrong = await Promise.all(Array.from({ length: CURRENT_PASSWORD_FAILURES }, (_, i) => attempt(`Guess-${i}-x`)));
    expect(wrong.every((r) => !r.changed)).toBe(true);
    await expect(attempt(password)).rejects.toMatchObject({ key: "account.tooManyAttempts" });
    const rows = await db.auditLog.findMany({ where: { entityId: user.id, action: "account.currentPasswordWrong" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.after)).toEqual(Array.from({ length: CURRENT_PASSWORD_FAILURES }, (_, i) => ({ failures: i + 1 })));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });
});
