import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { addCondition } from "@/lib/people/add-condition";
import { addEnrolment } from "@/lib/people/add-enrolment";
import { correctEnrolment } from "@/lib/people/correct-enrolment";
import { endCondition } from "@/lib/people/end-condition";
import { endEnrolment } from "@/lib/people/end-enrolment";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makePerson, makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;

async function issueFields(call: () => Promise<unknown>) {
  const error = await call().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries((error as ValidationError).issues.map((i) => [String(i.path[0]), i.message]));
}

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
  // The other county is Qijiang's: its residents' scheme has two tiers (QJ-YF-2023 Art. 5).
  await db.region.update({ where: { code: away.county }, data: { jurisdiction: "CN-CQ-QJ" } });
});

/** A merged duplicate: what hangs on it belongs on the record it was merged into. */
async function mergedPerson() {
  const kept = await makePerson(db, home.townA, "保留");
  const merged = await makePerson(db, home.townA, "重复");
  return db.person.update({ where: { id: merged.id }, data: { mergedIntoId: kept.id, mergedAt: new Date() } });
}
afterAll(() => db.$disconnect());

describe("addEnrolment", () => {
  it("医保局 records a period, audited on the person; overlapping periods are refused", async () => {
    const person = await makePerson(db, home.townA, "参保人");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const { id } = await addEnrolment(db, actor, { personId: person.id, scheme: "RESIDENT", validFrom: "2020-01-01", validTo: "2025-12-31" });
    expect(await db.insuranceEnrollment.findUniqueOrThrow({ where: { id } })).toMatchObject({ personId: person.id, scheme: "RESIDENT" });
    expect((await lastAudit(db, "enrolment.add")).after).toEqual({ enrolmentId: id, scheme: "RESIDENT", tier: null, validFrom: "2020-01-01", validTo: "2025-12-31" });
    expect(await issueFields(() => addEnrolment(db, actor, { personId: person.id, scheme: "EMPLOYEE", validFrom: "2025-06-01", validTo: "" }))).toEqual({ validFrom: "validation.enrolmentOverlap" });
    await addEnrolment(db, actor, { personId: person.id, scheme: "EMPLOYEE", validFrom: "2026-01-01", validTo: "" });
    expect(await db.insuranceEnrollment.count({ where: { personId: person.id } })).toBe(2);
  });

  it("is refused to other bureaus and the township, and outside the county, writing nothing", async () => {
    const person = await makePerson(db, home.townA, "参保人");
    const theirs = await makePerson(db, away.townA, "参保人");
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const input = { personId: person.id, scheme: "RESIDENT" as const, validFrom: "2020-01-01" };
    await expectRefused(db, () => addEnrolment(db, civil, input), ForbiddenError, { audited: true });
    await expectRefused(db, () => addEnrolment(db, clerk, input), ForbiddenError, { audited: true });
    await expectRefused(db, () => addEnrolment(db, actor, { ...input, personId: theirs.id }), NotFoundError, { audited: true });
    expect(await db.insuranceEnrollment.count({ where: { personId: { in: [person.id, theirs.id] } } })).toBe(0);
  });
});

describe("enrolment tiers", () => {
  it("a Qijiang resident is enrolled in a tier (one of the jurisdiction's); a Shanxi-style county has none to name", async () => {
    const qj = await makePerson(db, away.townA, "綦江居民");
    const { actor: qjMedsec } = await makeUser(db, "MEDICAL_SECURITY", away.county);
    expect(await issueFields(() => addEnrolment(db, qjMedsec, { personId: qj.id, scheme: "RESIDENT", validFrom: "2024-01-01" }))).toEqual({ tier: "validation.tier" });
    expect(await issueFields(() => addEnrolment(db, qjMedsec, { personId: qj.id, scheme: "RESIDENT", tier: "TIER_3", validFrom: "2024-01-01" }))).toEqual({ tier: "validation.tier" });
    expect(await issueFields(() => addEnrolment(db, qjMedsec, { personId: qj.id, scheme: "EMPLOYEE", tier: "TIER_2", validFrom: "2024-01-01" }))).toEqual({ tier: "validation.tierNone" });
    const { id } = await addEnrolment(db, qjMedsec, { personId: qj.id, scheme: "RESIDENT", tier: "TIER_2", validFrom: "2024-01-01" });
    expect((await db.insuranceEnrollment.findUniqueOrThrow({ where: { id } })).tier).toBe("TIER_2");
    expect((await lastAudit(db, "enrolment.add")).after).toMatchObject({ tier: "TIER_2" });
    const here = await makePerson(db, home.townA, "本县居民");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    expect(await issueFields(() => addEnrolment(db, actor, { personId: here.id, scheme: "RESIDENT", tier: "TIER_1", validFrom: "2024-01-01" }))).toEqual({ tier: "validation.tierNone" });
  });

  it("no period is added to a merged duplicate (refused by state, audited)", async () => {
    const merged = await mergedPerson();
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    await expectRefused(db, () => addEnrolment(db, actor, { personId: merged.id, scheme: "RESIDENT", validFrom: "2020-01-01" }), StateError, { audited: true });
    await expectRefused(db, () => addCondition(db, actor, { personId: merged.id, condition: "CANCER", validFrom: "2020-01-01", evidence: "诊断证明" }), StateError, { audited: true });
  });
});

describe("endEnrolment", () => {
  it("医保局 ends an open period, audited with before and after; the end may not precede the start", async () => {
    const person = await makePerson(db, home.townA, "参保人");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const { id } = await addEnrolment(db, actor, { personId: person.id, scheme: "RESIDENT", validFrom: "2020-01-01" });
    expect(await issueFields(() => endEnrolment(db, actor, { enrolmentId: id, validTo: "2019-12-31" }))).toEqual({ validTo: "validation.dateRange" });
    await endEnrolment(db, actor, { enrolmentId: id, validTo: "2026-03-31" }, { requestId: "req-e1" });
    expect((await db.insuranceEnrollment.findUniqueOrThrow({ where: { id } })).validTo?.toISOString().slice(0, 10)).toBe("2026-03-31");
    const audit = await lastAudit(db, "enrolment.end");
    expect(audit).toMatchObject({ entity: "person", entityId: person.id, regionCode: home.townA, requestId: "req-e1" });
    expect([audit.before, audit.after]).toEqual([{ enrolmentId: id, validTo: null }, { enrolmentId: id, validTo: "2026-03-31" }]);
  });

  it("is refused by role, by region, once ended and on a merged duplicate, writing nothing but the refusal", async () => {
    const person = await makePerson(db, home.townA, "参保人");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { actor: theirs } = await makeUser(db, "MEDICAL_SECURITY", away.county);
    const { id } = await addEnrolment(db, actor, { personId: person.id, scheme: "RESIDENT", validFrom: "2020-01-01", validTo: "2024-12-31" });
    const { id: open } = await addEnrolment(db, actor, { personId: person.id, scheme: "EMPLOYEE", validFrom: "2025-01-01" });
    await expectRefused(db, () => endEnrolment(db, civil, { enrolmentId: open, validTo: "2026-01-31" }), ForbiddenError, { audited: true });
    await expectRefused(db, () => endEnrolment(db, clerk, { enrolmentId: open, validTo: "2026-01-31" }), ForbiddenError, { audited: true });
    await expectRefused(db, () => endEnrolment(db, theirs, { enrolmentId: open, validTo: "2026-01-31" }), NotFoundError, { audited: true });
    await expectRefused(db, () => endEnrolment(db, actor, { enrolmentId: id, validTo: "2024-06-30" }), StateError, { audited: true });
    const merged = await mergedPerson();
    const row = await db.insuranceEnrollment.create({ data: { personId: merged.id, scheme: "RESIDENT", validFrom: new Date("2020-01-01") } });
    await expectRefused(db, () => endEnrolment(db, actor, { enrolmentId: row.id, validTo: "2026-01-31" }), StateError, { audited: true });
    expect((await db.insuranceEnrollment.findUniqueOrThrow({ where: { id: open } })).validTo).toBeNull();
  });
});

describe("correctEnrolment", () => {
  it("医保局 corrects scheme, tier and dates with a reason; the audit row keeps both versions", async () => {
    const qj = await makePerson(db, away.townB, "綦江居民");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", away.county);
    const { id } = await addEnrolment(db, actor, { personId: qj.id, scheme: "RESIDENT", tier: "TIER_1", validFrom: "2024-01-01" });
    await addEnrolment(db, actor, { personId: qj.id, scheme: "EMPLOYEE", validFrom: "2019-01-01", validTo: "2022-12-31" });
    expect(await issueFields(() => correctEnrolment(db, actor, { enrolmentId: id, scheme: "RESIDENT", tier: "TIER_2", validFrom: "2022-06-01", validTo: "", reason: "录入错误" }))).toEqual({ validFrom: "validation.enrolmentOverlap" });
    expect(await issueFields(() => correctEnrolment(db, actor, { enrolmentId: id, scheme: "RESIDENT", tier: "TIER_2", validFrom: "2023-01-01", validTo: "", reason: "错" }))).toEqual({ reason: "validation.correctionReason" });
    await correctEnrolment(db, actor, { enrolmentId: id, scheme: "RESIDENT", tier: "TIER_2", validFrom: "2023-01-01", validTo: "2025-12-31", reason: "录入错误，以参保系统为准" });
    expect(await db.insuranceEnrollment.findUniqueOrThrow({ where: { id } })).toMatchObject({ tier: "TIER_2", validFrom: new Date("2023-01-01"), validTo: new Date("2025-12-31") });
    const audit = await lastAudit(db, "enrolment.correct");
    expect(audit.entityId).toBe(qj.id);
    expect([audit.before, audit.after]).toEqual([
      { enrolmentId: id, scheme: "RESIDENT", tier: "TIER_1", validFrom: "2024-01-01", validTo: null },
      { enrolmentId: id, scheme: "RESIDENT", tier: "TIER_2", validFrom: "2023-01-01", validTo: "2025-12-31", reason: "录入错误，以参保系统为准" },
    ]);
  });

  it("is refused by role, by region and on a merged duplicate", async () => {
    const person = await makePerson(db, home.townA, "参保人");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    const { actor: theirs } = await makeUser(db, "MEDICAL_SECURITY", away.county);
    const { id } = await addEnrolment(db, actor, { personId: person.id, scheme: "RESIDENT", validFrom: "2020-01-01" });
    const fix = { enrolmentId: id, scheme: "EMPLOYEE" as const, validFrom: "2020-01-01", reason: "录入错误" };
    await expectRefused(db, () => correctEnrolment(db, veterans, fix), ForbiddenError, { audited: true });
    await expectRefused(db, () => correctEnrolment(db, theirs, fix), NotFoundError, { audited: true });
    const merged = await mergedPerson();
    const row = await db.insuranceEnrollment.create({ data: { personId: merged.id, scheme: "RESIDENT", validFrom: new Date("2020-01-01") } });
    await expectRefused(db, () => correctEnrolment(db, actor, { ...fix, enrolmentId: row.id }), StateError, { audited: true });
    expect((await db.insuranceEnrollment.findUniqueOrThrow({ where: { id } })).scheme).toBe("RESIDENT");
  });
});

describe("addCondition", () => {
  it("医保局 records a dated condition with its evidence; a missing evidence or unknown condition is a field error", async () => {
    const person = await makePerson(db, home.townB, "患者");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const { id } = await addCondition(db, actor, { personId: person.id, condition: "CANCER", validFrom: "2026-02-01", evidence: "县医院诊断证明 2026-0211" });
    expect(await db.personCondition.findUniqueOrThrow({ where: { id } })).toMatchObject({ condition: "CANCER", evidence: "县医院诊断证明 2026-0211", validTo: null });
    expect((await lastAudit(db, "condition.add")).entityId).toBe(person.id);
    expect(await issueFields(() => addCondition(db, actor, { personId: person.id, condition: "FLU" as "CANCER", validFrom: "2026-02-01", evidence: "" }))).toEqual({ condition: "validation.condition", evidence: "validation.evidence" });
  });

  it("is refused to the veterans bureau and a township reviewer", async () => {
    const person = await makePerson(db, home.townB, "患者");
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    const { actor: reviewer } = await makeUser(db, "TOWNSHIP_REVIEWER", home.townB);
    const input = { personId: person.id, condition: "BEDRIDDEN" as const, validFrom: "2026-02-01", evidence: "鉴定意见书" };
    await expectRefused(db, () => addCondition(db, veterans, input), ForbiddenError, { audited: true });
    await expectRefused(db, () => addCondition(db, reviewer, input), ForbiddenError, { audited: true });
  });
});

describe("endCondition", () => {
  it("医保局 ends a condition, audited with before and after; the end may not precede the start", async () => {
    const person = await makePerson(db, home.townB, "患者");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const { id } = await addCondition(db, actor, { personId: person.id, condition: "BEDRIDDEN", validFrom: "2025-04-01", evidence: "鉴定意见书" });
    expect(await issueFields(() => endCondition(db, actor, { conditionId: id, validTo: "2025-03-31" }))).toEqual({ validTo: "validation.dateRange" });
    await endCondition(db, actor, { conditionId: id, validTo: "2026-02-28" });
    expect((await db.personCondition.findUniqueOrThrow({ where: { id } })).validTo?.toISOString().slice(0, 10)).toBe("2026-02-28");
    const audit = await lastAudit(db, "condition.end");
    expect(audit.entityId).toBe(person.id);
    expect([audit.before, audit.after]).toEqual([{ conditionId: id, validTo: null }, { conditionId: id, validTo: "2026-02-28" }]);
  });

  it("is refused by role, by region and once ended", async () => {
    const person = await makePerson(db, home.townB, "患者");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    const { actor: theirs } = await makeUser(db, "MEDICAL_SECURITY", away.county);
    const { id } = await addCondition(db, actor, { personId: person.id, condition: "CANCER", validFrom: "2025-04-01", evidence: "诊断证明" });
    await expectRefused(db, () => endCondition(db, veterans, { conditionId: id, validTo: "2026-01-31" }), ForbiddenError, { audited: true });
    await expectRefused(db, () => endCondition(db, theirs, { conditionId: id, validTo: "2026-01-31" }), NotFoundError, { audited: true });
    await endCondition(db, actor, { conditionId: id, validTo: "2026-01-31" });
    await expectRefused(db, () => endCondition(db, actor, { conditionId: id, validTo: "2026-05-31" }), StateError, { audited: true });
    expect((await db.personCondition.findUniqueOrThrow({ where: { id } })).validTo?.toISOString().slice(0, 10)).toBe("2026-01-31");
  });
});
