import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { makeIdNumber } from "@/lib/people/id-number";
import { createPerson } from "@/lib/people/create-person";
import { PossibleDuplicateError } from "@/lib/people/possible-duplicates";
import { updatePerson } from "@/lib/people/update-person";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
let village: string;
let seq = 100;
// A birth date of its own for each number: the same name, birth date and township is a possible duplicate.
const birthOf = (n: number) => new Date(Date.UTC(1958, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const birthOfId = (idNumber: string) => `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
const nextId = (area: string, sex: "M" | "F" = "M") => makeIdNumber(area.slice(0, 6), birthOf((seq += 2)), seq, sex);
type Over = Partial<Record<"idNumber" | "name" | "regionCode" | "hukouProvince" | "phone" | "bankAccount", string>>;
const input = (regionCode: string, over: Over = {}) => ({
  idNumber: nextId(regionCode),
  name: "王建国",
  regionCode,
  ruralHukou: "true" as "true" | "false",
  hukouProvince: "SX",
  phone: "13800001234",
  bankAccount: "6222 0212 3456 7890",
  ...over,
});

async function issueFields(call: () => Promise<unknown>) {
  const error = await call().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries((error as ValidationError).issues.map((i) => [String(i.path[0]), i.message]));
}

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
  village = `${home.townA}201`;
  await db.region.create({ data: { code: village, name: "东村", level: "VILLAGE", parentCode: home.townA, path: `${home.paths[home.townA]}/${village}` } });
});
afterAll(() => db.$disconnect());

describe("createPerson", () => {
  it("registers a person of the clerk's township, birth date and sex from the number, audited with masked numbers", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const data = input(village, { idNumber: makeIdNumber(home.townA.slice(0, 6), "1949-12-31", 2, "F").replace(/X$/, "x") });
    const { id } = await createPerson(db, actor, data, { requestId: "req-p1" });
    const row = await db.person.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ idNumber: data.idNumber.toUpperCase(), sex: "F", name: "王建国", regionCode: village, ruralHukou: true, bankAccount: "6222021234567890", phone: "13800001234" });
    expect(row.birthDate.toISOString().slice(0, 10)).toBe("1949-12-31");
    const audit = await lastAudit(db, "person.create");
    expect(audit).toMatchObject({ actorId: actor.id, entityId: id, regionCode: village, requestId: "req-p1" });
    expect(audit.after).toEqual({
      name: "王建国", idNumber: `${data.idNumber.slice(0, 6)}********${data.idNumber.slice(14).toUpperCase()}`, regionCode: village, ruralHukou: true, hukouProvince: "SX",
      phone: "*******1234", bankAccount: "**** **** **** 7890", diedOn: null, movedOutOn: null,
    });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(data.idNumber.slice(6, 14));
  });

  it("is refused to a role that registers nobody", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_REVIEWER", home.townA);
    await expectRefused(db, () => createPerson(db, actor, input(home.townA)), ForbiddenError, { audited: true });
  });

  it("is refused for another township, another county, or a code that does not exist (all not found)", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    await expectRefused(db, () => createPerson(db, actor, input(home.townB)), NotFoundError, { audited: true });
    await expectRefused(db, () => createPerson(db, actor, input(away.townA)), NotFoundError, { audited: true });
    await expectRefused(db, () => createPerson(db, actor, input(`${home.townA}999`)), NotFoundError, { audited: true });
  });

  it("refuses the same ID number twice, at the field, writing nothing", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const data = input(home.townA);
    await createPerson(db, actor, data);
    await expectRefused(db, () => createPerson(db, actor, { ...data, name: "王建军" }), ValidationError, { audited: false });
    expect(await issueFields(() => createPerson(db, actor, { ...data, idNumber: data.idNumber.toLowerCase() }))).toEqual({ idNumber: "validation.idNumberTaken" });
  });

  it("names each bad field: a 15-digit legacy number, a wrong check digit, a county as the registration", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const good = nextId(home.townA);
    const wrong = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    expect(await issueFields(() => createPerson(db, actor, input(home.townA, { idNumber: "140322580309123" })))).toEqual({ idNumber: "validation.idNumberLegacy" });
    expect(await issueFields(() => createPerson(db, actor, input(home.townA, { idNumber: wrong, name: " ", phone: "12", bankAccount: "abc", hukouProvince: "sx" })))).toEqual({
      idNumber: "validation.idNumberCheckDigit", name: "validation.personNameRequired", phone: "validation.phone", bankAccount: "validation.bankAccount", hukouProvince: "validation.province",
    });
    const { actor: county } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    await expectRefused(db, () => createPerson(db, county, input(home.townA)), ForbiddenError, { audited: true });
    const clerkOfCounty = { ...actor, regionCode: home.county, regionPath: home.paths[home.county]! };
    expect(await issueFields(() => createPerson(db, clerkOfCounty, input(home.county)))).toEqual({ regionCode: "validation.personRegion" });
  });
});

describe("createPerson: the same name, birth date and township", () => {
  it("is refused with the matches named (masked) unless the clerk confirms; confirmed, it is registered and the audit row names them", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const first = input(village, { name: "孙重名" });
    const { id: firstId } = await createPerson(db, actor, first);
    // Another number of the same birth date (the sequence differs), in another village of the same township.
    const second = input(home.townA, { name: "孙重名", idNumber: makeIdNumber(home.townA.slice(0, 6), birthOfId(first.idNumber), 997, "M") });
    const error = await createPerson(db, actor, second).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PossibleDuplicateError);
    expect((error as PossibleDuplicateError).matches).toEqual([{ id: firstId, name: "孙重名", maskedIdNumber: `${first.idNumber.slice(0, 6)}********${first.idNumber.slice(14)}`, regionName: "东村" }]);
    expect((error as PossibleDuplicateError).details).toEqual({ possibleDuplicates: (error as PossibleDuplicateError).matches });
    await expectRefused(db, () => createPerson(db, actor, second), PossibleDuplicateError, { audited: false });
    await expectRefused(db, () => createPerson(db, actor, { ...second, confirmDuplicate: "" }), PossibleDuplicateError, { audited: false });
    const { id } = await createPerson(db, actor, { ...second, confirmDuplicate: "true" });
    expect((await lastAudit(db, "person.create")).after).toMatchObject({ name: "孙重名", possibleDuplicates: [firstId] });
    expect(id).not.toBe(firstId);
  });

  it("flags nothing for another birth date, another township, or a record merged away", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { actor: clerkB } = await makeUser(db, "TOWNSHIP_CLERK", home.townB);
    const base = input(home.townA, { name: "周同名" });
    await createPerson(db, actor, base);
    const birth = birthOfId(base.idNumber);
    await createPerson(db, actor, input(home.townA, { name: "周同名" }));
    const { id: inB } = await createPerson(db, clerkB, input(home.townB, { name: "周同名", idNumber: makeIdNumber(home.townB.slice(0, 6), birth, 995, "M") }));
    expect(inB).toBeTruthy();
    // Merged away: no longer a record anyone should be pointed to.
    const merged = await db.person.create({ data: { idNumber: makeIdNumber(home.townA.slice(0, 6), "1931-05-05", 993, "M"), name: "郑已合并", sex: "M", birthDate: new Date("1931-05-05"), regionCode: home.townA, hukouProvince: "SX" } });
    const kept = await db.person.create({ data: { idNumber: makeIdNumber(home.townA.slice(0, 6), "1931-05-05", 991, "M"), name: "郑已合并", sex: "M", birthDate: new Date("1931-05-05"), regionCode: home.townA, hukouProvince: "SX" } });
    await db.person.update({ where: { id: merged.id }, data: { mergedIntoId: kept.id } });
    const error = await createPerson(db, actor, input(home.townA, { name: "郑已合并", idNumber: makeIdNumber(home.townA.slice(0, 6), "1931-05-05", 989, "M") })).catch((e: unknown) => e);
    expect((error as PossibleDuplicateError).matches.map((m) => m.id)).toEqual([kept.id]);
  });
});

describe("updatePerson", () => {
  async function registered() {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const data = input(home.townA);
    const { id } = await createPerson(db, actor, data);
    return { actor, data, id };
  }

  it("records a death and a correction, with before and after, and bumps the version", async () => {
    const { actor, data, id } = await registered();
    await updatePerson(db, actor, { ...data, id, version: "1", idNumber: " ", name: "王建華", regionCode: village, bankAccount: "", diedOn: "2026-06-03", movedOutOn: "" });
    const row = await db.person.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ idNumber: data.idNumber, name: "王建華", regionCode: village, bankAccount: null, version: 2, movedOutOn: null });
    expect(row.diedOn?.toISOString().slice(0, 10)).toBe("2026-06-03");
    const audit = await lastAudit(db, "person.update");
    expect(audit.before).toMatchObject({ name: "王建国", regionCode: home.townA, bankAccount: "**** **** **** 7890", diedOn: null });
    expect(audit.after).toMatchObject({ name: "王建華", regionCode: village, bankAccount: null, diedOn: "2026-06-03" });
  });

  it("re-derives birth date and sex from a corrected number", async () => {
    const { actor, data, id } = await registered();
    const corrected = makeIdNumber(home.townA.slice(0, 6), "1961-10-01", 8, "F");
    await updatePerson(db, actor, { ...data, id, version: "1", idNumber: corrected });
    const row = await db.person.findUniqueOrThrow({ where: { id } });
    expect([row.idNumber, row.sex, row.birthDate.toISOString().slice(0, 10)]).toEqual([corrected, "F", "1961-10-01"]);
  });

  it("is refused by role, by region (another township, or moving the person out of the clerk's township), and on a stale version", async () => {
    const { actor, data, id } = await registered();
    const { actor: reviewer } = await makeUser(db, "TOWNSHIP_REVIEWER", home.townA);
    const { actor: other } = await makeUser(db, "TOWNSHIP_CLERK", home.townB);
    const edit = { ...data, id, version: "1" };
    await expectRefused(db, () => updatePerson(db, reviewer, edit), ForbiddenError, { audited: true });
    await expectRefused(db, () => updatePerson(db, other, edit), NotFoundError, { audited: true });
    await expectRefused(db, () => updatePerson(db, actor, { ...edit, regionCode: home.townB }), NotFoundError, { audited: true });
    await updatePerson(db, actor, edit);
    await expectRefused(db, () => updatePerson(db, actor, { ...edit, name: "另一人" }), ConflictError, { audited: false });
  });

  it("refuses another person's ID number and a death date in the future", async () => {
    const { actor, data, id } = await registered();
    const { data: otherData } = await registered();
    expect(await issueFields(() => updatePerson(db, actor, { ...data, id, version: "1", idNumber: otherData.idNumber, diedOn: "2999-01-01" }))).toEqual({ diedOn: "validation.dateNotFuture" });
    expect(await issueFields(() => updatePerson(db, actor, { ...data, id, version: "1", idNumber: otherData.idNumber }))).toEqual({ idNumber: "validation.idNumberTaken" });
    expect((await db.person.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });
});
