import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createPrisma } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { updateUser } from "@/lib/users/update-user";
import { updateUserSchema } from "@/lib/users/users.schema";
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

type Edit = z.input<typeof updateUserSchema>;
const edit = (u: { id: string; version: number }, patch: Partial<Edit> = {}): Edit => ({
  id: u.id, version: String(u.version), displayName: "改名", role: "TOWNSHIP_CLERK", regionCode: home.townB, active: "true", ...patch,
});

describe("updateUser", () => {
  it("changes the user, bumps its version and audits before and after", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    const { user } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    await updateUser(db, actor, edit(user));
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ displayName: "改名", regionCode: home.townB, version: user.version + 1 });
    const audit = await lastAudit(db, "user.update");
    expect(audit).toMatchObject({ entityId: user.id, actorId: actor.id });
    expect(audit.before).toMatchObject({ regionCode: home.townA, displayName: "测试" });
    expect(audit.after).toMatchObject({ regionCode: home.townB, displayName: "改名" });
  });

  it("is refused to another role, and for a user of another county as if it did not exist", async () => {
    const { actor: bureau } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { actor: admin } = await makeUser(db, "ADMIN", home.county);
    const { user } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { user: foreign } = await makeUser(db, "TOWNSHIP_CLERK", away.townA);
    await expectRefused(db, () => updateUser(db, bureau, edit(user)), ForbiddenError, { audited: true });
    await expectRefused(db, () => updateUser(db, admin, edit(foreign, { regionCode: away.townB })), NotFoundError, { audited: true });
    await expectRefused(db, () => updateUser(db, admin, edit(user, { regionCode: away.townB })), NotFoundError, { audited: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: foreign.id } })).regionCode).toBe(away.townA);
  });

  it("is refused on a stale version: of two admins editing at once, exactly one wins", async () => {
    const { actor: a } = await makeUser(db, "ADMIN", home.county);
    const { actor: b } = await makeUser(db, "ADMIN", home.county);
    const { user } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const results = await Promise.allSettled([updateUser(db, a, edit(user, { displayName: "甲" })), updateUser(db, b, edit(user, { displayName: "乙" }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(ConflictError);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).version).toBe(user.version + 1);
    await expectRefused(db, () => updateUser(db, a, edit(user)), ConflictError, { audited: false });
  });

  it("does not let an administrator deactivate themselves", async () => {
    const { actor, user } = await makeUser(db, "ADMIN", home.county);
    await expectRefused(db, () => updateUser(db, actor, edit(user, { role: "ADMIN", regionCode: home.county, active: "false" })), DomainError, { audited: false });
  });
});
