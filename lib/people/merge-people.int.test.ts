import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { createCase } from "@/lib/cases/create-case";
import { DomainError, ForbiddenError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { addAssistanceIdentity } from "@/lib/people/add-identity";
import { mergePeople, type MergedRows } from "@/lib/people/merge-people";
import { listPeople, personHistory } from "@/lib/people/people.queries";
import { peopleSearchSchema } from "@/lib/people/people.schema";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makePerson, makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
let caseSeq = 0;
const REASON = "同一人两次登记，身份证号录错";

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

async function pair() {
  const keep = await makePerson(db, home.townA, "孙重复");
  const dup = await makePerson(db, home.townB, "孙重复");
  const { actor: civil, user } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
  await addAssistanceIdentity(db, civil, { personId: keep.id, type: "SUBSISTENCE", validFrom: "2025-01-01" });
  const { id: dupIdentity } = await addAssistanceIdentity(db, civil, { personId: dup.id, type: "LOW_INCOME", validFrom: "2026-01-01" });
  caseSeq += 1;
  const dupCase = await db.case.create({ data: { number: `${home.county}-2026-8${String(caseSeq).padStart(5, "0")}`, kind: "LOW_INCOME_RECOGNITION", personId: dup.id, regionCode: home.townB, jurisdiction: "CN-SX-YQ", filedById: user.id } });
  const hospital = await db.hospital.create({ data: { code: `H${home.county}${caseSeq}`, name: "县医院", regionCode: home.county, level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, province: "SX" } });
  const dupClaim = await db.claim.create({ data: { personId: dup.id, type: "INPATIENT", settledOn: new Date("2026-03-01"), route: "LOCAL", hospitalId: hospital.id } });
  const enrolment = await db.insuranceEnrollment.create({ data: { personId: dup.id, scheme: "RESIDENT", validFrom: new Date("2020-01-01") } });
  const serviceman = await db.serviceman.create({ data: { personId: dup.id, kind: "VETERAN", regionCode: home.county } });
  const family = await db.person.update({ where: { id: (await makePerson(db, home.townB, "孙家属")).id }, data: { servicemanId: serviceman.id, relationToServiceman: "SPOUSE" } });
  const proposal = await db.identityProposal.create({ data: { personId: dup.id, type: "SUBSISTENCE", validFrom: new Date("2026-01-01"), reason: "家庭收入低于低保标准", bureau: "CIVIL_AFFAIRS", proposedById: user.id, proposedBy: user.username } });
  return { keep, dup, dupIdentity, dupCase, dupClaim, enrolment, family, serviceman, proposal, civil };
}

describe("mergePeople", () => {
  it("moves claims, cases, periods, proposals and the serviceman record to the kept record, keeps both histories, and lists every moved row in its audit row", async () => {
    const { keep, dup, dupIdentity, dupCase, dupClaim, enrolment, family, serviceman, proposal, civil } = await pair();
    await mergePeople(db, civil, { keepId: keep.id, mergeId: dup.id, reason: REASON }, { requestId: "req-m1" });
    expect(await db.claim.findUniqueOrThrow({ where: { id: dupClaim.id } })).toMatchObject({ personId: keep.id });
    expect(await db.case.findUniqueOrThrow({ where: { id: dupCase.id } })).toMatchObject({ personId: keep.id });
    expect(await db.personIdentity.findUniqueOrThrow({ where: { id: dupIdentity } })).toMatchObject({ personId: keep.id });
    expect(await db.insuranceEnrollment.findUniqueOrThrow({ where: { id: enrolment.id } })).toMatchObject({ personId: keep.id });
    expect(await db.serviceman.findUniqueOrThrow({ where: { id: serviceman.id } })).toMatchObject({ personId: keep.id });
    expect(await db.person.findUniqueOrThrow({ where: { id: family.id } })).toMatchObject({ servicemanId: serviceman.id });
    expect(await db.identityProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ personId: keep.id });
    expect(await db.person.findUniqueOrThrow({ where: { id: dup.id } })).toMatchObject({ mergedIntoId: keep.id, name: "孙重复" });

    const audit = await lastAudit(db, "person.merge");
    expect(audit).toMatchObject({ entityId: dup.id, actorId: civil.id, requestId: "req-m1" });
    const after = audit.after as { mergedIntoId: string; reason: string; moved: MergedRows };
    expect(after).toEqual({ mergedIntoId: keep.id, reason: REASON, moved: { claims: [dupClaim.id], cases: [dupCase.id], identities: [dupIdentity], enrolments: [enrolment.id], conditions: [], family: [], servicemen: [serviceman.id], proposals: [proposal.id] } });
    // Both histories: the duplicate's own rows stay on it, the kept record shows the merge.
    expect((await personHistory(dup.id)).map((r) => r.action)).toEqual(["person.merge", "identity.add"]);
    expect((await personHistory(keep.id)).map((r) => r.action)).toEqual(["person.mergeKeep", "identity.add"]);
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const listed = await listPeople(actor, peopleSearchSchema.parse({ q: "孙重复" }));
    expect(listed.rows.map((r) => r.id)).toEqual([keep.id]);
  });

  it("the audit row alone is enough to reverse the merge", async () => {
    const { keep, dup, civil } = await pair();
    await mergePeople(db, civil, { keepId: keep.id, mergeId: dup.id, reason: REASON });
    const { moved } = (await lastAudit(db, "person.merge")).after as { moved: MergedRows };
    // What an undo does, driven by nothing but the audit row.
    await db.$transaction([
      db.claim.updateMany({ where: { id: { in: moved.claims } }, data: { personId: dup.id } }),
      db.case.updateMany({ where: { id: { in: moved.cases } }, data: { personId: dup.id } }),
      db.personIdentity.updateMany({ where: { id: { in: moved.identities } }, data: { personId: dup.id } }),
      db.insuranceEnrollment.updateMany({ where: { id: { in: moved.enrolments } }, data: { personId: dup.id } }),
      db.serviceman.updateMany({ where: { id: { in: moved.servicemen } }, data: { personId: dup.id } }),
      db.identityProposal.updateMany({ where: { id: { in: moved.proposals } }, data: { personId: dup.id } }),
      db.person.update({ where: { id: dup.id }, data: { mergedIntoId: null, mergedAt: null } }),
    ]);
    expect(await db.personIdentity.count({ where: { personId: keep.id } })).toBe(1);
    expect(await db.personIdentity.count({ where: { personId: dup.id } })).toBe(1);
    expect(await db.claim.count({ where: { personId: dup.id } })).toBe(1);
    expect(await db.case.count({ where: { personId: dup.id } })).toBe(1);
    expect(await db.serviceman.count({ where: { personId: dup.id } })).toBe(1);
  });

  it("moves the duplicate's family to the kept serviceman's record when both have one", async () => {
    const { keep, dup, family, serviceman, civil } = await pair();
    const kept = await db.serviceman.create({ data: { personId: keep.id, kind: "VETERAN", regionCode: home.county } });
    await mergePeople(db, civil, { keepId: keep.id, mergeId: dup.id, reason: REASON });
    expect(await db.person.findUniqueOrThrow({ where: { id: family.id } })).toMatchObject({ servicemanId: kept.id });
    // The duplicate's record stays on the duplicate: an undo moves the family back to it.
    expect(await db.serviceman.findUniqueOrThrow({ where: { id: serviceman.id } })).toMatchObject({ personId: dup.id });
    expect(((await lastAudit(db, "person.merge")).after as { moved: MergedRows }).moved).toMatchObject({ family: [family.id], servicemen: [] });
  });

  it("is refused to a township clerk, across counties, twice, with a paid duplicate, without a reason; nothing moves", async () => {
    const { keep, dup, dupClaim, civil } = await pair();
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { actor: other } = await makeUser(db, "CIVIL_AFFAIRS", away.county);
    const theirs = await makePerson(db, away.townA, "孙重复");
    await expectRefused(db, () => mergePeople(db, clerk, { keepId: keep.id, mergeId: dup.id, reason: REASON }), ForbiddenError, { audited: true });
    await expectRefused(db, () => mergePeople(db, other, { keepId: keep.id, mergeId: dup.id, reason: REASON }), NotFoundError, { audited: true });
    await expectRefused(db, () => mergePeople(db, civil, { keepId: keep.id, mergeId: theirs.id, reason: REASON }), NotFoundError, { audited: true });
    await expectRefused(db, () => mergePeople(db, civil, { keepId: keep.id, mergeId: dup.id, reason: " " }), ValidationError, { audited: false });
    await expectRefused(db, () => mergePeople(db, civil, { keepId: keep.id, mergeId: keep.id, reason: REASON }), ValidationError, { audited: false });
    await db.personLedger.create({ data: { personId: dup.id } });
    await expectRefused(db, () => mergePeople(db, civil, { keepId: keep.id, mergeId: dup.id, reason: REASON }), DomainError, { audited: false });
    await db.personLedger.delete({ where: { personId: dup.id } });
    await mergePeople(db, civil, { keepId: keep.id, mergeId: dup.id, reason: REASON });
    await expectRefused(db, () => mergePeople(db, civil, { keepId: dup.id, mergeId: keep.id, reason: REASON }), DomainError, { audited: false });
    expect(await db.claim.findUniqueOrThrow({ where: { id: dupClaim.id } })).toMatchObject({ personId: keep.id });
  });

  it("after the merge the duplicate takes no new identity and no application: they belong on the record kept", async () => {
    const { keep, dup, civil } = await pair();
    await mergePeople(db, civil, { keepId: keep.id, mergeId: dup.id, reason: REASON });
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townB);
    await expectRefused(db, () => addAssistanceIdentity(db, civil, { personId: dup.id, type: "SUBSISTENCE", validFrom: "2026-06-01" }), StateError, { audited: true });
    await expectRefused(db, () => createCase(db, clerk, { personId: dup.id, kind: "LOW_INCOME_RECOGNITION", bills: "[]" }), StateError, { audited: true });
    expect(await db.case.count({ where: { personId: dup.id } })).toBe(0);
  });
});
