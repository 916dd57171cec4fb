import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
let n = 0;
const input = (regionCode: string, role: Role = "TOWNSHIP_CLERK") => ({ username: `cu-${Date.now().toString(36)}-${(n += 1)}`, displayName: "新用户", role, regionCode, password: "Start-pass-1" });

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("createUser", () => {
  it("creates the account and its audit row in one go", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    const data = input(home.townA);
    const created = await createUser(db, actor, data, { requestId: "req-1" });
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ username: data.username, role: "TOWNSHIP_CLERK", regionCode: home.townA, mustChangePassword: true });
    const audit = await lastAudit(db, "user.create");
    expect(audit).toMatchObject({ actorId: actor.id, actorType: "USER", entityId: created.id, regionCode: home.townA, requestId: "req-1" });
    expect(audit.after).toEqual({ username: data.username, displayName: "新用户", role: "TOWNSHIP_CLERK", regionCode: home.townA, active: true });
  });

  it("is refused to a role that does not manage users", async () => {
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    await expectRefused(db, () => createUser(db, actor, input(home.townA)), ForbiddenError, { audited: true });
  });

  it("is refused for a region outside the administrator's county", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    await expectRefused(db, () => createUser(db, actor, input(away.townA)), NotFoundError, { audited: true });
  });

  it("is refused when the region does not fit the role, or the name is taken (the state of the register)", async () => {
    const { actor, user } = await makeUser(db, "ADMIN", home.county);
    await expectRefused(db, () => createUser(db, actor, input(home.county, "TOWNSHIP_CLERK")), DomainError, { audited: false });
    await expectRefused(db, () => createUser(db, actor, { ...input(home.townA), username: user.username }), DomainError, { audited: false });
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    await expectRefused(db, () => createUser(db, actor, { ...input(home.townA), username: "X", password: "short" }), ValidationError, { audited: false });
    const error = await createUser(db, actor, { ...input(home.townA), username: "X", password: "short" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect([...new Set((error as ValidationError).issues.map((i) => i.path[0]))].sort()).toEqual(["password", "username"]);
  });

  it("runs inside a caller's transaction and rolls back with it", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    const data = input(home.townB);
    await expect(db.$transaction(async (tx) => {
      await createUser(tx, actor, data);
      throw new Error("the caller fails after the command");
    })).rejects.toThrow("the caller fails");
    expect(await db.user.findUnique({ where: { username: data.username } })).toBeNull();
  });
});
