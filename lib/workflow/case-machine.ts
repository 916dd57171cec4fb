// The case state machine of YQ-JZ-2019 §6(2) (and QJ-YF-2023 Art. 8, 13): application → household
// investigation → 公示 → county approval or refusal → payment. Every transition is a function of
// (case, actor, input, now) → the next case and the events to record, or a typed refusal. Who may
// take a transition, in which state and region, and with which segregation of duties, is decided by
// lib/auth/decide.ts; this module adds the procedure's own conditions.
import type { CommandActor } from "@/lib/auth/actor";
import { decide, type CaseState, type Refusal } from "@/lib/auth/decide";
import type { Permission } from "@/lib/auth/permissions";
import { DomainError, DutyError, ForbiddenError, NotFoundError, StateError } from "@/lib/errors";
import type { IsoDate } from "@/lib/rules/dates";
import type { ClaimType, Person } from "@/lib/rules/domain";
import { DEFAULT_LIBRARY, type PolicyLibrary } from "@/lib/rules/library/policy-library";
import { formatYuan, type Fen } from "@/lib/rules/money";
import type { JsonValue } from "@/lib/rules/to-json";
import { APPLICATION_KINDS, type ApplicationKindId, type AttachmentKind } from "./application-kinds";
import { checkFiling, checkRecognitionThreshold } from "./check-filing";
import { publicityPeriod, reconsiderationDeadline, lawsuitDeadline } from "./deadlines";
import { resolveReason, type ChosenReason, type RefusalReason } from "./refusal-reasons";
import type { HouseholdInvestigation, Investigator, ReturnRequest, TransitionName, WorkflowCase, WorkflowEvent } from "./workflow-case";

/** The county's settings the machine reads (stored per county by the database side). */
export type WorkflowSettings = { publicityDays: number };

/** The county decision's permission depends on the kind (assistance or special care). */
type PermissionSpec = Permission | "kind";

export type TransitionSpec = {
  permission: PermissionSpec;
  from: readonly CaseState[];
  /** Where it leads; several when the input decides (an upheld objection, a county return). */
  to: readonly CaseState[];
};

const BEFORE_COUNTY: readonly CaseState[] = ["DRAFT", "SUBMITTED", "TOWNSHIP_REVIEW", "PUBLICITY", "RETURNED"];
const TOWNSHIP_DESK: readonly CaseState[] = ["SUBMITTED", "TOWNSHIP_REVIEW"];

/** The transition table. A unit test checks it against RULES in lib/auth/decide.ts. */
export const TRANSITIONS: Readonly<Record<TransitionName, TransitionSpec>> = {
  submit: { permission: "case:file", from: ["DRAFT"], to: ["SUBMITTED"] },
  // A township return goes back to the township's desk; a county return straight back to the county.
  resubmit: { permission: "case:resubmit", from: ["RETURNED"], to: ["SUBMITTED", "COUNTY_REVIEW"] },
  withdraw: { permission: "case:withdraw", from: BEFORE_COUNTY, to: ["WITHDRAWN"] },
  investigate: { permission: "case:investigate", from: TOWNSHIP_DESK, to: ["TOWNSHIP_REVIEW"] },
  publicize: { permission: "case:publicize", from: ["TOWNSHIP_REVIEW"], to: ["PUBLICITY"] },
  object: { permission: "case:object", from: ["PUBLICITY"], to: ["PUBLICITY", "TOWNSHIP_REVIEW"] },
  // 报县级审批 after the 公示 has ended (YQ-JZ-2019 §6(2) "审核公示后报县级医疗保障部门审批").
  forward: { permission: "case:publicize", from: ["PUBLICITY"], to: ["COUNTY_REVIEW"] },
  return: { permission: "case:return", from: TOWNSHIP_DESK, to: ["RETURNED"] },
  reject: { permission: "case:reject", from: TOWNSHIP_DESK, to: ["REJECTED"] },
  approve: { permission: "kind", from: ["COUNTY_REVIEW"], to: ["APPROVED"] },
  refuse: { permission: "kind", from: ["COUNTY_REVIEW"], to: ["REJECTED"] },
  countyReturn: { permission: "kind", from: ["COUNTY_REVIEW"], to: ["RETURNED"] },
  serveNotice: { permission: "case:serve-notice", from: ["REJECTED"], to: ["REJECTED"] },
  recordPayment: { permission: "payment:record", from: ["APPROVED"], to: ["PAID"] },
};

export function permissionOf(transition: TransitionName, kind: ApplicationKindId): Permission {
  const spec = TRANSITIONS[transition].permission;
  return spec === "kind" ? APPLICATION_KINDS[kind].approvePermission : spec;
}

export type BillSummary = { type: ClaimType; date: IsoDate; diagnoses: readonly string[] };
export type ReturnInput = { missing: AttachmentKind[]; note: string; dueOn: IsoDate };
export type RejectInput = { reasons: ChosenReason[]; note: string };

/** What each transition takes, besides the case, the actor and the time. */
export type TransitionInput = {
  submit: { attachments: readonly AttachmentKind[]; person: Person; bills: readonly BillSummary[]; oneOffDecidedForYear?: boolean | undefined };
  resubmit: { attachments: readonly AttachmentKind[] };
  withdraw: { reason: string };
  investigate: Omit<HouseholdInvestigation, "recordedBy">;
  publicize: { place: string; startsOn: IsoDate };
  object: { objector: string; receivedOn: IsoDate; content: string; upheld: boolean; finding: string };
  forward: Record<string, never>;
  return: ReturnInput;
  reject: RejectInput;
  /**
   * What the rules module computed at county review, which the approver confirms and cannot change
   * (issue 8): the total this approval fixes, and each bill's compliant cost the person bore after
   * insurance (the recognition threshold is checked on it).
   */
  approve: { computed: { total: Fen; personalCosts: readonly Fen[] } };
  refuse: RejectInput;
  countyReturn: ReturnInput;
  serveNotice: { servedOn: IsoDate };
  recordPayment: { paidOn: IsoDate; reference: string };
};

export type WorkflowCommand = { [T in TransitionName]: { transition: T; input: TransitionInput[T] } }[TransitionName];

export const RULE_REFUSAL_CODES = [
  "FIELD_REQUIRED",
  "DATE_IN_FUTURE",
  "DATE_BEFORE_RECEIVED",
  "DUE_DATE_NOT_AFTER_TODAY",
  "DOCUMENTS_MISSING",
  "BILLS_MISSING",
  "BILL_TYPE_NOT_ALLOWED",
  "INVESTIGATORS_TOO_FEW",
  "INVESTIGATION_REQUIRED",
  "INVESTIGATION_RECOMMENDS_REFUSAL",
  "PUBLICITY_BEFORE_INVESTIGATION",
  "PUBLICITY_NOT_ENDED",
  "OBJECTION_OUTSIDE_PERIOD",
  "RETURN_EMPTY",
  "REASON_REQUIRED",
  "REASON_UNKNOWN",
  "NOTICE_ALREADY_SERVED",
  "SERVED_BEFORE_DECISION",
  "PAID_BEFORE_APPROVAL",
  "NOTHING_TO_APPROVE",
  "RECOGNITION_THRESHOLD_NOT_MET",
] as const;
export type RuleRefusalCode = (typeof RULE_REFUSAL_CODES)[number];

export type WorkflowRefusal =
  /** From the decision function: no permission, outside the region, wrong state, or segregation. */
  | { kind: "decision"; refusal: Refusal; permission: Permission }
  /** A condition of the procedure; `field` names the input field at fault. */
  | { kind: "rule"; code: RuleRefusalCode; field?: string | undefined; values?: Record<string, string | number> | undefined }
  /** The filing check refused the kind for this person and bill. */
  | { kind: "filing"; reasons: RefusalReason[] };

export type TransitionResult = { ok: true; next: WorkflowCase; events: WorkflowEvent[] } | { ok: false; refusal: WorkflowRefusal };

/** The calendar day in China (UTC+8, no daylight saving) of an instant: all procedure dates are local. */
export function chinaDate(now: Date): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function actorId(actor: CommandActor): string {
  return actor.kind === "user" ? actor.id : `system:${actor.job}:${actor.jobId}`;
}

type Context = { kase: WorkflowCase; actor: CommandActor; by: string; today: IsoDate; at: string; settings: WorkflowSettings; library: PolicyLibrary };

class Refused {
  constructor(readonly refusal: WorkflowRefusal) {}
}

function refuse(code: RuleRefusalCode, field?: string, values?: Record<string, string | number>): never {
  throw new Refused({ kind: "rule", code, field, values });
}

function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) refuse("FIELD_REQUIRED", field);
  return trimmed;
}

function notAfterToday(date: IsoDate, today: IsoDate, field: string): void {
  if (date > today) refuse("DATE_IN_FUTURE", field, { date, today });
}

function withParticipant(kase: WorkflowCase, by: string): string[] {
  return kase.participants.includes(by) ? kase.participants : [...kase.participants, by];
}

function missingDocuments(kindId: ApplicationKindId, attachments: readonly AttachmentKind[]): AttachmentKind[] {
  return APPLICATION_KINDS[kindId].requiredDocuments.map((document) => document.kind).filter((kind) => !attachments.includes(kind));
}

function resolveReasons(input: RejectInput): RefusalReason[] {
  if (input.reasons.length === 0) refuse("REASON_REQUIRED", "reasons");
  return input.reasons.map((chosen, index) => resolveReason(chosen) ?? refuse("REASON_UNKNOWN", `reasons.${index}`, { code: chosen.code }));
}

function returnRequest(ctx: Context, input: ReturnInput, level: ReturnRequest["level"]): ReturnRequest {
  const note = input.note.trim();
  if (input.missing.length === 0 && note.length === 0) refuse("RETURN_EMPTY", "missing");
  if (input.dueOn <= ctx.today) refuse("DUE_DATE_NOT_AFTER_TODAY", "dueOn", { dueOn: input.dueOn, today: ctx.today });
  return { level, missing: [...input.missing], note, dueOn: input.dueOn, returnedOn: ctx.today, by: ctx.by };
}

function cleanInvestigators(investigators: readonly Investigator[]): Investigator[] {
  const seen = new Set<string>();
  const result: Investigator[] = [];
  investigators.forEach((investigator, index) => {
    const name = required(investigator.name, `investigators.${index}.name`);
    if (seen.has(name)) return;
    seen.add(name);
    result.push(investigator.userId ? { name, userId: investigator.userId } : { name });
  });
  return result;
}

type Step = { next: WorkflowCase; detail: { [key: string]: JsonValue }; extra?: WorkflowEvent[] };

// Each step may refuse (by throwing Refused, caught in applyTransition) and otherwise returns the
// next case; the state, version and the transition's event are filled in by applyTransition.
const STEPS: { [T in TransitionName]: (ctx: Context, input: TransitionInput[T]) => Step } = {
  submit(ctx, input) {
    const kind = APPLICATION_KINDS[ctx.kase.kind];
    if (kind.claimTypes.length > 0 && input.bills.length === 0) refuse("BILLS_MISSING", "bills");
    input.bills.forEach((bill, index) => {
      if (!kind.claimTypes.includes(bill.type)) refuse("BILL_TYPE_NOT_ALLOWED", `bills.${index}.type`, { type: bill.type });
    });
    const missing = missingDocuments(ctx.kase.kind, input.attachments);
    if (missing.length > 0) refuse("DOCUMENTS_MISSING", "attachments", { missing: missing.join(",") });
    const reasons: RefusalReason[] = [];
    for (const bill of input.bills) {
      const check = checkFiling(kind, input.person, bill.date, ctx.today, { diagnoses: bill.diagnoses, oneOffDecidedForYear: input.oneOffDecidedForYear, library: ctx.library });
      if (!check.ok) for (const reason of check.reasons) if (!reasons.some((known) => known.code === reason.code)) reasons.push(reason);
    }
    if (reasons.length > 0) throw new Refused({ kind: "filing", reasons });
    return {
      next: { ...ctx.kase, state: "SUBMITTED", receivedOn: ctx.kase.receivedOn ?? ctx.today, participants: withParticipant(ctx.kase, ctx.by) },
      detail: { attachments: [...input.attachments], bills: input.bills.length },
    };
  },
  resubmit(ctx, input) {
    const returned = ctx.kase.returned;
    const stillMissing = [...(returned?.missing ?? []), ...missingDocuments(ctx.kase.kind, [])].filter((kind, index, all) => all.indexOf(kind) === index && !input.attachments.includes(kind));
    if (stillMissing.length > 0) refuse("DOCUMENTS_MISSING", "attachments", { missing: stillMissing.join(",") });
    const state: CaseState = returned?.level === "COUNTY" ? "COUNTY_REVIEW" : "SUBMITTED";
    return {
      next: { ...ctx.kase, state, returned: null, participants: withParticipant(ctx.kase, ctx.by) },
      detail: { attachments: [...input.attachments], returnedBy: returned?.level ?? null },
    };
  },
  withdraw(ctx, input) {
    const reason = required(input.reason, "reason");
    return { next: { ...ctx.kase, state: "WITHDRAWN", withdrawal: { withdrawnOn: ctx.today, by: ctx.by, reason } }, detail: { reason } };
  },
  investigate(ctx, input) {
    notAfterToday(input.date, ctx.today, "date");
    if (ctx.kase.receivedOn !== null && input.date < ctx.kase.receivedOn) refuse("DATE_BEFORE_RECEIVED", "date", { date: input.date, receivedOn: ctx.kase.receivedOn });
    const investigators = cleanInvestigators(input.investigators);
    if (investigators.length < 2) refuse("INVESTIGATORS_TOO_FEW", "investigators", { count: investigators.length });
    const investigation: HouseholdInvestigation = {
      date: input.date,
      investigators,
      villageCommitteeMember: required(input.villageCommitteeMember, "villageCommitteeMember"),
      householdSituation: required(input.householdSituation, "householdSituation"),
      findings: required(input.findings, "findings"),
      recommendation: input.recommendation,
      recordedBy: ctx.by,
    };
    let participants = withParticipant(ctx.kase, ctx.by);
    for (const investigator of investigators) if (investigator.userId && !participants.includes(investigator.userId)) participants = [...participants, investigator.userId];
    return {
      next: { ...ctx.kase, state: "TOWNSHIP_REVIEW", investigation, participants },
      detail: { date: investigation.date, investigators: investigators.map((investigator) => investigator.name), recommendation: investigation.recommendation },
    };
  },
  publicize(ctx, input) {
    const investigation = ctx.kase.investigation;
    if (!investigation) refuse("INVESTIGATION_REQUIRED");
    if (investigation.recommendation !== "APPROVE") refuse("INVESTIGATION_RECOMMENDS_REFUSAL");
    const place = required(input.place, "place");
    if (input.startsOn < investigation.date) refuse("PUBLICITY_BEFORE_INVESTIGATION", "startsOn", { startsOn: input.startsOn, investigated: investigation.date });
    const period = publicityPeriod(input.startsOn, ctx.settings.publicityDays);
    return {
      next: {
        ...ctx.kase,
        state: "PUBLICITY",
        publicity: { place, startsOn: input.startsOn, days: ctx.settings.publicityDays, lastDay: period.lastDay, objections: [], outcome: "RUNNING" },
        participants: withParticipant(ctx.kase, ctx.by),
      },
      detail: { place, startsOn: input.startsOn, days: ctx.settings.publicityDays, lastDay: period.lastDay },
    };
  },
  object(ctx, input) {
    const publicity = ctx.kase.publicity;
    if (!publicity) refuse("INVESTIGATION_REQUIRED");
    notAfterToday(input.receivedOn, ctx.today, "receivedOn");
    if (input.receivedOn < publicity.startsOn || input.receivedOn > publicity.lastDay) {
      refuse("OBJECTION_OUTSIDE_PERIOD", "receivedOn", { receivedOn: input.receivedOn, startsOn: publicity.startsOn, lastDay: publicity.lastDay });
    }
    const objection = {
      objector: required(input.objector, "objector"),
      receivedOn: input.receivedOn,
      content: required(input.content, "content"),
      upheld: input.upheld,
      finding: required(input.finding, "finding"),
      recordedBy: ctx.by,
    };
    const objections = [...publicity.objections, objection];
    // An upheld objection ends this posting: the township reviews the case again (and may post anew).
    const next: WorkflowCase = input.upheld
      ? { ...ctx.kase, state: "TOWNSHIP_REVIEW", publicity: { ...publicity, objections, outcome: "INTERRUPTED" } }
      : { ...ctx.kase, state: "PUBLICITY", publicity: { ...publicity, objections } };
    return { next: { ...next, participants: withParticipant(ctx.kase, ctx.by) }, detail: { objector: objection.objector, receivedOn: objection.receivedOn, upheld: objection.upheld } };
  },
  forward(ctx) {
    const publicity = ctx.kase.publicity;
    if (!publicity) refuse("INVESTIGATION_REQUIRED");
    if (ctx.today <= publicity.lastDay) refuse("PUBLICITY_NOT_ENDED", undefined, { lastDay: publicity.lastDay });
    return {
      next: { ...ctx.kase, state: "COUNTY_REVIEW", publicity: { ...publicity, outcome: "PASSED" }, participants: withParticipant(ctx.kase, ctx.by) },
      detail: { lastDay: publicity.lastDay, objections: publicity.objections.length },
    };
  },
  return(ctx, input) {
    const returned = returnRequest(ctx, input, "TOWNSHIP");
    return { next: { ...ctx.kase, state: "RETURNED", returned, participants: withParticipant(ctx.kase, ctx.by) }, detail: { missing: returned.missing, dueOn: returned.dueOn } };
  },
  reject(ctx, input) {
    return rejection(ctx, input, "TOWNSHIP");
  },
  approve(ctx, input) {
    const kind = APPLICATION_KINDS[ctx.kase.kind];
    const extra: WorkflowEvent[] = [];
    const { total, personalCosts } = input.computed;
    if (kind.computes.recognitionThreshold) {
      // YQ-JZ-2019 §4(1)3: recognised only when the costs reach the library's thresholds.
      const threshold = checkRecognitionThreshold(ctx.kase.jurisdiction, ctx.today, personalCosts, ctx.library);
      if (!threshold?.met) {
        refuse("RECOGNITION_THRESHOLD_NOT_MET", "computed", {
          largestBill: formatYuan(threshold?.largestBill ?? 0n),
          yearTotal: formatYuan(threshold?.yearTotal ?? 0n),
          singleBillThreshold: formatYuan(threshold?.singleBillThreshold ?? 0n),
          annualThreshold: formatYuan(threshold?.annualThreshold ?? 0n),
        });
      }
    } else if (total <= 0n) {
      // Nothing computed to pay is a refusal with the computation's reason, not an approval of 0.
      refuse("NOTHING_TO_APPROVE", "computed");
    }
    if (kind.grantsIdentity) {
      // The identity holds from the approval date (issue 8), under the rule in force that day.
      const rule = ctx.library.resolve(ctx.kase.jurisdiction, ctx.today)[kind.grantsIdentity];
      if (rule) extra.push({ type: "identity.grant", caseId: ctx.kase.id, identity: rule.value.grants, from: ctx.today });
    }
    return { next: { ...ctx.kase, state: "APPROVED", approval: { approvedOn: ctx.today, by: ctx.by } }, detail: { total: formatYuan(total) }, extra };
  },
  refuse(ctx, input) {
    return rejection(ctx, input, "COUNTY");
  },
  countyReturn(ctx, input) {
    const returned = returnRequest(ctx, input, "COUNTY");
    return { next: { ...ctx.kase, state: "RETURNED", returned }, detail: { missing: returned.missing, dueOn: returned.dueOn } };
  },
  serveNotice(ctx, input) {
    const rejected = ctx.kase.rejection;
    if (!rejected) refuse("REASON_REQUIRED");
    if (rejected.servedOn !== null) refuse("NOTICE_ALREADY_SERVED", "servedOn", { servedOn: rejected.servedOn });
    notAfterToday(input.servedOn, ctx.today, "servedOn");
    if (input.servedOn < rejected.decidedOn) refuse("SERVED_BEFORE_DECISION", "servedOn", { servedOn: input.servedOn, decidedOn: rejected.decidedOn });
    return {
      next: { ...ctx.kase, rejection: { ...rejected, servedOn: input.servedOn } },
      detail: { servedOn: input.servedOn, reconsiderationBy: reconsiderationDeadline(input.servedOn).nominal, lawsuitBy: lawsuitDeadline(input.servedOn).nominal },
    };
  },
  recordPayment(ctx, input) {
    const approval = ctx.kase.approval;
    notAfterToday(input.paidOn, ctx.today, "paidOn");
    if (!approval || input.paidOn < approval.approvedOn) refuse("PAID_BEFORE_APPROVAL", "paidOn", { paidOn: input.paidOn, approvedOn: approval?.approvedOn ?? "" });
    const reference = required(input.reference, "reference");
    return { next: { ...ctx.kase, state: "PAID", payment: { paidOn: input.paidOn, reference } }, detail: { paidOn: input.paidOn, reference } };
  },
};

function rejection(ctx: Context, input: RejectInput, level: "TOWNSHIP" | "COUNTY"): Step {
  const reasons = resolveReasons(input);
  const note = input.note.trim();
  const participants = level === "TOWNSHIP" ? withParticipant(ctx.kase, ctx.by) : ctx.kase.participants;
  return {
    next: { ...ctx.kase, state: "REJECTED", rejection: { level, reasons, note, decidedOn: ctx.today, by: ctx.by, servedOn: null }, participants },
    detail: { level, reasons: reasons.map((reason) => reason.code) },
    extra: [{ type: "notice.issue", caseId: ctx.kase.id, level, decidedOn: ctx.today, reasons }],
  };
}

export type MachineOptions = { settings: WorkflowSettings; library?: PolicyLibrary | undefined };

/**
 * Takes one transition. Order of checks: permission, region, state, segregation (decide), then the
 * procedure's conditions on the input. A refusal changes nothing; a success returns the next case
 * with its version raised and the events to record in the same transaction.
 */
export function applyTransition(kase: WorkflowCase, actor: CommandActor, command: WorkflowCommand, now: Date, options: MachineOptions): TransitionResult {
  const spec = TRANSITIONS[command.transition];
  const permission = permissionOf(command.transition, kase.kind);
  const decision = decide(actor, permission, { entity: "case", id: kase.id, regionPath: kase.regionPath, state: kase.state, participants: kase.participants });
  if (!decision.ok) return { ok: false, refusal: { kind: "decision", refusal: decision.refusal, permission } };
  // The decision table and this one agree (a test checks); a state it lets through is still ours to check.
  if (!spec.from.includes(kase.state)) return { ok: false, refusal: { kind: "decision", refusal: "state", permission } };
  const ctx: Context = { kase, actor, by: actorId(actor), today: chinaDate(now), at: now.toISOString(), settings: options.settings, library: options.library ?? DEFAULT_LIBRARY };
  let step: Step;
  try {
    step = runStep(ctx, command);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    throw error;
  }
  const next: WorkflowCase = { ...step.next, version: kase.version + 1 };
  const event: WorkflowEvent = { type: "case.transition", transition: command.transition, caseId: kase.id, actorId: ctx.by, at: ctx.at, from: kase.state, to: next.state, detail: step.detail };
  return { ok: true, next, events: [event, ...(step.extra ?? [])] };
}

function runStep(ctx: Context, command: WorkflowCommand): Step {
  switch (command.transition) {
    case "submit":
      return STEPS.submit(ctx, command.input);
    case "resubmit":
      return STEPS.resubmit(ctx, command.input);
    case "withdraw":
      return STEPS.withdraw(ctx, command.input);
    case "investigate":
      return STEPS.investigate(ctx, command.input);
    case "publicize":
      return STEPS.publicize(ctx, command.input);
    case "object":
      return STEPS.object(ctx, command.input);
    case "forward":
      return STEPS.forward(ctx, command.input);
    case "return":
      return STEPS.return(ctx, command.input);
    case "reject":
      return STEPS.reject(ctx, command.input);
    case "approve":
      return STEPS.approve(ctx, command.input);
    case "refuse":
      return STEPS.refuse(ctx, command.input);
    case "countyReturn":
      return STEPS.countyReturn(ctx, command.input);
    case "serveNotice":
      return STEPS.serveNotice(ctx, command.input);
    case "recordPayment":
      return STEPS.recordPayment(ctx, command.input);
  }
}

export type CreateInput = { id: string; kind: ApplicationKindId; person: Person; personRegionPath: string };

/**
 * Opens a draft for a person of the actor's township (case:file on the person). The kind is checked
 * against the person at once, on today: a kind that cannot apply is refused before anything is typed.
 */
export function createCase(actor: CommandActor, input: CreateInput, now: Date, options: { library?: PolicyLibrary | undefined } = {}): TransitionResult {
  const decision = decide(actor, "case:file", { entity: "person", regionPath: input.personRegionPath });
  if (!decision.ok) return { ok: false, refusal: { kind: "decision", refusal: decision.refusal, permission: "case:file" } };
  const today = chinaDate(now);
  const check = checkFiling(APPLICATION_KINDS[input.kind], input.person, null, today, { library: options.library });
  if (!check.ok) return { ok: false, refusal: { kind: "filing", reasons: check.reasons } };
  const by = actorId(actor);
  const next: WorkflowCase = {
    id: input.id,
    kind: input.kind,
    regionPath: input.personRegionPath,
    jurisdiction: input.person.jurisdiction,
    state: "DRAFT",
    version: 1,
    filedBy: by,
    participants: [by],
    receivedOn: null,
    investigation: null,
    publicity: null,
    returned: null,
    rejection: null,
    approval: null,
    payment: null,
    withdrawal: null,
  };
  const event: WorkflowEvent = { type: "case.transition", transition: "create", caseId: input.id, actorId: by, at: now.toISOString(), from: null, to: "DRAFT", detail: { kind: input.kind } };
  return { ok: true, next, events: [event] };
}

/** The refusal as the typed error a command throws (messages: errors.* and workflow.*, see lib/workflow/README.md). */
export function refusalError(refusal: WorkflowRefusal, caseId?: string): DomainError {
  if (refusal.kind === "decision") {
    const detail = { action: refusal.permission, entity: "case", entityId: caseId };
    switch (refusal.refusal) {
      case "permission":
        return new ForbiddenError(detail);
      case "region":
        return new NotFoundError(detail);
      case "state":
        return new StateError(detail);
      case "duty":
        return new DutyError(detail);
    }
  }
  if (refusal.kind === "filing") {
    return new DomainError("workflow.filingRefused", { reasons: refusal.reasons.map((reason) => `${reason.message}（${reason.citation.document} ${reason.citation.article}）`).join("；") });
  }
  return new DomainError(`workflow.${refusal.code}`, { ...(refusal.values ?? {}), ...(refusal.field ? { field: refusal.field } : {}) });
}
