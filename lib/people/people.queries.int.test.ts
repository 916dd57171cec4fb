import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { makeIdNumber } from "@/lib/people/id-number";
import { createPerson } from "@/lib/people/create-person";
import { addAssistanceIdentity } from "@/lib/people/add-identity";
import { listPeople, personHistory } from "@/lib/people/people.queries";
import { peopleSearchSchema } from "@/lib/people/people.schema";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
const TODAY = new Date(Date.UTC(2026, 5, 15));
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let village: string;
const ids: Record<string, string> = {};
let seq = 1;

const names = async (actor: Parameters<typeof listPeople>[0], query: Record<string, string>) =>
  (await listPeople(actor, peopleSearchSchema.parse(query), TODAY)).rows.map((r) => r.name).sort();

beforeAll(async () => {
  home = await makeRegionTree(db);
  village = `${home.townA}201`;
  await db.region.create({ data: { code: village, name: "东村", level: "VILLAGE", parentCode: home.townA, path: `${home.paths[home.townA]}/${village}` } });
  const { actor: clerkA } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
  const { actor: clerkB } = await makeUser(db, "TOWNSHIP_CLERK", home.townB);
  const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
  const register = async (clerk: typeof clerkA, name: string, regionCode: string) => {
    const { id } = await createPerson(db, clerk, { idNumber: makeIdNumber(home.townA.slice(0, 6), "1950-01-01", (seq += 2), "M"), name, regionCode, ruralHukou: "true", hukouProvince: "SX" });
    ids[name] = id;
    return id;
  };
  await register(clerkA, "张三丰", village);
  await register(clerkA, "张思", home.townA);
  await register(clerkA, "李低保", home.townA);
  await register(clerkA, "王已停", home.townA);
  await register(clerkA, "赵已故", village);
  await register(clerkB, "钱乙镇", home.townB);
  await addAssistanceIdentity(db, civil, { personId: ids["李低保"]!, type: "SUBSISTENCE", validFrom: "2026-01-01" });
  await addAssistanceIdentity(db, civil, { personId: ids["王已停"]!, type: "SUBSISTENCE", validFrom: "2025-01-01", validTo: "2025-12-31" });
  await addAssistanceIdentity(db, civil, { personId: ids["赵已故"]!, type: "EXTREME_POVERTY", validFrom: "2025-01-01" });
  await db.person.update({ where: { id: ids["赵已故"]! }, data: { diedOn: new Date("2026-05-01") } });
});
afterAll(() => db.$disconnect());

describe("listPeople", () => {
  it("finds by pinyin initials (written on create), by name, and keeps to the region", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    expect(await db.person.findUniqueOrThrow({ where: { id: ids["张三丰"]! }, select: { nameInitials: true } })).toEqual({ nameInitials: "zsf" });
    expect(await names(actor, { q: "zs" })).toEqual(["张三丰", "张思"]);
    expect(await names(actor, { q: "ZSF" })).toEqual(["张三丰"]);
    expect(await names(actor, { q: "低保" })).toEqual(["李低保"]);
    const { actor: clerkB } = await makeUser(db, "TOWNSHIP_CLERK", home.townB);
    expect(await names(clerkB, { q: "zs" })).toEqual([]);
  });

  it("filters by township and village", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    expect(await names(actor, { township: home.townA })).toEqual(["张三丰", "张思", "李低保", "王已停", "赵已故"].sort());
    expect(await names(actor, { village })).toEqual(["张三丰", "赵已故"].sort());
    expect(await names(actor, { township: home.townB })).toEqual(["钱乙镇"]);
  });

  it("filters by identity and status on the day: current, ended, deceased", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    expect(await names(actor, { status: "current" })).toEqual(["李低保"]);
    expect(await names(actor, { status: "ended" })).toEqual(["王已停"]);
    expect(await names(actor, { status: "deceased" })).toEqual(["赵已故"]);
    expect(await names(actor, { identity: "SUBSISTENCE" })).toEqual(["李低保", "王已停"].sort());
    expect(await names(actor, { identity: "SUBSISTENCE", status: "current" })).toEqual(["李低保"]);
    expect(await names(actor, { identity: "EXTREME_POVERTY", status: "current" })).toEqual([]);
  });

  it("pages: the page's rows and the total of the whole match", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const first = await listPeople(actor, peopleSearchSchema.parse({ township: home.townA }), TODAY);
    expect([first.total, first.rows.length]).toEqual([5, 5]);
    const beyond = await listPeople(actor, peopleSearchSchema.parse({ township: home.townA, page: "2" }), TODAY);
    expect([beyond.total, beyond.rows.length]).toEqual([5, 0]);
  });

  it("pages past twenty in the list's order, a township's codes without its neighbours', and finds a full ID number", async () => {
    // 丙镇 and its village; 乙镇's code comes right after 甲镇's, 丙镇's right after 乙镇's.
    const townC = `${home.county}102`;
    await db.region.create({ data: { code: townC, name: "丙镇", level: "TOWNSHIP", parentCode: home.county, path: `${home.paths[home.county]}/${townC}` } });
    await db.region.create({ data: { code: `${townC}200`, name: "丙村", level: "VILLAGE", parentCode: townC, path: `${home.paths[home.county]}/${townC}/${townC}200` } });
    const { actor: clerkC } = await makeUser(db, "TOWNSHIP_CLERK", townC);
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const numbers: string[] = [];
    for (let i = 0; i < 21; i++) {
      const idNumber = makeIdNumber(home.townA.slice(0, 6), "1960-02-02", (seq += 2), "F");
      numbers.push(idNumber);
      await createPerson(db, clerkC, { idNumber, name: `孙${"一二三四五六七八九十"[i % 10]}${i}`, regionCode: i % 2 ? townC : `${townC}200`, ruralHukou: "true", hukouProvince: "SX" });
    }
    const page = (n: number) => listPeople(actor, peopleSearchSchema.parse({ township: townC, page: String(n) }), TODAY);
    const [first, second, third] = [await page(1), await page(2), await page(3)];
    expect([first.total, first.rows.length, second.total, second.rows.length, third.total, third.rows.length]).toEqual([21, 20, 21, 1, 21, 0]);
    const order = [...first.rows, ...second.rows].map((r) => `${r.regionCode} ${r.name}`);
    expect(order).toEqual([...order].sort());
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(21);
    expect((await listPeople(actor, peopleSearchSchema.parse({ township: home.townB }), TODAY)).rows.map((r) => r.name)).toEqual(["钱乙镇"]);

    const found = await listPeople(actor, peopleSearchSchema.parse({ q: numbers[7]!.toLowerCase() }), TODAY);
    expect([found.total, found.rows.map((r) => r.idNumber)]).toEqual([1, [numbers[7]]]);
    expect((await listPeople(clerkC, peopleSearchSchema.parse({ q: numbers[7]! }), TODAY)).total).toBe(1);
    const { actor: clerkA } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    expect(await listPeople(clerkA, peopleSearchSchema.parse({ q: numbers[7]! }), TODAY)).toMatchObject({ total: 0, rows: [] });
  });
});

describe("personHistory", () => {
  it("lists the person's own audit rows, newest first", async () => {
    const rows = await personHistory(ids["李低保"]!);
    expect(rows.map((r) => r.action)).toEqual(["identity.add", "person.create"]);
  });
});
