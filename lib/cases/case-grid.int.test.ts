// Every case command, from one table: allowed for its role (with its audit row), and refused by
// role, by region (another township, another county) and by state, each refusal writing nothing
// but its access.refused row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { CaseState } from "@/lib/auth/decide";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, StateError } from "@/lib/errors";
import { addDays } from "@/lib/workflow/deadlines";
import { attachRequired, caseInCountyReview, INVESTIGATION, inpatientBill, makeApplicant, makeCaseWorld, runPublicityOut, TODAY, type CaseWorld } from "@/test/integration/case-factories";
import { approveCase } from "./approve-case";
import { countyReturnCase } from "./county-return-case";
import { createCase } from "./create-case";
import { forwardCase } from "./forward-case";
import { investigateCase } from "./investigate-case";
import { publicizeCase } from "./publicize-case";
import { recordObjection } from "./record-objection";
import { recordPayment } from "./record-payment";
import { refuseCase } from "./refuse-case";
import { rejectCase } from "./reject-case";
import { resubmitCase } from "./resubmit-case";
import { returnCase } from "./return-case";
import { serveNotice } from "./serve-notice";
import { submitCase } from "./submit-case";
import { withdrawCase } from "./withdraw-case";

const db = createPrisma();
let world: CaseWorld;

beforeAll(async () => {
  world = await makeCaseWorld(db);
});
afterAll(() => db.$disconnect());

type Ref = { id: string; version: number };

// A case in each state, reached through the commands themselves.
const reach: Record<Exclude<CaseState, "PAID" | "WITHDRAWN">, () => Promise<Ref>> = {
  async DRAFT() {
    const person = await makeApplicant(db, world.tree.townA);
    const created = await createCase(db, world.users.clerk, { personId: person.id, kind: "INPATIENT_ASSISTANCE", bills: [inpatientBill(world.hospital.id)] });
    return { id: created.id, version: await attachRequired(db, world.users.clerk, created.id, "INPATIENT_ASSISTANCE", created.version) };
  },
  async SUBMITTED() {
    const kase = await reach.DRAFT();
    return { id: kase.id, version: (await submitCase(db, world.users.clerk, { caseId: kase.id, version: kase.version })).version };
  },
  async TOWNSHIP_REVIEW() {
    const kase = await reach.SUBMITTED();
    return { id: kase.id, version: (await investigateCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, ...INVESTIGATION })).version };
  },
  async PUBLICITY() {
    const kase = await reach.TOWNSHIP_REVIEW();
    return { id: kase.id, version: (await publicizeCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, place: "公开栏", startsOn: TODAY })).version };
  },
  async COUNTY_REVIEW() {
    const person = await makeApplicant(db, world.tree.townA);
    const kase = await caseInCountyReview(db, world, person.id);
    return { id: kase.id, version: kase.version };
  },
  async APPROVED() {
    const kase = await reach.COUNTY_REVIEW();
    return { id: kase.id, version: (await approveCase(db, world.users.medical, { caseId: kase.id, version: kase.version })).version };
  },
  async RETURNED() {
    const kase = await reach.SUBMITTED();
    return { id: kase.id, version: (await returnCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, missing: [], note: "补充说明", dueOn: addDays(TODAY, 7) })).version };
  },
  async REJECTED() {
    const kase = await reach.SUBMITTED();
    return { id: kase.id, version: (await rejectCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, reasons: "reviewer:HOUSEHOLD_NOT_IN_HARDSHIP", note: "" })).version };
  },
};

type Row = {
  action: string;
  state: keyof typeof reach;
  /** A state the command does not apply in. */
  wrongState: keyof typeof reach;
  actor: (w: CaseWorld) => Actor;
  wrongRole: (w: CaseWorld) => Actor;
  /** Same county, another township (township roles) or another county (county roles). */
  outside: (w: CaseWorld) => Actor;
  run: (actor: Actor, kase: Ref) => Promise<{ state: string }>;
  before?: (kase: Ref) => Promise<void>;
};

const townshipOutside = (w: CaseWorld) => w.users.clerkB;
const reviewerOutside = (w: CaseWorld) => w.users.reviewerB;
const countyOutside = (w: CaseWorld) => w.users.awayMedical;
const reason = { reasons: "reviewer:COSTS_NOT_COMPLIANT", note: "" };

const GRID: Row[] = [
  { action: "case.submit", state: "DRAFT", wrongState: "SUBMITTED", actor: (w) => w.users.clerk, wrongRole: (w) => w.users.reviewer, outside: townshipOutside, run: (a, k) => submitCase(db, a, { caseId: k.id, version: k.version }) },
  { action: "case.resubmit", state: "RETURNED", wrongState: "SUBMITTED", actor: (w) => w.users.clerk, wrongRole: (w) => w.users.reviewer, outside: townshipOutside, run: (a, k) => resubmitCase(db, a, { caseId: k.id, version: k.version }) },
  { action: "case.withdraw", state: "SUBMITTED", wrongState: "COUNTY_REVIEW", actor: (w) => w.users.clerk, wrongRole: (w) => w.users.medical, outside: townshipOutside, run: (a, k) => withdrawCase(db, a, { caseId: k.id, version: k.version, reason: "申请人撤回" }) },
  { action: "case.investigate", state: "SUBMITTED", wrongState: "DRAFT", actor: (w) => w.users.reviewer, wrongRole: (w) => w.users.clerk, outside: reviewerOutside, run: (a, k) => investigateCase(db, a, { caseId: k.id, version: k.version, ...INVESTIGATION }) },
  { action: "case.publicize", state: "TOWNSHIP_REVIEW", wrongState: "SUBMITTED", actor: (w) => w.users.reviewer, wrongRole: (w) => w.users.clerk, outside: reviewerOutside, run: (a, k) => publicizeCase(db, a, { caseId: k.id, version: k.version, place: "公开栏", startsOn: TODAY }) },
  { action: "case.object", state: "PUBLICITY", wrongState: "TOWNSHIP_REVIEW", actor: (w) => w.users.reviewer, wrongRole: (w) => w.users.clerk, outside: reviewerOutside, run: (a, k) => recordObjection(db, a, { caseId: k.id, version: k.version, objector: "村民", receivedOn: TODAY, content: "异议", upheld: "", finding: "不成立" }) },
  { action: "case.forward", state: "PUBLICITY", wrongState: "TOWNSHIP_REVIEW", actor: (w) => w.users.reviewer, wrongRole: (w) => w.users.medical, outside: reviewerOutside, run: (a, k) => forwardCase(db, a, { caseId: k.id, version: k.version }), before: (k) => runPublicityOut(db, k.id) },
  { action: "case.return", state: "SUBMITTED", wrongState: "PUBLICITY", actor: (w) => w.users.reviewer, wrongRole: (w) => w.users.clerk, outside: reviewerOutside, run: (a, k) => returnCase(db, a, { caseId: k.id, version: k.version, missing: "RECEIPT", note: "", dueOn: addDays(TODAY, 5) }) },
  { action: "case.reject", state: "TOWNSHIP_REVIEW", wrongState: "PUBLICITY", actor: (w) => w.users.reviewer, wrongRole: (w) => w.users.clerk, outside: reviewerOutside, run: (a, k) => rejectCase(db, a, { caseId: k.id, version: k.version, ...reason }) },
  { action: "case.approve", state: "COUNTY_REVIEW", wrongState: "PUBLICITY", actor: (w) => w.users.medical, wrongRole: (w) => w.users.clerk, outside: countyOutside, run: (a, k) => approveCase(db, a, { caseId: k.id, version: k.version }) },
  { action: "case.refuse", state: "COUNTY_REVIEW", wrongState: "APPROVED", actor: (w) => w.users.medical, wrongRole: (w) => w.users.reviewer, outside: countyOutside, run: (a, k) => refuseCase(db, a, { caseId: k.id, version: k.version, ...reason }) },
  { action: "case.countyReturn", state: "COUNTY_REVIEW", wrongState: "SUBMITTED", actor: (w) => w.users.medical, wrongRole: (w) => w.users.veterans, outside: countyOutside, run: (a, k) => countyReturnCase(db, a, { caseId: k.id, version: k.version, missing: "RECEIPT", note: "", dueOn: addDays(TODAY, 5) }) },
  { action: "case.serveNotice", state: "REJECTED", wrongState: "APPROVED", actor: (w) => w.users.clerk, wrongRole: (w) => w.users.reviewer, outside: townshipOutside, run: (a, k) => serveNotice(db, a, { caseId: k.id, version: k.version, servedOn: TODAY }) },
  { action: "case.recordPayment", state: "APPROVED", wrongState: "COUNTY_REVIEW", actor: (w) => w.users.finance, wrongRole: (w) => w.users.medical, outside: (w) => w.users.awayFinance, run: (a, k) => recordPayment(db, a, { caseId: k.id, version: k.version, paidOn: TODAY, reference: "FK-9" }) },
];

async function written() {
  const [cases, versions, audit, refused, notices, payouts] = await Promise.all([
    db.case.count(),
    db.case.aggregate({ _sum: { version: true } }),
    db.auditLog.count({ where: { NOT: { action: "access.refused" } } }),
    db.auditLog.count({ where: { action: "access.refused" } }),
    db.refusalNotice.count(),
    db.payout.count(),
  ]);
  return { cases, versions: versions._sum.version ?? 0, audit, refused, notices, payouts };
}

async function refused(call: () => Promise<unknown>, errorClass: abstract new (...args: never[]) => Error) {
  const before = await written();
  await expect(call()).rejects.toBeInstanceOf(errorClass);
  expect(await written()).toEqual({ ...before, refused: before.refused + 1 });
}

describe.each(GRID)("$action", (row) => {
  it("is refused by role, by region and by state, writing nothing but the refusal", async () => {
    const kase = await reach[row.state]();
    await row.before?.(kase);
    await refused(() => row.run(row.wrongRole(world), kase), ForbiddenError);
    await refused(() => row.run(row.outside(world), kase), NotFoundError);
    const other = await reach[row.wrongState]();
    await refused(() => row.run(row.actor(world), other), StateError);
  });

  it("is taken by its role, with its audit row", async () => {
    const kase = await reach[row.state]();
    await row.before?.(kase);
    const result = await row.run(row.actor(world), kase);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: kase.id, action: row.action }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: row.actor(world).id, regionCode: world.tree.townA });
    expect(audit.after).toMatchObject({ to: result.state, version: kase.version + 1 });
  });
});
