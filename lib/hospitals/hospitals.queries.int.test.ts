import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { countyProvince, getHospital, hospitalSearchSchema, listHospitals } from "@/lib/hospitals/hospitals.queries";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
const ids: Record<string, string> = {};

async function hospital(code: string, name: string, regionCode: string) {
  const row = await db.hospital.create({ data: { code, name, regionCode, level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, province: "SX" } });
  ids[code] = row.id;
}

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
  await hospital(`H${home.county}01`, "测试县人民医院", home.county);
  await hospital(`H${home.townA}1`, "甲镇卫生院", home.townA);
  await hospital(`H${home.city}01`, "测试市第一医院", home.city);
  await hospital(`H${home.province}01`, "测试省人民医院", home.province);
  await hospital(`H${away.county}01`, "别县人民医院", away.county);
});
afterAll(() => db.$disconnect());

const search = (query: Record<string, string>) => hospitalSearchSchema.parse(query);

describe("the hospital directory page's queries", () => {
  it("lists the county's entries (editable) and its city's and province's (kept above), not another county's", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    const { total, rows } = await listHospitals(actor, search({}));
    expect(total).toBe(4);
    expect(rows.map((r) => [r.name, r.editable]).sort()).toEqual([["测试县人民医院", true], ["甲镇卫生院", true], ["测试市第一医院", false], ["测试省人民医院", false]].sort());
  });

  it("finds by part of the name or the start of the code", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    expect((await listHospitals(actor, search({ q: "卫生院" }))).rows.map((r) => r.name)).toEqual(["甲镇卫生院"]);
    expect((await listHospitals(actor, search({ q: `h${home.townA}` }))).rows.map((r) => r.name)).toEqual(["甲镇卫生院"]);
    expect((await listHospitals(actor, search({ q: "%" }))).total).toBe(0);
  });

  it("opens for editing only an entry of the county; another county's or one kept above is not found", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    expect((await getHospital(actor, ids[`H${home.townA}1`]!))?.name).toBe("甲镇卫生院");
    expect(await getHospital(actor, ids[`H${away.county}01`]!)).toBeNull();
    expect(await getHospital(actor, ids[`H${home.city}01`]!)).toBeNull();
    expect(await getHospital(actor, "nope")).toBeNull();
    expect(await countyProvince(actor)).toBe("SX");
  });
});
