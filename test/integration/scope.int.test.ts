import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { countPeople, getPerson, listPeople } from "@/lib/people/people.queries";
import { getUser, listUsers } from "@/lib/users/users.queries";
import { listAudit } from "@/lib/audit/audit.queries";
import { makePerson, makeRegionTree, makeUser } from "./factories";

const db = createPrisma();
let t: Awaited<ReturnType<typeof makeRegionTree>>;

beforeAll(async () => {
  t = await makeRegionTree(db);
  for (let i = 0; i < 3; i++) await makePerson(db, t.townA, `甲镇居民${i}`);
  for (let i = 0; i < 2; i++) await makePerson(db, t.townB, `乙镇居民${i}`);
});
afterAll(() => db.$disconnect());

describe("region scoping", () => {
  it("a township clerk's people query never returns another township's rows", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", t.townA);
    const { rows, total } = await listPeople(actor, { q: "", page: 1 });
    expect(total).toBe(3);
    expect(rows.every((r) => r.regionCode === t.townA)).toBe(true);
    expect(await countPeople(actor)).toBe(3);
    const searchOther = await listPeople(actor, { q: "乙镇居民", page: 1 });
    expect(searchOther.total).toBe(0);
  });

  it("opening another township's person by id gives nothing", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", t.townA);
    const other = await db.person.findFirstOrThrow({ where: { regionCode: t.townB } });
    const own = await db.person.findFirstOrThrow({ where: { regionCode: t.townA } });
    expect(await getPerson(actor, other.id)).toBeNull();
    expect((await getPerson(actor, own.id))?.id).toBe(own.id);
    expect(await getPerson(actor, "not-a-uuid")).toBeNull();
  });

  it("a county bureau sees both townships", async () => {
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", t.county);
    expect((await listPeople(actor, { q: "", page: 1 })).total).toBe(5);
  });

  it("search by full ID number and by its last digits stays inside the scope", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", t.townA);
    const other = await db.person.findFirstOrThrow({ where: { regionCode: t.townB } });
    expect((await listPeople(actor, { q: other.idNumber, page: 1 })).total).toBe(0);
    const own = await db.person.findFirstOrThrow({ where: { regionCode: t.townA } });
    expect((await listPeople(actor, { q: own.idNumber, page: 1 })).rows.map((r) => r.id)).toEqual([own.id]);
  });

  it("an admin manages only users of their county; audit rows are scoped the same way", async () => {
    const { actor: admin } = await makeUser(db, "ADMIN", t.county);
    const { user: inside } = await makeUser(db, "TOWNSHIP_CLERK", t.townB);
    const otherProvince = await makeRegionTree(db);
    const { user: elsewhere } = await makeUser(db, "ADMIN", otherProvince.county);
    const users = await listUsers(admin);
    expect(users.some((u) => u.id === inside.id)).toBe(true);
    expect(users.every((u) => u.regionCode.startsWith(t.county))).toBe(true);
    expect(await getUser(admin, elsewhere.id)).toBeNull();
    expect((await getUser(admin, inside.id))?.id).toBe(inside.id);
    await db.auditLog.create({ data: { actorName: "it", action: "probe", entity: "x", entityId: "in", regionCode: t.townA } });
    const away = await makeRegionTree(db);
    await db.auditLog.create({ data: { actorName: "it", action: "probe", entity: "x", entityId: "out", regionCode: away.townA } });
    const audit = await listAudit(admin, 1);
    expect(audit.rows.every((r) => r.regionCode === null || r.regionCode.startsWith(t.county))).toBe(true);
    expect(audit.rows.some((r) => r.entityId === "in")).toBe(true);
  });
});
