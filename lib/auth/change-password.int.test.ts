import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { createPrisma } from "@/lib/db";
import { DomainError, ForbiddenError, ValidationError } from "@/lib/errors";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;

beforeAll(async () => {
  home = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("changePassword", () => {
  it("changes the actor's own password, clears the admin's prompt and audits it", async () => {
    const { actor, user, password } = await makeUser(db, "FINANCE", home.county);
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    await changePassword(db, actor, { current: password, next: "Another-pass-2", confirm: "Another-pass-2" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("Another-pass-2", row.passwordHash)).toBe(true);
    expect(row.mustChangePassword).toBe(false);
    expect(row.passwordChangedAt.getTime()).toBeGreaterThan(user.passwordChangedAt.getTime());
    expect(await lastAudit(db, "user.changePassword")).toMatchObject({ entityId: user.id, actorId: user.id, regionCode: home.county });
  });

  it("is refused with the wrong current password, a mismatch, or for a job, writing nothing", async () => {
    const { actor, password } = await makeUser(db, "AUDITOR", home.county);
    await expectRefused(db, () => changePassword(db, actor, { current: "Wrong-pass-1", next: "Another-pass-2", confirm: "Another-pass-2" }), DomainError, { audited: false });
    await expectRefused(db, () => changePassword(db, actor, { current: password, next: "Another-pass-2", confirm: "Other-pass-3" }), ValidationError, { audited: false });
    const job = systemActor("test", "job-1", { code: home.county, path: home.paths[home.county] ?? "" });
    await expectRefused(db, () => changePassword(db, job, { current: password, next: "Another-pass-2", confirm: "Another-pass-2" }), ForbiddenError, { audited: true });
  });
});
