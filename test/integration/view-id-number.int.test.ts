import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { viewIdNumber } from "@/lib/people/view-id-number";
import { makePerson, makeRegionTree, makeUser } from "./factories";

const db = createPrisma();
let regions: Awaited<ReturnType<typeof makeRegionTree>>;

beforeAll(async () => {
  regions = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("viewIdNumber", () => {
  it("shows the full number to a clerk of the person's township, and audits who saw whose", async () => {
    const person = await makePerson(db, regions.townA, "张三");
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    expect(await viewIdNumber(db, actor, { id: person.id })).toEqual({ idNumber: person.idNumber, birthDate: "1960-01-01" });
    const rows = await db.auditLog.findMany({ where: { actorId: actor.id, action: "person.viewIdNumber" } });
    expect(rows.map((r) => [r.entity, r.entityId, r.regionCode, r.after])).toEqual([["person", person.id, regions.townA, null]]);
  });

  it("refuses another township's clerk (not found) and a role without person:view-id, each refusal audited", async () => {
    const person = await makePerson(db, regions.townA, "李四");
    const { actor: other } = await makeUser(db, "TOWNSHIP_CLERK", regions.townB);
    const { actor: finance } = await makeUser(db, "FINANCE", regions.county);
    await expect(viewIdNumber(db, other, { id: person.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(viewIdNumber(db, finance, { id: person.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditLog.count({ where: { actorId: { in: [other.id, finance.id] }, action: "person.viewIdNumber" } })).toBe(0);
    const refused = await db.auditLog.findMany({ where: { actorId: { in: [other.id, finance.id] }, action: "access.refused" } });
    expect(refused.map((r) => (r.after as { refusal: string }).refusal).sort()).toEqual(["permission", "region"]);
  });
});
