import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { DutyError, ForbiddenError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { addAssistanceIdentity } from "@/lib/people/add-identity";
import { acceptAssistanceProposal, acceptSpecialCareProposal, rejectAssistanceProposal, rejectSpecialCareProposal } from "@/lib/people/decide-identity-proposal";
import { proposeIdentity } from "@/lib/people/propose-identity";
import { personHistory } from "@/lib/people/people.queries";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makePerson, makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;

const REASON = "家庭人均收入低于低保标准，已入户核实";

async function issueFields(call: () => Promise<unknown>) {
  const error = await call().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries((error as ValidationError).issues.map((i) => [String(i.path[0]), i.message]));
}

async function proposed(type: "SUBSISTENCE" | "DEMOBILIZED" = "SUBSISTENCE", validFrom = "2026-03-01") {
  const person = await makePerson(db, home.townA, "钱申报");
  const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
  const { proposalId } = await proposeIdentity(db, clerk, { personId: person.id, type, validFrom, reason: REASON, attachment: "秀水镇民政档案 2026-017" });
  return { person, clerk, proposalId };
}

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("proposeIdentity", () => {
  it("sends a clerk's proposal to the bureau that certifies the type, audited on the person", async () => {
    const person = await makePerson(db, home.townA, "孙低保");
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const { proposalId } = await proposeIdentity(db, clerk, { personId: person.id, type: "SUBSISTENCE", validFrom: "2026-03-01", reason: REASON, attachment: "" }, { requestId: "req-p1" });
    expect(await db.identityProposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ bureau: "CIVIL_AFFAIRS", state: "PENDING", proposedById: clerk.id, attachment: null });
    const audit = await lastAudit(db, "identity.propose");
    expect(audit).toMatchObject({ entity: "person", entityId: person.id, regionCode: home.townA, requestId: "req-p1" });
    expect(audit.after).toEqual({ proposalId, type: "SUBSISTENCE", validFrom: "2026-03-01", bureau: "CIVIL_AFFAIRS", reason: REASON, attachment: null });
    const veteran = await proposeIdentity(db, clerk, { personId: person.id, type: "DEMOBILIZED", validFrom: "2026-01-01", reason: "原在乡复员军人，证件齐全" });
    expect(await db.identityProposal.findUniqueOrThrow({ where: { id: veteran.proposalId } })).toMatchObject({ bureau: "VETERANS_AFFAIRS" });
    // Nothing is certified by a proposal.
    expect(await db.personIdentity.count({ where: { personId: person.id } })).toBe(0);
  });

  it("refuses the medical bureau's recognitions, a second pending proposal, an overlap, a short reason", async () => {
    const { person, clerk } = await proposed();
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    await addAssistanceIdentity(db, civil, { personId: person.id, type: "LOW_INCOME", validFrom: "2025-01-01" });
    expect(await issueFields(() => proposeIdentity(db, clerk, { personId: person.id, type: "ILLNESS_POVERTY", validFrom: "2026-03-01", reason: REASON }))).toEqual({ type: "validation.identityType" });
    expect(await issueFields(() => proposeIdentity(db, clerk, { personId: person.id, type: "SUBSISTENCE", validFrom: "2026-04-01", reason: REASON }))).toEqual({ type: "validation.proposalPending" });
    expect(await issueFields(() => proposeIdentity(db, clerk, { personId: person.id, type: "LOW_INCOME", validFrom: "2026-04-01", reason: REASON }))).toEqual({ validFrom: "validation.identityOverlap" });
    expect(await issueFields(() => proposeIdentity(db, clerk, { personId: person.id, type: "EXTREME_POVERTY", validFrom: "2026-04-01", reason: "低" }))).toEqual({ reason: "validation.proposalReason" });
  });

  it("is refused to a bureau, and for a person of another township (not found)", async () => {
    const person = await makePerson(db, home.townA, "周");
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { actor: otherClerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townB);
    const count = await db.identityProposal.count();
    await expectRefused(db, () => proposeIdentity(db, civil, { personId: person.id, type: "SUBSISTENCE", validFrom: "2026-03-01", reason: REASON }), ForbiddenError, { audited: true });
    await expectRefused(db, () => proposeIdentity(db, otherClerk, { personId: person.id, type: "SUBSISTENCE", validFrom: "2026-03-01", reason: REASON }), NotFoundError, { audited: true });
    expect(await db.identityProposal.count()).toBe(count);
  });
});

describe("the bureau's decision", () => {
  it("accepting records the period through the bureau's command (identity.add) from the proposed date", async () => {
    const { person, proposalId } = await proposed();
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    const { identityId } = await acceptAssistanceProposal(db, civil, { proposalId, certificate: "盂民〔2026〕9号" }, { requestId: "req-p2" });
    expect(await db.personIdentity.findUniqueOrThrow({ where: { id: identityId } })).toMatchObject({ personId: person.id, type: "SUBSISTENCE", certifiedBy: "CIVIL_AFFAIRS", certificate: "盂民〔2026〕9号", validTo: null });
    expect(await db.identityProposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ state: "ACCEPTED", identityId, decidedById: civil.id, decidedBy: civil.username });
    const audit = await lastAudit(db, "identity.proposalAccept");
    expect(audit).toMatchObject({ entityId: person.id, requestId: "req-p2" });
    expect(audit.before).toEqual({ proposalId, state: "PENDING" });
    expect(audit.after).toEqual({ proposalId, state: "ACCEPTED", identityId, certificate: "盂民〔2026〕9号" });
    expect((await personHistory(person.id)).map((r) => r.action)).toEqual(["identity.proposalAccept", "identity.add", "identity.propose"]);
  });

  it("rejecting keeps the reason; the person gets no identity", async () => {
    const { person, proposalId } = await proposed("DEMOBILIZED");
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    await rejectSpecialCareProposal(db, veterans, { proposalId, rejectReason: "无复员证明，请补充档案" });
    expect(await db.identityProposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ state: "REJECTED", decisionNote: "无复员证明，请补充档案", identityId: null });
    const audit = await lastAudit(db, "identity.proposalReject");
    expect(audit.before).toEqual({ proposalId, state: "PENDING" });
    expect(audit.after).toEqual({ proposalId, state: "REJECTED", reason: "无复员证明，请补充档案" });
    expect(await db.personIdentity.count({ where: { personId: person.id } })).toBe(0);
  });

  it("is decided once: a second decision is refused by state", async () => {
    const { proposalId } = await proposed();
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    await rejectAssistanceProposal(db, civil, { proposalId, rejectReason: "收入核对不符" });
    await expectRefused(db, () => acceptAssistanceProposal(db, civil, { proposalId }), StateError, { audited: true });
    await expectRefused(db, () => rejectAssistanceProposal(db, civil, { proposalId, rejectReason: "收入核对不符" }), StateError, { audited: true });
  });

  it("is refused to another bureau, to the clerk, to another county (not found), and to the proposer (duty)", async () => {
    const { clerk, proposalId } = await proposed();
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", home.county);
    const { actor: theirs } = await makeUser(db, "CIVIL_AFFAIRS", away.county);
    const { actor: civil, user } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    await expectRefused(db, () => acceptSpecialCareProposal(db, veterans, { proposalId }), ForbiddenError, { audited: true });
    await expectRefused(db, () => acceptAssistanceProposal(db, clerk, { proposalId }), ForbiddenError, { audited: true });
    await expectRefused(db, () => acceptAssistanceProposal(db, theirs, { proposalId }), NotFoundError, { audited: true });
    await expectRefused(db, () => rejectAssistanceProposal(db, theirs, { proposalId, rejectReason: "不在本县" }), NotFoundError, { audited: true });
    // The roles differ, so this takes a hand-made row: whoever proposed may not decide.
    await db.identityProposal.update({ where: { id: proposalId }, data: { proposedById: user.id } });
    await expectRefused(db, () => acceptAssistanceProposal(db, civil, { proposalId }), DutyError, { audited: true });
    expect(await db.identityProposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ state: "PENDING" });
  });

  it("the bureau's own checks apply on acceptance: an overlap found meanwhile is refused and nothing changes", async () => {
    const { person, proposalId } = await proposed("SUBSISTENCE", "2026-03-01");
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", home.county);
    await addAssistanceIdentity(db, civil, { personId: person.id, type: "SUBSISTENCE", validFrom: "2026-01-01" });
    const identities = await db.personIdentity.count();
    expect(await issueFields(() => acceptAssistanceProposal(db, civil, { proposalId }))).toEqual({ validFrom: "validation.identityOverlap" });
    expect(await db.personIdentity.count()).toBe(identities);
    expect(await db.identityProposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ state: "PENDING" });
  });
});
