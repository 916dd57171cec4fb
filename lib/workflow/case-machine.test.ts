import { describe, expect, it } from "vitest";
import { CASE_STATES, RULES, type CaseState } from "@/lib/auth/decide";
import { PERMISSIONS, ROLES, type GrantHolder, type Permission } from "@/lib/auth/permissions";
import { DomainError, DutyError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { yuan } from "@/lib/rules/money";
import type { ApplicationKindId } from "./application-kinds";
import { applyTransition, createCase, permissionOf, refusalError, TRANSITIONS, type TransitionResult } from "./case-machine";
import { TRANSITION_NAMES, type TransitionName, type WorkflowCase } from "./workflow-case";
import {
  actorOf,
  caseIn,
  CLERK_ID,
  commandOf,
  COUNTY_PATH,
  NOW,
  OTHER_TOWNSHIP_PATH,
  QJ_PERSON,
  REVIEWER_ID,
  SETTINGS,
  TOWNSHIP_PATH,
  userActor,
  validInput,
  YQ_PERSON,
} from "./workflow-fixtures";

// The one table the grid is generated from, written out by hand from YQ-JZ-2019 §6(2) and
// QJ-YF-2023 Art. 8, 13: who takes each transition, from which states, to which state (with the
// valid input of workflow-fixtures.ts). The machine and the decision table must both agree with it.
type Expected = { from: readonly CaseState[]; to: CaseState; who: Readonly<Record<"assistance" | "specialCare", readonly GrantHolder[]>> };
const CLERK = ["TOWNSHIP_CLERK"] as const;
const REVIEWER = ["TOWNSHIP_REVIEWER"] as const;
const both = (holders: readonly GrantHolder[]) => ({ assistance: holders, specialCare: holders });
const BEFORE_COUNTY: readonly CaseState[] = ["DRAFT", "SUBMITTED", "TOWNSHIP_REVIEW", "PUBLICITY", "RETURNED"];
const COUNTY = { assistance: ["MEDICAL_SECURITY"], specialCare: ["VETERANS_AFFAIRS"] } as const;

const EXPECTED: Readonly<Record<TransitionName, Expected>> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", who: both(CLERK) },
  resubmit: { from: ["RETURNED"], to: "SUBMITTED", who: both(CLERK) },
  withdraw: { from: BEFORE_COUNTY, to: "WITHDRAWN", who: both(CLERK) },
  investigate: { from: ["SUBMITTED", "TOWNSHIP_REVIEW"], to: "TOWNSHIP_REVIEW", who: both(REVIEWER) },
  publicize: { from: ["TOWNSHIP_REVIEW"], to: "PUBLICITY", who: both(REVIEWER) },
  object: { from: ["PUBLICITY"], to: "PUBLICITY", who: both(REVIEWER) },
  forward: { from: ["PUBLICITY"], to: "COUNTY_REVIEW", who: both(REVIEWER) },
  return: { from: ["SUBMITTED", "TOWNSHIP_REVIEW"], to: "RETURNED", who: both(REVIEWER) },
  reject: { from: ["SUBMITTED", "TOWNSHIP_REVIEW"], to: "REJECTED", who: both(REVIEWER) },
  approve: { from: ["COUNTY_REVIEW"], to: "APPROVED", who: COUNTY },
  refuse: { from: ["COUNTY_REVIEW"], to: "REJECTED", who: COUNTY },
  countyReturn: { from: ["COUNTY_REVIEW"], to: "RETURNED", who: COUNTY },
  serveNotice: { from: ["REJECTED"], to: "REJECTED", who: both(["TOWNSHIP_CLERK", "MEDICAL_SECURITY", "VETERANS_AFFAIRS"]) },
  recordPayment: { from: ["APPROVED"], to: "PAID", who: both(["FINANCE"]) },
};

const HOLDERS: readonly GrantHolder[] = [...ROLES, "SYSTEM"];
const KINDS: readonly { kind: ApplicationKindId; family: "assistance" | "specialCare" }[] = [
  { kind: "INPATIENT_ASSISTANCE", family: "assistance" },
  { kind: "QJ_SPECIAL_CARE_SUBSIDY", family: "specialCare" },
];

function run(kase: WorkflowCase, holder: GrantHolder, transition: TransitionName, kind: ApplicationKindId = kase.kind): TransitionResult {
  return applyTransition(kase, actorOf(holder), commandOf(transition, validInput(transition, kind)), NOW, { settings: SETTINGS });
}

function ok(result: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
  return result;
}

function refusalOf(result: TransitionResult) {
  if (result.ok) throw new Error(`allowed, now ${result.next.state}`);
  return result.refusal;
}

describe("the transition table agrees with the decision table (lib/auth/decide.ts RULES)", () => {
  it("covers every transition in both tables", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TRANSITION_NAMES].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...TRANSITION_NAMES].sort());
  });

  it("each transition's from-states are allowed by its permission's rule, and together they are all of them", () => {
    const used = new Map<Permission, Set<CaseState>>();
    for (const name of TRANSITION_NAMES) {
      for (const { kind } of KINDS) {
        const permission = permissionOf(name, kind);
        const states = RULES[permission].on.case;
        expect(states, `${name}: ${permission} applies to cases`).toBeInstanceOf(Array);
        for (const state of TRANSITIONS[name].from) expect(states, `${name} from ${state}`).toContain(state);
        const seen = used.get(permission) ?? new Set<CaseState>();
        for (const state of TRANSITIONS[name].from) seen.add(state);
        used.set(permission, seen);
      }
    }
    for (const [permission, states] of used) expect([...states].sort(), permission).toEqual([...(RULES[permission].on.case as readonly string[])].sort());
    // Every case-changing permission is taken by some transition (reading is not a transition).
    const caseWrites = PERMISSIONS.filter((permission) => RULES[permission].on.case && RULES[permission].on.case !== "any" && permission !== "payment:read");
    expect(caseWrites.filter((permission) => !used.has(permission))).toEqual([]);
  });

  it("the county decision is segregated and depends on the kind", () => {
    expect(permissionOf("approve", "INPATIENT_ASSISTANCE")).toBe("case:approve:assistance");
    expect(permissionOf("approve", "LOW_INCOME_RECOGNITION")).toBe("case:approve:assistance");
    expect(permissionOf("refuse", "QJ_SPECIAL_CARE_SUBSIDY")).toBe("case:approve:special-care");
    expect(RULES["case:approve:assistance"].segregated).toBe(true);
    expect(RULES["case:approve:special-care"].segregated).toBe(true);
  });

  it("the hand-written table and the machine's table name the same from-states", () => {
    for (const name of TRANSITION_NAMES) expect([...TRANSITIONS[name].from].sort(), name).toEqual([...EXPECTED[name].from].sort());
  });
});

describe("every (state, transition, role) pair, for an assistance and a special-care case", () => {
  const cells: { state: CaseState; transition: TransitionName; holder: GrantHolder; kind: ApplicationKindId; allowed: boolean; to: CaseState; permitted: boolean }[] = [];
  for (const { kind, family } of KINDS) {
    for (const transition of TRANSITION_NAMES) {
      const expected = EXPECTED[transition];
      for (const state of CASE_STATES) {
        for (const holder of HOLDERS) {
          const permitted = expected.who[family].includes(holder);
          cells.push({ state, transition, holder, kind, permitted, allowed: permitted && expected.from.includes(state), to: expected.to });
        }
      }
    }
  }

  it("has all the cells", () => {
    expect(cells).toHaveLength(KINDS.length * TRANSITION_NAMES.length * CASE_STATES.length * HOLDERS.length);
    expect(cells.filter((cell) => cell.allowed).length).toBeGreaterThan(30);
  });

  it.each(cells)("$holder $transition from $state ($kind): allowed $allowed", ({ state, transition, holder, kind, allowed, to, permitted }) => {
    const before = caseIn(state, kind);
    const snapshot = structuredClone(before);
    const result = run(before, holder, transition, kind);
    expect(before).toEqual(snapshot);
    const outcome = result.ok
      ? { ok: true, state: result.next.state, version: result.next.version, event: result.events[0] && { type: result.events[0].type, caseId: result.events[0].caseId } }
      : { ok: false, refusal: result.refusal };
    expect(outcome).toEqual(
      allowed
        ? { ok: true, state: to, version: before.version + 1, event: { type: "case.transition", caseId: before.id } }
        : { ok: false, refusal: { kind: "decision", refusal: permitted ? "state" : "permission", permission: permissionOf(transition, kind) } },
    );
  });
});

describe("region and segregation of duties", () => {
  it("a clerk or reviewer of another township does not see the case: region", () => {
    const clerk = userActor("TOWNSHIP_CLERK", OTHER_TOWNSHIP_PATH);
    expect(refusalOf(applyTransition(caseIn("DRAFT"), clerk, commandOf("submit", validInput("submit")), NOW, { settings: SETTINGS }))).toMatchObject({ kind: "decision", refusal: "region" });
    const approver = userActor("MEDICAL_SECURITY", "/50/5001/500110");
    expect(refusalOf(applyTransition(caseIn("COUNTY_REVIEW"), approver, commandOf("approve", validInput("approve")), NOW, { settings: SETTINGS }))).toMatchObject({ kind: "decision", refusal: "region" });
  });

  it("whoever filed or investigated never decides at the county, even holding the approver's role", () => {
    for (const id of [CLERK_ID, REVIEWER_ID]) {
      const approver = userActor("MEDICAL_SECURITY", COUNTY_PATH, id);
      for (const transition of ["approve", "refuse", "countyReturn"] as const) {
        const result = applyTransition(caseIn("COUNTY_REVIEW"), approver, commandOf(transition, validInput(transition)), NOW, { settings: SETTINGS });
        expect(refusalOf(result)).toMatchObject({ kind: "decision", refusal: "duty" });
      }
    }
  });

  it("an investigator named with a user id becomes a participant", () => {
    const result = ok(run(caseIn("SUBMITTED"), "TOWNSHIP_REVIEWER", "investigate"));
    expect(result.next.participants).toEqual([CLERK_ID, REVIEWER_ID]);
    const input = { ...validInput("investigate"), investigators: [{ name: "甲", userId: "county-user" }, { name: "乙" }] };
    const again = ok(applyTransition(caseIn("SUBMITTED"), actorOf("TOWNSHIP_REVIEWER"), commandOf("investigate", input), NOW, { settings: SETTINGS }));
    expect(again.next.participants).toContain("county-user");
    const approver = userActor("MEDICAL_SECURITY", COUNTY_PATH, "county-user");
    expect(refusalOf(applyTransition({ ...again.next, state: "COUNTY_REVIEW" }, approver, commandOf("approve", validInput("approve")), NOW, { settings: SETTINGS }))).toMatchObject({ refusal: "duty" });
  });

  it("the refusals map to the typed errors commands throw", () => {
    expect(refusalError({ kind: "decision", refusal: "duty", permission: "case:approve:assistance" })).toBeInstanceOf(DutyError);
    expect(refusalError({ kind: "decision", refusal: "region", permission: "case:file" })).toBeInstanceOf(NotFoundError);
    expect(refusalError({ kind: "decision", refusal: "permission", permission: "case:file" })).toBeInstanceOf(ForbiddenError);
    const rule = refusalError({ kind: "rule", code: "PUBLICITY_NOT_ENDED", values: { lastDay: "2026-03-26" } });
    expect(rule).toBeInstanceOf(DomainError);
    expect(rule).toMatchObject({ key: "workflow.PUBLICITY_NOT_ENDED", values: { lastDay: "2026-03-26" } });
  });
});

describe("the procedure's own conditions", () => {
  const reviewer = actorOf("TOWNSHIP_REVIEWER");
  const clerk = actorOf("TOWNSHIP_CLERK");
  const options = { settings: SETTINGS };

  it("opens a draft only for a kind that applies to the person, and records who filed it", () => {
    const draft = ok(createCase(clerk, { id: "c9", kind: "INPATIENT_ASSISTANCE", person: YQ_PERSON, personRegionPath: TOWNSHIP_PATH }, NOW));
    expect(draft.next).toMatchObject({ state: "DRAFT", version: 1, filedBy: CLERK_ID, participants: [CLERK_ID] });
    const wrong = refusalOf(createCase(clerk, { id: "c9", kind: "INPATIENT_ASSISTANCE", person: QJ_PERSON, personRegionPath: TOWNSHIP_PATH }, NOW));
    expect(wrong).toMatchObject({ kind: "filing", reasons: [{ code: "KIND_NOT_AVAILABLE", citation: { document: "YQ-JZ-2019", article: "§6(2)" } }] });
    expect(refusalOf(createCase(userActor("TOWNSHIP_CLERK", OTHER_TOWNSHIP_PATH), { id: "c9", kind: "INPATIENT_ASSISTANCE", person: YQ_PERSON, personRegionPath: TOWNSHIP_PATH }, NOW))).toMatchObject({ refusal: "region" });
    expect(refusalOf(createCase(reviewer, { id: "c9", kind: "INPATIENT_ASSISTANCE", person: YQ_PERSON, personRegionPath: TOWNSHIP_PATH }, NOW))).toMatchObject({ refusal: "permission" });
  });

  it("submission needs the bills, the kind's documents and a person the kind applies to on each bill's date", () => {
    const draft = caseIn("DRAFT");
    const submit = validInput("submit");
    expect(refusalOf(applyTransition(draft, clerk, commandOf("submit", { ...submit, bills: [] }), NOW, options))).toMatchObject({ code: "BILLS_MISSING", field: "bills" });
    expect(refusalOf(applyTransition(draft, clerk, commandOf("submit", { ...submit, attachments: ["RECEIPT", "DIAGNOSIS_CERTIFICATE"] }), NOW, options))).toMatchObject({
      code: "DOCUMENTS_MISSING",
      values: { missing: "MEDICAL_HISTORY,SETTLEMENT_SHEET" },
    });
    expect(refusalOf(applyTransition(draft, clerk, commandOf("submit", { ...submit, bills: [{ type: "PHARMACY", date: "2026-02-20", diagnoses: [] }] }), NOW, options))).toMatchObject({ code: "BILL_TYPE_NOT_ALLOWED", field: "bills.0.type" });
    const lapsed = { ...YQ_PERSON, identities: [{ type: "SUBSISTENCE" as const, from: "2021-01-01", to: "2026-01-31" }] };
    expect(refusalOf(applyTransition(draft, clerk, commandOf("submit", { ...submit, person: lapsed }), NOW, options))).toMatchObject({
      kind: "filing",
      reasons: [{ code: "NOT_ELIGIBLE_IDENTITY", citation: { document: "YQ-JZ-2019" } }],
    });
    const submitted = ok(applyTransition(draft, clerk, commandOf("submit", submit), NOW, options));
    expect(submitted.next.receivedOn).toBe("2026-03-20");
  });

  it("the household investigation: two investigators, a village committee member, no future date", () => {
    const kase = caseIn("SUBMITTED");
    const input = validInput("investigate");
    expect(refusalOf(applyTransition(kase, reviewer, commandOf("investigate", { ...input, investigators: [{ name: "李建平" }, { name: " 李建平 " }] }), NOW, options))).toMatchObject({
      code: "INVESTIGATORS_TOO_FEW",
      field: "investigators",
    });
    expect(refusalOf(applyTransition(kase, reviewer, commandOf("investigate", { ...input, villageCommitteeMember: "  " }), NOW, options))).toMatchObject({ code: "FIELD_REQUIRED", field: "villageCommitteeMember" });
    expect(refusalOf(applyTransition(kase, reviewer, commandOf("investigate", { ...input, date: "2026-03-21" }), NOW, options))).toMatchObject({ code: "DATE_IN_FUTURE", field: "date" });
    expect(refusalOf(applyTransition(kase, reviewer, commandOf("investigate", { ...input, date: "2026-03-01" }), NOW, options))).toMatchObject({ code: "DATE_BEFORE_RECEIVED" });
  });

  it("公示 needs an investigation that recommends approval, and runs the county's period", () => {
    const noInvestigation = { ...caseIn("TOWNSHIP_REVIEW"), investigation: null };
    expect(refusalOf(applyTransition(noInvestigation, reviewer, commandOf("publicize", validInput("publicize")), NOW, options))).toMatchObject({ code: "INVESTIGATION_REQUIRED" });
    const against = caseIn("TOWNSHIP_REVIEW");
    const refusing = { ...against, investigation: against.investigation ? { ...against.investigation, recommendation: "REFUSE" as const } : null };
    expect(refusalOf(applyTransition(refusing, reviewer, commandOf("publicize", validInput("publicize")), NOW, options))).toMatchObject({ code: "INVESTIGATION_RECOMMENDS_REFUSAL" });
    const posted = ok(applyTransition(caseIn("TOWNSHIP_REVIEW"), reviewer, commandOf("publicize", { place: "公开栏", startsOn: "2026-03-20" }), NOW, { settings: { publicityDays: 10 } }));
    expect(posted.next.publicity).toMatchObject({ startsOn: "2026-03-20", days: 10, lastDay: "2026-03-29", outcome: "RUNNING" });
  });

  it("the 公示 cannot pass before it ends: forwarding on its last day is refused, the day after allowed", () => {
    const posted = caseIn("PUBLICITY");
    const lastDay = new Date("2026-03-12T15:59:00Z");
    expect(refusalOf(applyTransition(posted, reviewer, commandOf("forward", {}), lastDay, options))).toMatchObject({ code: "PUBLICITY_NOT_ENDED", values: { lastDay: "2026-03-12" } });
    // 00:00 on 13 March in China is 16:00 UTC on the 12th.
    const forwarded = ok(applyTransition(posted, reviewer, commandOf("forward", {}), new Date("2026-03-12T16:00:00Z"), options));
    expect(forwarded.next).toMatchObject({ state: "COUNTY_REVIEW", publicity: { outcome: "PASSED" } });
  });

  it("an objection is recorded with its finding; an upheld one returns the case to township review, and a new 公示 may follow", () => {
    const posted = caseIn("PUBLICITY");
    const input = validInput("object");
    expect(refusalOf(applyTransition(posted, reviewer, commandOf("object", { ...input, receivedOn: "2026-03-13" }), NOW, options))).toMatchObject({ code: "OBJECTION_OUTSIDE_PERIOD" });
    expect(refusalOf(applyTransition(posted, reviewer, commandOf("object", { ...input, finding: "" }), NOW, options))).toMatchObject({ code: "FIELD_REQUIRED", field: "finding" });
    const rejected = ok(applyTransition(posted, reviewer, commandOf("object", input), NOW, options));
    expect(rejected.next).toMatchObject({ state: "PUBLICITY", publicity: { objections: [{ objector: "村民甲", upheld: false, finding: "经核实无经营收入" }] } });
    const upheld = ok(applyTransition(rejected.next, reviewer, commandOf("object", { ...input, upheld: true, finding: "经核实有个体经营收入" }), NOW, options));
    expect(upheld.next).toMatchObject({ state: "TOWNSHIP_REVIEW", publicity: { outcome: "INTERRUPTED" } });
    expect(upheld.next.publicity?.objections).toHaveLength(2);
    const reposted = ok(applyTransition(upheld.next, reviewer, commandOf("publicize", validInput("publicize")), NOW, options));
    expect(reposted.next.publicity).toMatchObject({ startsOn: "2026-03-20", objections: [], outcome: "RUNNING" });
  });

  it("a return says what is missing and by when; a township return goes back to the township, a county return to the county", () => {
    expect(refusalOf(applyTransition(caseIn("SUBMITTED"), reviewer, commandOf("return", { missing: [], note: " ", dueOn: "2026-04-10" }), NOW, options))).toMatchObject({ code: "RETURN_EMPTY" });
    expect(refusalOf(applyTransition(caseIn("SUBMITTED"), reviewer, commandOf("return", { ...validInput("return"), dueOn: "2026-03-20" }), NOW, options))).toMatchObject({ code: "DUE_DATE_NOT_AFTER_TODAY", field: "dueOn" });
    const returned = ok(applyTransition(caseIn("SUBMITTED"), reviewer, commandOf("return", validInput("return")), NOW, options));
    expect(returned.next.returned).toMatchObject({ level: "TOWNSHIP", missing: ["MEDICAL_HISTORY"], dueOn: "2026-04-10", returnedOn: "2026-03-20" });
    expect(refusalOf(applyTransition(returned.next, clerk, commandOf("resubmit", { attachments: ["RECEIPT", "DIAGNOSIS_CERTIFICATE", "SETTLEMENT_SHEET"] }), NOW, options))).toMatchObject({ code: "DOCUMENTS_MISSING", values: { missing: "MEDICAL_HISTORY" } });
    expect(ok(applyTransition(returned.next, clerk, commandOf("resubmit", validInput("resubmit")), NOW, options)).next).toMatchObject({ state: "SUBMITTED", returned: null });
    const approver = actorOf("MEDICAL_SECURITY");
    const countyReturned = ok(applyTransition(caseIn("COUNTY_REVIEW"), approver, commandOf("countyReturn", validInput("countyReturn")), NOW, options));
    expect(countyReturned.next.participants).not.toContain("medical_security-1");
    expect(ok(applyTransition(countyReturned.next, clerk, commandOf("resubmit", validInput("resubmit")), NOW, options)).next.state).toBe("COUNTY_REVIEW");
  });

  it("a refusal needs reasons with their articles and asks for its notice", () => {
    const kase = caseIn("TOWNSHIP_REVIEW");
    expect(refusalOf(applyTransition(kase, reviewer, commandOf("reject", { reasons: [], note: "" }), NOW, options))).toMatchObject({ code: "REASON_REQUIRED" });
    expect(refusalOf(applyTransition(kase, reviewer, commandOf("reject", { reasons: [{ source: "reviewer", code: "NO_SUCH" }], note: "" }), NOW, options))).toMatchObject({ code: "REASON_UNKNOWN", field: "reasons.0" });
    // A rules reason with no article of its own needs the one the computation gave it.
    expect(refusalOf(applyTransition(kase, reviewer, commandOf("reject", { reasons: [{ source: "rules", code: "ANNUAL_CAP_REACHED" }], note: "" }), NOW, options))).toMatchObject({ code: "REASON_UNKNOWN" });
    const rejected = ok(applyTransition(kase, reviewer, commandOf("reject", validInput("reject")), NOW, options));
    expect(rejected.next.rejection).toMatchObject({ level: "TOWNSHIP", decidedOn: "2026-03-20", servedOn: null, reasons: [{ code: "HOUSEHOLD_NOT_IN_HARDSHIP", citation: { document: "YQ-JZ-2019" } }] });
    expect(rejected.events[1]).toMatchObject({ type: "notice.issue", level: "TOWNSHIP", caseId: "case-1" });
    const refused = ok(applyTransition(caseIn("COUNTY_REVIEW"), actorOf("MEDICAL_SECURITY"), commandOf("refuse", validInput("refuse")), NOW, options));
    expect(refused.next.rejection).toMatchObject({ level: "COUNTY", reasons: [{ source: "rules", code: "ANNUAL_CAP_REACHED", citation: { article: "§4(2)3" } }] });
  });

  it("the notice's date of service is entered once, not before the decision nor in the future, with both deadlines", () => {
    const kase = caseIn("REJECTED");
    const server = actorOf("TOWNSHIP_CLERK");
    expect(refusalOf(applyTransition(kase, server, commandOf("serveNotice", { servedOn: "2026-03-09" }), NOW, options))).toMatchObject({ code: "SERVED_BEFORE_DECISION" });
    expect(refusalOf(applyTransition(kase, server, commandOf("serveNotice", { servedOn: "2026-03-21" }), NOW, options))).toMatchObject({ code: "DATE_IN_FUTURE" });
    const served = ok(applyTransition(kase, server, commandOf("serveNotice", { servedOn: "2026-03-18" }), NOW, options));
    expect(served.events[0]).toMatchObject({ detail: { servedOn: "2026-03-18", reconsiderationBy: "2026-05-17", lawsuitBy: "2026-09-18" } });
    expect(refusalOf(applyTransition(served.next, server, commandOf("serveNotice", { servedOn: "2026-03-19" }), NOW, options))).toMatchObject({ code: "NOTICE_ALREADY_SERVED" });
  });

  it("approving a low-income recognition grants LOW_INCOME from the approval date", () => {
    const kase = caseIn("COUNTY_REVIEW", "LOW_INCOME_RECOGNITION");
    const approved = ok(applyTransition(kase, actorOf("MEDICAL_SECURITY"), commandOf("approve", validInput("approve")), NOW, options));
    expect(approved.next.approval).toEqual({ approvedOn: "2026-03-20", by: "medical_security-1" });
    expect(approved.events).toContainEqual({ type: "identity.grant", caseId: "case-1", identity: "LOW_INCOME", from: "2026-03-20" });
    const plain = ok(applyTransition(caseIn("COUNTY_REVIEW"), actorOf("MEDICAL_SECURITY"), commandOf("approve", validInput("approve")), NOW, options));
    expect(plain.events.map((event) => event.type)).toEqual(["case.transition"]);
    expect(plain.events[0]).toMatchObject({ detail: { total: "1234.00" } });
  });

  it("the approver confirms what was computed: nothing to pay is no approval, and recognition needs its threshold", () => {
    const approver = actorOf("MEDICAL_SECURITY");
    const nothing = { computed: { total: 0n, personalCosts: [yuan(25000)] } };
    expect(refusalOf(applyTransition(caseIn("COUNTY_REVIEW"), approver, commandOf("approve", nothing), NOW, options))).toMatchObject({ code: "NOTHING_TO_APPROVE" });
    const below = { computed: { total: 0n, personalCosts: [yuan(19999), yuan(19000), yuan(11000)] } };
    expect(refusalOf(applyTransition(caseIn("COUNTY_REVIEW", "LOW_INCOME_RECOGNITION"), approver, commandOf("approve", below), NOW, options))).toMatchObject({
      code: "RECOGNITION_THRESHOLD_NOT_MET",
      values: { largestBill: "19999.00", yearTotal: "49999.00", singleBillThreshold: "20000.00", annualThreshold: "50000.00" },
    });
    const annual = { computed: { total: 0n, personalCosts: [yuan(19999), yuan(19999), yuan(10002)] } };
    expect(ok(applyTransition(caseIn("COUNTY_REVIEW", "LOW_INCOME_RECOGNITION"), approver, commandOf("approve", annual), NOW, options)).next.state).toBe("APPROVED");
  });

  it("a payment is recorded on or after the approval", () => {
    expect(refusalOf(applyTransition(caseIn("APPROVED"), actorOf("FINANCE"), commandOf("recordPayment", { paidOn: "2026-03-15", reference: "x" }), NOW, options))).toMatchObject({ code: "PAID_BEFORE_APPROVAL" });
    expect(ok(applyTransition(caseIn("APPROVED"), actorOf("FINANCE"), commandOf("recordPayment", validInput("recordPayment")), NOW, options)).next.payment).toEqual({ paidOn: "2026-03-19", reference: "ZF-2026-0002" });
  });

  it("the whole journey of an inpatient-assistance case, one version per step", () => {
    const steps: { holder: GrantHolder; transition: TransitionName; at: Date; to: CaseState }[] = [
      { holder: "TOWNSHIP_CLERK", transition: "submit", at: new Date("2026-03-02T01:00:00Z"), to: "SUBMITTED" },
      { holder: "TOWNSHIP_REVIEWER", transition: "investigate", at: new Date("2026-03-18T01:00:00Z"), to: "TOWNSHIP_REVIEW" },
      { holder: "TOWNSHIP_REVIEWER", transition: "publicize", at: new Date("2026-03-20T01:00:00Z"), to: "PUBLICITY" },
      { holder: "TOWNSHIP_REVIEWER", transition: "forward", at: new Date("2026-03-27T01:00:00Z"), to: "COUNTY_REVIEW" },
      { holder: "MEDICAL_SECURITY", transition: "approve", at: new Date("2026-03-30T01:00:00Z"), to: "APPROVED" },
      { holder: "FINANCE", transition: "recordPayment", at: new Date("2026-04-20T01:00:00Z"), to: "PAID" },
    ];
    let kase = caseIn("DRAFT");
    const first = kase.version;
    for (const step of steps) {
      const input = step.transition === "recordPayment" ? { paidOn: "2026-04-20", reference: "ZF-1" } : validInput(step.transition);
      const result = ok(applyTransition(kase, actorOf(step.holder), commandOf(step.transition, input), step.at, options));
      expect(result.next.state, step.transition).toBe(step.to);
      kase = result.next;
    }
    expect(kase.version).toBe(first + steps.length);
    expect(kase.publicity).toMatchObject({ startsOn: "2026-03-20", lastDay: "2026-03-26", outcome: "PASSED" });
  });
});
