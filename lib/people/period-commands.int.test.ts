import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { addCondition } from "@/lib/people/add-condition";
import { addEnrolment } from "@/lib/people/add-enrolment";
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
});
afterAll(() => db.$disconnect());

describe("addEnrolment", () => {
  it("医保局 records a period, audited on the person; overlapping periods are refused", async () => {
    const person = await makePerson(db, home.townA, "参保人");
    const { actor } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const { id } = await addEnrolment(db, actor, { personId: person.id, scheme: "RESIDENT", validFrom: "2020-01-01", validTo: "2025-12-31" });
    expect(await db.insuranceEnrollment.findUniqueOrThrow({ where: { id } })).toMatchObject({ personId: person.id, scheme: "RESIDENT" });
    expect((await lastAudit(db, "enrolment.add")).after).toEqual({ enrolmentId: id, scheme: "RESIDENT", validFrom: "2020-01-01", validTo: "2025-12-31" });
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
