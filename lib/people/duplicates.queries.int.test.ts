import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { makeIdNumber } from "@/lib/people/id-number";
import { listDuplicateGroups, mergeLinks, mergePreview, possibleDuplicatesOf } from "@/lib/people/duplicates.queries";
import { mergePeople } from "@/lib/people/merge-people";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
let village: string;
let seq = 1;

async function person(name: string, birth: string, regionCode: string) {
  return db.person.create({ data: { idNumber: makeIdNumber(regionCode.slice(0, 6), birth, (seq += 2), "M"), name, sex: "M", birthDate: new Date(birth), regionCode, hukouProvince: "SX" } });
}

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
  village = `${home.townA}201`;
  await db.region.create({ data: { code: village, name: "东村", level: "VILLAGE", parentCode: home.townA, path: `${home.paths[home.townA]}/${village}` } });
});
afterAll(() => db.$disconnect());

describe("possible duplicates", () => {
  it("groups the county's records of one name, birth date and township (a village counts as its township), none merged, none of another county", async () => {
    const a1 = await person("冯双", "1950-02-03", home.townA);
    const a2 = await person("冯双", "1950-02-03", village);
    await person("冯双", "1950-02-04", home.townA);
    await person("冯双", "1950-02-03", home.townB);
    const b1 = await person("陈三", "1944-09-09", home.townB);
    const b2 = await person("陈三", "1944-09-09", home.townB);
    const b3 = await person("陈三", "1944-09-09", home.townB);
    await person("冯双", "1950-02-03", away.townA);
    await person("冯双", "1950-02-03", away.townA);
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { total, groups } = await listDuplicateGroups(actor, 1);
    expect(total).toBe(2);
    expect(groups.map((g) => [g.township, g.name, g.members.map((m) => m.id)])).toEqual([
      ["甲镇", "冯双", [a1.id, a2.id]],
      ["乙镇", "陈三", [b1.id, b2.id, b3.id]],
    ]);
    expect(await possibleDuplicatesOf(actor, a2)).toEqual([{ id: a1.id, idNumber: a1.idNumber }]);

    // After a merge the pair is no longer listed; the duplicate names the record kept, and the kept one the duplicate.
    const { actor: medsec } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    await mergePeople(db, medsec, { keepId: a1.id, mergeId: a2.id, reason: "同一人重复登记" });
    expect((await listDuplicateGroups(actor, 1)).groups.map((g) => g.name)).toEqual(["陈三"]);
    expect((await mergeLinks(actor, a2.id)).mergedInto?.id).toBe(a1.id);
    expect((await mergeLinks(actor, a1.id)).mergedFrom.map((m) => m.id)).toEqual([a2.id]);
    expect(await possibleDuplicatesOf(actor, a1)).toEqual([]);
  });

  it("pages by group", async () => {
    const { actor } = await makeUser(db, "VETERANS_AFFAIRS", away.county);
    for (let i = 0; i < 22; i++) {
      const birth = `1960-01-${String(i + 1).padStart(2, "0")}`;
      await person("卫同", birth, away.townB);
      await person("卫同", birth, away.townB);
    }
    const first = await listDuplicateGroups(actor, 1);
    const second = await listDuplicateGroups(actor, 2);
    expect([first.total, first.groups.length, second.groups.length]).toEqual([23, 20, 3]);
  });

  it("a merge preview shows both records, and nothing when either lies outside the actor's county", async () => {
    const keep = await person("褚合并", "1939-04-04", home.townA);
    const merge = await person("褚合并", "1939-04-04", home.townA);
    const theirs = await person("褚合并", "1939-04-04", away.townA);
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const preview = await mergePreview(actor, keep.id, merge.id);
    expect([preview?.keep.id, preview?.merge.id]).toEqual([keep.id, merge.id]);
    expect(preview?.merge._count).toMatchObject({ claims: 0, cases: 0, identities: 0, payouts: 0 });
    expect(await mergePreview(actor, keep.id, theirs.id)).toBeNull();
    expect(await mergePreview(actor, keep.id, keep.id)).toBeNull();
    expect(await mergePreview(actor, keep.id, "not-a-uuid")).toBeNull();
  });
});
