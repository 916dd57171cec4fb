import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { personHistory } from "@/lib/people/people.queries";
import { loadPersonForRules } from "@/lib/records/load";
import { createServiceman } from "@/lib/servicemen/create-serviceman";
import { linkServiceman } from "@/lib/servicemen/link-serviceman";
import { unlinkServiceman } from "@/lib/servicemen/unlink-serviceman";
import { updateServiceman } from "@/lib/servicemen/update-serviceman";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser, makeValidPerson } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;

const MARTYR = { name: "郭卫国", kind: "MARTYR", diedOn: "1998-08-12", certificate: "LSZ-1998-0031", hukouProvince: "SX" } as const;

async function issueFields(call: () => Promise<unknown>) {
  const error = await call().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries((error as ValidationError).issues.map((i) => [String(i.path[0]), i.message]));
}

const veteransOf = async (county: string) => (await makeUser(db, "VETERANS_AFFAIRS", county)).actor;

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
  // The rules read the jurisdiction of the person's region.
  await db.region.update({ where: { code: home.county }, data: { jurisdiction: "CN-SX-YQ" } });
});
afterAll(() => db.$disconnect());

describe("createServiceman", () => {
  it("records a martyr on no register, kept by the county, and links the widow in the same transaction", async () => {
    const veterans = await veteransOf(home.county);
    const widow = await makeValidPerson(db, home.townA, "李遗孀", "F");
    const { servicemanId } = await createServiceman(db, veterans, { ...MARTYR, familyId: widow.id, relationToServiceman: "SPOUSE" }, { requestId: "req-s1" });
    expect(await db.serviceman.findUniqueOrThrow({ where: { id: servicemanId } })).toMatchObject({ personId: null, name: "郭卫国", kind: "MARTYR", certificate: "LSZ-1998-0031", hukouProvince: "SX", regionCode: home.county });
    expect(await db.person.findUniqueOrThrow({ where: { id: widow.id } })).toMatchObject({ servicemanId, relationToServiceman: "SPOUSE" });
    const created = await lastAudit(db, "serviceman.create");
    expect(created).toMatchObject({ entity: "serviceman", entityId: servicemanId, regionCode: home.county, requestId: "req-s1" });
    expect(created.after).toEqual({ personId: null, name: "郭卫国", kind: "MARTYR", diedOn: "1998-08-12", certificate: "LSZ-1998-0031", hukouProvince: "SX" });
    const link = await lastAudit(db, "serviceman.link");
    expect(link).toMatchObject({ entity: "person", entityId: widow.id, regionCode: home.townA });
    expect(link.before).toEqual({ servicemanId: null, relationToServiceman: null });
    expect(link.after).toEqual({ servicemanId, relationToServiceman: "SPOUSE" });
    expect((await personHistory(widow.id)).map((r) => r.action)).toEqual(["serviceman.link"]);
    // The rules read the martyr's province through the link, as they read the old column.
    const person = await loadPersonForRules(db, widow.id);
    expect(person).toMatchObject({ relation: "SPOUSE", veteranHukouProvince: "SX" });
  });

  it("asks for a name, a province and, for the dead, the date of death", async () => {
    const veterans = await veteransOf(home.county);
    expect(await issueFields(() => createServiceman(db, veterans, { kind: "DIED_ON_DUTY", name: "", hukouProvince: "", diedOn: "" }))).toEqual({
      name: "validation.servicemanName",
      hukouProvince: "validation.province",
      diedOn: "validation.servicemanDiedOn",
    });
    const member = await makeValidPerson(db, home.townA, "某");
    expect(await issueFields(() => createServiceman(db, veterans, { ...MARTYR, familyId: member.id }))).toEqual({ relationToServiceman: "validation.servicemanRelation" });
  });

  it("is refused to other roles, and for a family member of another county (not found)", async () => {
    const civil = (await makeUser(db, "CIVIL_AFFAIRS", home.county)).actor;
    const clerk = (await makeUser(db, "TOWNSHIP_CLERK", home.townA)).actor;
    const theirs = await makeValidPerson(db, away.townA, "外县遗孀", "F");
    const before = await db.serviceman.count();
    await expectRefused(db, () => createServiceman(db, civil, MARTYR), ForbiddenError, { audited: true });
    await expectRefused(db, () => createServiceman(db, clerk, MARTYR), ForbiddenError, { audited: true });
    const veterans = await veteransOf(home.county);
    await expectRefused(db, () => createServiceman(db, veterans, { ...MARTYR, familyId: theirs.id, relationToServiceman: "SPOUSE" }), NotFoundError, { audited: true });
    expect(await db.serviceman.count()).toBe(before);
  });
});

describe("updateServiceman", () => {
  it("corrects the record, audited before and after, with an optimistic lock", async () => {
    const veterans = await veteransOf(home.county);
    const { servicemanId } = await createServiceman(db, veterans, MARTYR);
    await updateServiceman(db, veterans, { servicemanId, version: 1, ...MARTYR, hukouProvince: "HE", certificate: "LSZ-1998-0032" });
    const audit = await lastAudit(db, "serviceman.update");
    expect(audit.before).toMatchObject({ hukouProvince: "SX", certificate: "LSZ-1998-0031" });
    expect(audit.after).toMatchObject({ hukouProvince: "HE", certificate: "LSZ-1998-0032" });
    await expect(updateServiceman(db, veterans, { servicemanId, version: 1, ...MARTYR })).rejects.toBeInstanceOf(ConflictError);
    await expectRefused(db, () => updateServiceman(db, veterans, { servicemanId, version: 2, ...MARTYR, name: "" }), ValidationError, { audited: false });
  });

  it("is not found for another county's bureau", async () => {
    const { servicemanId } = await createServiceman(db, await veteransOf(home.county), MARTYR);
    const theirs = await veteransOf(away.county);
    await expectRefused(db, () => updateServiceman(db, theirs, { servicemanId, version: 1, ...MARTYR }), NotFoundError, { audited: true });
  });
});

describe("linkServiceman and unlinkServiceman", () => {
  it("links a member to a serviceman on the register by his ID number, making his record once; the rules read his own province", async () => {
    const veterans = await veteransOf(home.county);
    const veteran = await db.person.update({ where: { id: (await makeValidPerson(db, home.townB, "张老兵")).id }, data: { hukouProvince: "CQ" } });
    const wife = await makeValidPerson(db, home.townB, "王配偶", "F");
    const son = await makeValidPerson(db, home.townA, "张儿子");
    const first = await linkServiceman(db, veterans, { personId: wife.id, relationToServiceman: "SPOUSE", servicemanIdNumber: veteran.idNumber });
    const second = await linkServiceman(db, veterans, { personId: son.id, relationToServiceman: "CHILD", servicemanIdNumber: veteran.idNumber });
    expect(second.servicemanId).toBe(first.servicemanId);
    expect(await db.serviceman.findUniqueOrThrow({ where: { id: first.servicemanId } })).toMatchObject({ personId: veteran.id, kind: "VETERAN", hukouProvince: null, name: null });
    expect(await db.auditLog.count({ where: { action: "serviceman.create", entityId: first.servicemanId } })).toBe(1);
    expect(await loadPersonForRules(db, son.id)).toMatchObject({ relation: "CHILD", veteranHukouProvince: "CQ" });
  });

  it("re-links to another record and unlinks, audited before and after; the record stays", async () => {
    const veterans = await veteransOf(home.county);
    const mother = await makeValidPerson(db, home.townA, "刘母亲", "F");
    const { servicemanId: wrong } = await createServiceman(db, veterans, { ...MARTYR, familyId: mother.id, relationToServiceman: "SPOUSE" });
    const { servicemanId: right } = await createServiceman(db, veterans, { ...MARTYR, name: "刘建军" });
    await linkServiceman(db, veterans, { personId: mother.id, relationToServiceman: "PARENT", servicemanId: right });
    const relinked = await lastAudit(db, "serviceman.link");
    expect(relinked.before).toEqual({ servicemanId: wrong, relationToServiceman: "SPOUSE" });
    expect(relinked.after).toEqual({ servicemanId: right, relationToServiceman: "PARENT" });
    await unlinkServiceman(db, veterans, { personId: mother.id });
    expect(await db.person.findUniqueOrThrow({ where: { id: mother.id } })).toMatchObject({ servicemanId: null, relationToServiceman: null });
    expect((await lastAudit(db, "serviceman.unlink")).before).toEqual({ servicemanId: right, relationToServiceman: "PARENT" });
    expect(await db.serviceman.count({ where: { id: { in: [wrong, right] } } })).toBe(2);
    await expectRefused(db, () => unlinkServiceman(db, veterans, { personId: mother.id }), DomainError, { audited: false });
    const rules = await loadPersonForRules(db, mother.id);
    expect(rules.relation).toBeUndefined();
    expect(rules.veteranHukouProvince).toBeUndefined();
  });

  it("refuses a choice of both or neither, himself, numbers out of reach alike, and other counties' records", async () => {
    const veterans = await veteransOf(home.county);
    const member = await makeValidPerson(db, home.townA, "陈家属");
    const { servicemanId } = await createServiceman(db, veterans, MARTYR);
    const elsewhere = await makeValidPerson(db, away.townA, "外县老兵");
    const theirRecord = await createServiceman(db, await veteransOf(away.county), MARTYR);
    expect(await issueFields(() => linkServiceman(db, veterans, { personId: member.id, relationToServiceman: "CHILD" }))).toEqual({ servicemanId: "validation.servicemanChoose" });
    expect(await issueFields(() => linkServiceman(db, veterans, { personId: member.id, relationToServiceman: "CHILD", servicemanId, servicemanIdNumber: elsewhere.idNumber }))).toEqual({ servicemanId: "validation.servicemanChoose" });
    expect(await issueFields(() => linkServiceman(db, veterans, { personId: member.id, relationToServiceman: "CHILD", servicemanIdNumber: member.idNumber }))).toEqual({ servicemanIdNumber: "validation.servicemanSelf" });
    expect(await issueFields(() => linkServiceman(db, veterans, { personId: member.id, relationToServiceman: "CHILD", servicemanIdNumber: elsewhere.idNumber }))).toEqual({ servicemanIdNumber: "validation.servicemanNotFound" });
    await expectRefused(db, () => linkServiceman(db, veterans, { personId: member.id, relationToServiceman: "CHILD", servicemanId: theirRecord.servicemanId }), NotFoundError, { audited: true });
    await expectRefused(db, () => linkServiceman(db, veterans, { personId: elsewhere.id, relationToServiceman: "CHILD", servicemanId }), NotFoundError, { audited: true });
    const clerk = (await makeUser(db, "TOWNSHIP_CLERK", home.townA)).actor;
    await expectRefused(db, () => linkServiceman(db, clerk, { personId: member.id, relationToServiceman: "CHILD", servicemanId }), ForbiddenError, { audited: true });
    await expectRefused(db, () => unlinkServiceman(db, clerk, { personId: member.id }), ForbiddenError, { audited: true });
    expect(await db.person.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ servicemanId: null });
  });
});
