import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { addHouseholdMember } from "@/lib/households/add-household-member";
import { createHousehold } from "@/lib/households/create-household";
import { removeHouseholdMember } from "@/lib/households/remove-household-member";
import { setMemberRelation } from "@/lib/households/set-member-relation";
import { updateHousehold } from "@/lib/households/update-household";
import { makeIdNumber } from "@/lib/people/id-number";
import { personHistory } from "@/lib/people/people.queries";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser, makeValidPerson } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
let villageA: string;
let villageB: string;

async function issueFields(call: () => Promise<unknown>) {
  const error = await call().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries((error as ValidationError).issues.map((i) => [String(i.path[0]), i.message]));
}

async function clerkOf(township: string) {
  return (await makeUser(db, "TOWNSHIP_CLERK", township)).actor;
}

/** A household of township A with its head (and the clerk who made it). */
async function household(address = "甲村3组12号") {
  const clerk = await clerkOf(home.townA);
  const head = await makeValidPerson(db, villageA, "周户主");
  const { householdId } = await createHousehold(db, clerk, { headId: head.id, address });
  return { clerk, head, householdId };
}

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
  villageA = `${home.townA}201`;
  villageB = `${home.townB}201`;
  await db.region.create({ data: { code: villageA, name: "甲村", level: "VILLAGE", parentCode: home.townA, path: `${home.paths[home.townA]}/${villageA}` } });
  await db.region.create({ data: { code: villageB, name: "乙村", level: "VILLAGE", parentCode: home.townB, path: `${home.paths[home.townB]}/${villageB}` } });
});
afterAll(() => db.$disconnect());

describe("createHousehold", () => {
  it("registers a household at the head's village, the head as HEAD, audited on the head", async () => {
    const clerk = await clerkOf(home.townA);
    const head = await makeValidPerson(db, villageA, "吴户主");
    const { householdId } = await createHousehold(db, clerk, { headId: head.id, address: " 甲村1组5号 " }, { requestId: "req-h1" });
    expect(await db.household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({ regionCode: villageA, address: "甲村1组5号" });
    expect(await db.person.findUniqueOrThrow({ where: { id: head.id } })).toMatchObject({ householdId, relationToHead: "HEAD", version: 2 });
    const audit = await lastAudit(db, "household.create");
    expect(audit).toMatchObject({ entity: "person", entityId: head.id, regionCode: villageA, actorId: clerk.id, requestId: "req-h1" });
    expect(audit.after).toEqual({ householdId, regionCode: villageA, address: "甲村1组5号", relationToHead: "HEAD" });
    expect((await personHistory(head.id)).map((r) => r.action)).toEqual(["household.create"]);
  });

  it("is refused to other roles, to a clerk of another township (not found), for a head already in a household, without an address", async () => {
    const { head } = await household();
    const loner = await makeValidPerson(db, villageA, "郑单身");
    const reviewer = (await makeUser(db, "TOWNSHIP_REVIEWER", home.townA)).actor;
    const civil = (await makeUser(db, "CIVIL_AFFAIRS", home.county)).actor;
    const otherTownship = await clerkOf(home.townB);
    const otherCounty = await clerkOf(away.townA);
    const households = await db.household.count();
    await expectRefused(db, () => createHousehold(db, reviewer, { headId: loner.id, address: "甲村" }), ForbiddenError, { audited: true });
    await expectRefused(db, () => createHousehold(db, civil, { headId: loner.id, address: "甲村" }), ForbiddenError, { audited: true });
    await expectRefused(db, () => createHousehold(db, otherTownship, { headId: loner.id, address: "甲村" }), NotFoundError, { audited: true });
    await expectRefused(db, () => createHousehold(db, otherCounty, { headId: loner.id, address: "甲村" }), NotFoundError, { audited: true });
    const clerk = await clerkOf(home.townA);
    await expectRefused(db, () => createHousehold(db, clerk, { headId: head.id, address: "甲村" }), DomainError, { audited: false });
    expect(await issueFields(() => createHousehold(db, otherTownship, { headId: loner.id, address: "  " }))).toEqual({ address: "validation.addressRequired" });
    expect(await db.household.count()).toBe(households);
  });
});

describe("household members", () => {
  it("adds a member by ID number with the relation, audited before and after on the member", async () => {
    const { clerk, householdId } = await household();
    const wife = await makeValidPerson(db, villageA, "李配偶", "F");
    await addHouseholdMember(db, clerk, { householdId, memberIdNumber: wife.idNumber.toLowerCase(), relationToHead: "SPOUSE" }, { requestId: "req-h2" });
    expect(await db.person.findUniqueOrThrow({ where: { id: wife.id } })).toMatchObject({ householdId, relationToHead: "SPOUSE" });
    const audit = await lastAudit(db, "household.join");
    expect(audit).toMatchObject({ entityId: wife.id, regionCode: villageA, requestId: "req-h2" });
    expect(audit.before).toEqual({ householdId: null, relationToHead: "HEAD" });
    expect(audit.after).toEqual({ householdId, relationToHead: "SPOUSE" });
  });

  it("moves a member from the household they were in", async () => {
    const first = await household();
    const second = await household("甲村4组1号");
    const child = await makeValidPerson(db, villageA, "周子女");
    await addHouseholdMember(db, first.clerk, { householdId: first.householdId, memberIdNumber: child.idNumber, relationToHead: "CHILD" });
    await addHouseholdMember(db, first.clerk, { householdId: second.householdId, memberIdNumber: child.idNumber, relationToHead: "OTHER" });
    expect(await db.person.findUniqueOrThrow({ where: { id: child.id } })).toMatchObject({ householdId: second.householdId, relationToHead: "OTHER" });
    expect((await lastAudit(db, "household.join")).before).toEqual({ householdId: first.householdId, relationToHead: "CHILD" });
  });

  it("refuses a second head, a head who still has members elsewhere, a member twice, and numbers out of reach alike", async () => {
    const { clerk, head, householdId } = await household();
    const other = await household("甲村5组2号");
    const spouse = await makeValidPerson(db, villageA, "赵配偶", "F");
    await addHouseholdMember(db, clerk, { householdId: other.householdId, memberIdNumber: spouse.idNumber, relationToHead: "SPOUSE" });
    const loner = await makeValidPerson(db, villageA, "钱单身");
    const elsewhere = await makeValidPerson(db, villageB, "孙乙镇");
    const farAway = await makeValidPerson(db, away.townA, "外县人");
    const before = await db.auditLog.count();
    expect(await issueFields(() => addHouseholdMember(db, clerk, { householdId, memberIdNumber: loner.idNumber, relationToHead: "HEAD" }))).toEqual({ relationToHead: "validation.householdHasHead" });
    expect(await issueFields(() => addHouseholdMember(db, clerk, { householdId, memberIdNumber: other.head.idNumber, relationToHead: "PARENT" }))).toEqual({ memberIdNumber: "validation.headOfOtherHousehold" });
    expect(await issueFields(() => addHouseholdMember(db, clerk, { householdId, memberIdNumber: head.idNumber, relationToHead: "OTHER" }))).toEqual({ memberIdNumber: "validation.alreadyInHousehold" });
    // Another township's person, another county's, and a number nobody holds: the same answer.
    for (const idNumber of [elsewhere.idNumber, farAway.idNumber, makeIdNumber("110101", "1990-03-07", 1, "M")]) {
      expect(await issueFields(() => addHouseholdMember(db, clerk, { householdId, memberIdNumber: idNumber, relationToHead: "OTHER" }))).toEqual({ memberIdNumber: "validation.memberNotFound" });
    }
    expect(await issueFields(() => addHouseholdMember(db, clerk, { householdId, memberIdNumber: "140322510801123", relationToHead: "OTHER" }))).toEqual({ memberIdNumber: "validation.idNumberLegacy" });
    expect(await db.auditLog.count()).toBe(before);
    expect(await db.person.findUniqueOrThrow({ where: { id: loner.id } })).toMatchObject({ householdId: null });
  });

  it("is refused by role and, for another township's household, as not found", async () => {
    const { householdId } = await household();
    const someone = await makeValidPerson(db, villageA, "冯某");
    const civil = (await makeUser(db, "CIVIL_AFFAIRS", home.county)).actor;
    const otherTownship = await clerkOf(home.townB);
    await expectRefused(db, () => addHouseholdMember(db, civil, { householdId, memberIdNumber: someone.idNumber, relationToHead: "CHILD" }), ForbiddenError, { audited: true });
    await expectRefused(db, () => addHouseholdMember(db, otherTownship, { householdId, memberIdNumber: someone.idNumber, relationToHead: "CHILD" }), NotFoundError, { audited: true });
    await expectRefused(db, () => setMemberRelation(db, otherTownship, { householdId, personId: someone.id, relationToHead: "CHILD" }), NotFoundError, { audited: true });
    await expectRefused(db, () => removeHouseholdMember(db, otherTownship, { householdId, personId: someone.id }), NotFoundError, { audited: true });
    await expectRefused(db, () => updateHousehold(db, otherTownship, { householdId, address: "乙村", regionCode: home.townB }), NotFoundError, { audited: true });
  });

  it("changes the head in two steps, one head at a time, audited on each member", async () => {
    const { clerk, head, householdId } = await household();
    const son = await makeValidPerson(db, villageA, "周长子");
    await addHouseholdMember(db, clerk, { householdId, memberIdNumber: son.idNumber, relationToHead: "CHILD" });
    expect(await issueFields(() => setMemberRelation(db, clerk, { householdId, personId: son.id, relationToHead: "HEAD" }))).toEqual({ relationToHead: "validation.householdHasHead" });
    await setMemberRelation(db, clerk, { householdId, personId: head.id, relationToHead: "PARENT" });
    await setMemberRelation(db, clerk, { householdId, personId: son.id, relationToHead: "HEAD" });
    const audit = await lastAudit(db, "household.setRelation");
    expect(audit).toMatchObject({ entityId: son.id });
    expect(audit.before).toEqual({ householdId, relationToHead: "CHILD" });
    expect(audit.after).toEqual({ householdId, relationToHead: "HEAD" });
    expect((await personHistory(head.id)).map((r) => r.action)).toEqual(["household.setRelation", "household.create"]);
    // A person of another household is no member here.
    const stranger = (await household("甲村9组9号")).head;
    await expectRefused(db, () => setMemberRelation(db, clerk, { householdId, personId: stranger.id, relationToHead: "OTHER" }), NotFoundError, { audited: true });
  });

  it("takes two heads at once one after the other: the second is refused", async () => {
    const { clerk, head, householdId } = await household();
    await setMemberRelation(db, clerk, { householdId, personId: head.id, relationToHead: "PARENT" });
    const [a, b] = [await makeValidPerson(db, villageA, "并发甲"), await makeValidPerson(db, villageA, "并发乙")];
    const results = await Promise.allSettled([a, b].map((p) => addHouseholdMember(db, clerk, { householdId, memberIdNumber: p.idNumber, relationToHead: "HEAD" })));
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.person.count({ where: { householdId, relationToHead: "HEAD" } })).toBe(1);
    // The database holds the line too.
    await expect(db.person.update({ where: { id: head.id }, data: { relationToHead: "HEAD" } })).rejects.toThrow();
  });

  it("lets a member leave; the head leaves last", async () => {
    const { clerk, head, householdId } = await household();
    const daughter = await makeValidPerson(db, villageA, "周女儿", "F");
    await addHouseholdMember(db, clerk, { householdId, memberIdNumber: daughter.idNumber, relationToHead: "CHILD" });
    await expectRefused(db, () => removeHouseholdMember(db, clerk, { householdId, personId: head.id }), DomainError, { audited: false });
    await removeHouseholdMember(db, clerk, { householdId, personId: daughter.id }, { requestId: "req-h3" });
    expect(await db.person.findUniqueOrThrow({ where: { id: daughter.id } })).toMatchObject({ householdId: null, relationToHead: "HEAD" });
    const audit = await lastAudit(db, "household.leave");
    expect(audit).toMatchObject({ entityId: daughter.id, requestId: "req-h3" });
    expect(audit.before).toEqual({ householdId, relationToHead: "CHILD" });
    expect(audit.after).toEqual({ householdId: null, relationToHead: "HEAD" });
    await removeHouseholdMember(db, clerk, { householdId, personId: head.id });
    expect(await db.person.count({ where: { householdId } })).toBe(0);
    // An empty household has nobody to write its change on.
    await expectRefused(db, () => updateHousehold(db, clerk, { householdId, address: "新址", regionCode: villageA }), DomainError, { audited: false });
  });
});

describe("updateHousehold", () => {
  it("changes address and village within the township, written on every member's history", async () => {
    const { clerk, head, householdId } = await household();
    const wife = await makeValidPerson(db, villageA, "王配偶", "F");
    await addHouseholdMember(db, clerk, { householdId, memberIdNumber: wife.idNumber, relationToHead: "SPOUSE" });
    await updateHousehold(db, clerk, { householdId, address: "甲镇幸福街8号", regionCode: home.townA });
    expect(await db.household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({ address: "甲镇幸福街8号", regionCode: home.townA });
    const rows = await db.auditLog.findMany({ where: { action: "household.update", entityId: { in: [head.id, wife.id] } } });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.before).toEqual({ householdId, regionCode: villageA, address: "甲村3组12号" });
    expect(rows[0]?.after).toEqual({ householdId, regionCode: home.townA, address: "甲镇幸福街8号" });
  });

  it("refuses a village of another township and a role without the permission", async () => {
    const { clerk, householdId } = await household();
    await expectRefused(db, () => updateHousehold(db, clerk, { householdId, address: "乙村", regionCode: villageB }), NotFoundError, { audited: true });
    const reviewer = (await makeUser(db, "TOWNSHIP_REVIEWER", home.townA)).actor;
    await expectRefused(db, () => updateHousehold(db, reviewer, { householdId, address: "乙村", regionCode: villageA }), ForbiddenError, { audited: true });
    expect(await db.household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({ address: "甲村3组12号" });
  });
});
