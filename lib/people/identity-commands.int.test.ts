import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { addAssistanceIdentity, addMedicalIdentity, addSpecialCareIdentity } from "@/lib/people/add-identity";
import { endAssistanceIdentity, endSpecialCareIdentity } from "@/lib/people/end-identity";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makePerson, makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
let caseSeq = 0;

const identityRows = () => db.personIdentity.count();

async function issueFields(call: () => Promise<unknown>) {
  const error = await call().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries((error as ValidationError).issues.map((i) => [String(i.path[0]), i.message]));
}

async function makeCase(personId: string, regionCode: string, filedById: string, state: "APPROVED" | "DRAFT") {
  caseSeq += 1;
  return db.case.create({ data: { number: `${regionCode.slice(0, 6)}-2026-9${String(caseSeq).padStart(5, "0")}`, kind: "LOW_INCOME_RECOGNITION", personId, regionCode, jurisdiction: "CN-SX-YQ", state, filedById } });
}

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("identity periods, each kept by its bureau", () => {
  it("civil affairs records 低保 from the certificate date, with the certificate, audited on the person", async () => {
    const person = await makePerson(db, home.townA, "低保户");
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { id } = await addAssistanceIdentity(db, actor, { personId: person.id, type: "SUBSISTENCE", validFrom: "2026-03-01", validTo: "", certificate: "盂民〔2026〕3号" }, { requestId: "req-i1" });
    const row = await db.personIdentity.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ personId: person.id, type: "SUBSISTENCE", validTo: null, certificate: "盂民〔2026〕3号", certifiedBy: "CIVIL_AFFAIRS", sourceCaseId: null });
    expect(row.validFrom.toISOString().slice(0, 10)).toBe("2026-03-01");
    const audit = await lastAudit(db, "identity.add");
    expect(audit).toMatchObject({ entityId: person.id, regionCode: home.townA, actorId: actor.id, requestId: "req-i1" });
    expect(audit.after).toEqual({ identityId: id, type: "SUBSISTENCE", validFrom: "2026-03-01", validTo: null, certificate: "盂民〔2026〕3号", sourceCaseId: null, certifiedBy: "CIVIL_AFFAIRS" });
  });

  it("a bureau may not record another bureau's identity; a clerk records none", async () => {
    const person = await makePerson(db, home.townA, "甲");
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const before = await identityRows();
    expect(await issueFields(() => addAssistanceIdentity(db, civil, { personId: person.id, type: "DEMOBILIZED", validFrom: "2026-01-01" }))).toEqual({ type: "validation.identityType" });
    expect(await issueFields(() => addSpecialCareIdentity(db, veterans, { personId: person.id, type: "SUBSISTENCE", validFrom: "2026-01-01" }))).toEqual({ type: "validation.identityType" });
    await expectRefused(db, () => addAssistanceIdentity(db, veterans, { personId: person.id, type: "SUBSISTENCE", validFrom: "2026-01-01" }), ForbiddenError, { audited: true });
    await expectRefused(db, () => addSpecialCareIdentity(db, clerk, { personId: person.id, type: "DEMOBILIZED", validFrom: "2026-01-01" }), ForbiddenError, { audited: true });
    expect(await identityRows()).toBe(before);
  });

  it("is refused for a person of another county (not found), and nothing is written", async () => {
    const theirs = await makePerson(db, away.townA, "乙");
    const { actor } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    const before = await identityRows();
    await expectRefused(db, () => addSpecialCareIdentity(db, actor, { personId: theirs.id, type: "DEMOBILIZED", validFrom: "2026-01-01" }), NotFoundError, { audited: true });
    expect(await identityRows()).toBe(before);
  });

  it("refuses overlapping periods of one identity and an end before the start", async () => {
    const person = await makePerson(db, home.townB, "丙");
    const { actor } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    await addSpecialCareIdentity(db, actor, { personId: person.id, type: "DEMOBILIZED", validFrom: "2020-01-01", validTo: "2025-12-31" });
    expect(await issueFields(() => addSpecialCareIdentity(db, actor, { personId: person.id, type: "DEMOBILIZED", validFrom: "2025-06-01" }))).toEqual({ validFrom: "validation.identityOverlap" });
    expect(await issueFields(() => addSpecialCareIdentity(db, actor, { personId: person.id, type: "WAR_VETERAN", validFrom: "2025-06-01", validTo: "2025-05-01" }))).toEqual({ validTo: "validation.dateRange" });
    await addSpecialCareIdentity(db, actor, { personId: person.id, type: "DEMOBILIZED", validFrom: "2026-01-01" });
    expect(await db.personIdentity.count({ where: { personId: person.id } })).toBe(2);
  });

  it("the medical bureau's recognitions come from an approved case of the same person", async () => {
    const person = await makePerson(db, home.townA, "丁");
    const other = await makePerson(db, home.townA, "戊");
    const { actor, user } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const approved = await makeCase(person.id, home.townA, user.id, "APPROVED");
    const draft = await makeCase(person.id, home.townA, user.id, "DRAFT");
    const othersCase = await makeCase(other.id, home.townA, user.id, "APPROVED");
    expect(await issueFields(() => addMedicalIdentity(db, actor, { personId: person.id, type: "ILLNESS_POVERTY", validFrom: "2026-04-01" }))).toEqual({ sourceCaseId: "validation.sourceCase" });
    expect(await issueFields(() => addMedicalIdentity(db, actor, { personId: person.id, type: "ILLNESS_POVERTY", validFrom: "2026-04-01", sourceCaseId: draft.id }))).toEqual({ sourceCaseId: "validation.sourceCase" });
    expect(await issueFields(() => addMedicalIdentity(db, actor, { personId: person.id, type: "ILLNESS_POVERTY", validFrom: "2026-04-01", sourceCaseId: othersCase.id }))).toEqual({ sourceCaseId: "validation.sourceCase" });
    const { id } = await addMedicalIdentity(db, actor, { personId: person.id, type: "ILLNESS_POVERTY", validFrom: "2026-04-01", sourceCaseId: approved.id });
    expect(await db.personIdentity.findUniqueOrThrow({ where: { id } })).toMatchObject({ sourceCaseId: approved.id, certifiedBy: "MEDICAL_SECURITY" });
  });

  it("a period is ended by its keeper only, with before and after", async () => {
    const person = await makePerson(db, home.townA, "己");
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    const { id } = await addAssistanceIdentity(db, civil, { personId: person.id, type: "SUBSISTENCE", validFrom: "2026-03-01" });
    await expectRefused(db, () => endSpecialCareIdentity(db, veterans, { identityId: id, validTo: "2026-06-30" }), ForbiddenError, { audited: true });
    expect(await issueFields(() => endAssistanceIdentity(db, civil, { identityId: id, validTo: "2026-02-01" }))).toEqual({ validTo: "validation.dateRange" });
    await endAssistanceIdentity(db, civil, { identityId: id, validTo: "2026-06-30" });
    expect((await db.personIdentity.findUniqueOrThrow({ where: { id } })).validTo?.toISOString().slice(0, 10)).toBe("2026-06-30");
    const audit = await lastAudit(db, "identity.end");
    expect([audit.entityId, audit.before, audit.after]).toEqual([person.id, { identityId: id, validTo: null }, { identityId: id, validTo: "2026-06-30" }]);
  });

  it("a period of the demo (no bureau recorded) is kept by the bureau of its type", async () => {
    const person = await makePerson(db, home.townA, "庚");
    const row = await db.personIdentity.create({ data: { personId: person.id, type: "DEMOBILIZED", validFrom: new Date("2010-01-01") } });
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    await expectRefused(db, () => endAssistanceIdentity(db, civil, { identityId: row.id, validTo: "2026-06-30" }), ForbiddenError, { audited: true });
    await endSpecialCareIdentity(db, veterans, { identityId: row.id, validTo: "2026-06-30" });
  });
});
