// What the case pages read. Every query takes the actor and keeps to the actor's region (a case
// outside it does not exist for them: null, and the page answers 404), and asks decide() what the
// actor may do on each case, so a page never offers an action the command would refuse.
import type { CommandActor } from "@/lib/auth/actor";
import { decide, type CaseState } from "@/lib/auth/decide";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { computeAgainst, readAccumulators } from "@/lib/ledger/ledger";
import { loadPersonForRules } from "@/lib/records/load";
import { regionWhere } from "@/lib/regions/scope";
import type { IsoDate } from "@/lib/rules/dates";
import { formatYuan, type Fen } from "@/lib/rules/money";
import { claimResultJson, entitlementResultJson } from "@/lib/rules/run-case";
import type { JsonValue } from "@/lib/rules/to-json";
import { getFile } from "@/lib/storage/file-store";
import type { WorksheetData } from "@/lib/trial/worksheet";
import { APPLICATION_KINDS, type ApplicationKindId } from "@/lib/workflow/application-kinds";
import { caseDueDates, type CaseDueDates } from "@/lib/workflow/case-due-dates";
import { chinaDate, permissionOf, TRANSITIONS } from "@/lib/workflow/case-machine";
import { addDays, lawsuitDeadline, reconsiderationDeadline, type Deadline } from "@/lib/workflow/deadlines";
import { maskName, publicityListRows, type PublicityListData, type PublicityListRow } from "@/lib/workflow/publicity-list";
import { TRANSITION_NAMES, type TransitionName, type WorkflowCase } from "@/lib/workflow/workflow-case";
import { caseClaims } from "./bills";
import { CASE_RECORD_SELECT, dateOnly, toWorkflowCase } from "./case-record";
import { noticeNumber } from "./issue-notice";
import { loadCase } from "./run-transition";
import { ageOn, maskIdNumber } from "@/lib/people/masking";

type Reader = Db | Tx;

export const WORKLIST_PAGE_SIZE = 50;
/** How many days ahead the worklist counts a 公示 end or a 补正 due date as "due". */
export const DUE_SOON_DAYS = 3;

/** The transitions this actor may take on the case now (role, region, state, duty; not the input). */
export function actionsFor(actor: CommandActor, kase: WorkflowCase): TransitionName[] {
  return TRANSITION_NAMES.filter((transition) => {
    if (!TRANSITIONS[transition].from.includes(kase.state)) return false;
    const decision = decide(actor, permissionOf(transition, kase.kind), { entity: "case", id: kase.id, regionPath: kase.regionPath, state: kase.state, participants: kase.participants });
    return decision.ok;
  });
}

/** Whether the actor may change bills and attachments (the clerk holding a draft or a returned case). */
export function clerkMayEdit(actor: CommandActor, kase: WorkflowCase): boolean {
  const permission = kase.state === "RETURNED" ? "case:resubmit" : "case:file";
  if (kase.state !== "DRAFT" && kase.state !== "RETURNED") return false;
  return decide(actor, permission, { entity: "case", id: kase.id, regionPath: kase.regionPath, state: kase.state, participants: kase.participants }).ok;
}

function canRead(actor: CommandActor, kase: WorkflowCase): boolean {
  return decide(actor, "case:read", { entity: "case", id: kase.id, regionPath: kase.regionPath }).ok;
}

const WORKLIST_SELECT = {
  ...CASE_RECORD_SELECT,
  number: true,
  updatedAt: true,
  regionCode: true,
  region: { select: { path: true, name: true } },
  person: { select: { id: true, name: true } },
} as const satisfies Prisma.CaseSelect;

export type WorklistFilters = { kind?: ApplicationKindId | undefined; state?: CaseState | undefined; township?: string | undefined; mine?: boolean | undefined; page?: number | undefined };

export type WorklistRow = {
  id: string;
  number: string;
  kind: ApplicationKindId;
  state: CaseState;
  version: number;
  personId: string;
  personName: string;
  townshipCode: string;
  townshipName: string;
  receivedOn: IsoDate | null;
  updatedAt: Date;
  dueDates: CaseDueDates;
  actions: TransitionName[];
};

export type Worklist = {
  rows: WorklistRow[];
  total: number;
  pageSize: number;
  /** Cases per state in the actor's region (with the kind and township filters). */
  counts: Partial<Record<CaseState, number>>;
  /** 公示 ending within DUE_SOON_DAYS (or ended, not yet forwarded), 补正 due within DUE_SOON_DAYS (or overdue), served refusals whose reconsideration window is still open. */
  due: { publicityEnding: number; returnDue: number; appealOpen: number };
};

// Where each role has work: the (state, kinds) pairs in which it may take some transition — what
// "mine" (the default 待办 view) shows. The county approvers see only the kinds they decide.
function workWhere(actor: CommandActor): Prisma.CaseWhereInput[] {
  const kindsByState = new Map<CaseState, Set<ApplicationKindId>>();
  for (const transition of TRANSITION_NAMES) {
    for (const kind of Object.keys(APPLICATION_KINDS) as ApplicationKindId[]) {
      if (!decide(actor, permissionOf(transition, kind)).ok) continue;
      for (const state of TRANSITIONS[transition].from) {
        const kinds = kindsByState.get(state) ?? new Set<ApplicationKindId>();
        kinds.add(kind);
        kindsByState.set(state, kinds);
      }
    }
  }
  return [...kindsByState].map(([state, kinds]) => ({ state, kind: { in: [...kinds] } }));
}

/** 待办: the cases of the actor's region, with counts per state and what is due. */
export async function worklist(db: Reader, actor: CommandActor, filters: WorklistFilters = {}, now = new Date()): Promise<Worklist> {
  const today = chinaDate(now);
  const soon = addDays(today, DUE_SOON_DAYS);
  const scope: Prisma.CaseWhereInput = {
    region: regionWhere(actor),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.township ? { regionCode: { startsWith: filters.township } } : {}),
  };
  const mine = filters.mine ? workWhere(actor) : null;
  const where: Prisma.CaseWhereInput = {
    ...scope,
    ...(filters.state ? { state: filters.state } : {}),
    // A role with no work anywhere (an auditor) has an empty 待办, not everything.
    ...(mine ? (mine.length > 0 ? { OR: mine } : { id: { in: [] } }) : {}),
  };
  const page = Math.max(1, filters.page ?? 1);
  const [total, rows, grouped, publicityEnding, returnDue, rejected] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({ where, select: WORKLIST_SELECT, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip: (page - 1) * WORKLIST_PAGE_SIZE, take: WORKLIST_PAGE_SIZE }),
    db.case.groupBy({ by: ["state"], where: scope, _count: { _all: true } }),
    db.case.count({ where: { ...scope, state: "PUBLICITY", publicityEndsOn: { lte: new Date(`${soon}T00:00:00Z`) } } }),
    db.case.count({ where: { ...scope, state: "RETURNED", returnDueOn: { lte: new Date(`${soon}T00:00:00Z`) } } }),
    db.refusalNotice.findMany({ where: { case: { ...scope, state: "REJECTED" }, servedOn: { not: null } }, select: { servedOn: true } }),
  ]);
  const counts: Partial<Record<CaseState, number>> = {};
  for (const group of grouped) counts[group.state] = group._count._all;
  const appealOpen = rejected.filter((notice) => notice.servedOn && reconsiderationDeadline(dateOnly(notice.servedOn)).lastDay >= today).length;
  return {
    rows: rows.map((row) => {
      const kase = toWorkflowCase(row, row.region.path);
      return {
        id: row.id,
        number: row.number,
        kind: kase.kind,
        state: kase.state,
        version: kase.version,
        personId: row.person.id,
        personName: row.person.name,
        townshipCode: row.regionCode,
        townshipName: row.region.name,
        receivedOn: kase.receivedOn,
        updatedAt: row.updatedAt,
        dueDates: caseDueDates(kase),
        actions: actionsFor(actor, kase),
      };
    }),
    total,
    pageSize: WORKLIST_PAGE_SIZE,
    counts,
    due: { publicityEnding, returnDue, appealOpen },
  };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof caseDetail>>>;

/** The case page: everything about one case, or null when it does not exist for the actor. */
export async function caseDetail(db: Reader, actor: CommandActor, caseId: string) {
  const loaded = await loadCase(db, caseId);
  if (!loaded || !canRead(actor, loaded.kase)) return null;
  const { kase } = loaded;
  const [row, person, bills, attachments, notices, payouts, timeline] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { createdAt: true, updatedAt: true } }),
    db.person.findUniqueOrThrow({ where: { id: loaded.personId }, select: { id: true, name: true, idNumber: true, sex: true, birthDate: true } }),
    db.claim.findMany({
      where: { caseId },
      orderBy: [{ settledOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      include: { hospital: { select: { id: true, name: true, level: true } }, items: { orderBy: { position: "asc" } } },
    }),
    db.attachment.findMany({
      where: { caseId },
      orderBy: { uploadedAt: "asc" },
      select: { id: true, kind: true, fileName: true, uploadedAt: true, uploadedById: true, storedFile: { select: { sha256: true, size: true, mediaType: true } } },
    }),
    db.refusalNotice.findMany({ where: { caseId }, orderBy: { createdAt: "asc" }, select: { id: true, year: true, seq: true, level: true, decidedOn: true, servedOn: true, issuedBy: true, sha256: true, reasons: true } }),
    db.payout.findMany({ where: { caseId }, orderBy: { seq: "asc" }, select: { id: true, claimId: true, seq: true, total: true, amounts: true, lines: true, receipt: true, postedAt: true } }),
    db.auditLog.findMany({ where: { entity: "case", entityId: caseId }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, at: true, action: true, actorName: true, actorType: true, after: true } }),
  ]);
  const can: Record<TransitionName, boolean> & { editBills: boolean; attach: boolean } = {
    ...(Object.fromEntries(TRANSITION_NAMES.map((name) => [name, false])) as Record<TransitionName, boolean>),
    editBills: clerkMayEdit(actor, kase),
    attach: clerkMayEdit(actor, kase),
  };
  for (const name of actionsFor(actor, kase)) can[name] = true;
  return {
    case: kase,
    number: loaded.number,
    township: { code: loaded.region.code, name: loaded.region.name },
    county: { code: loaded.region.countyCode, name: loaded.region.countyName },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    // Masked, with the age rather than the birth date (docs/decisions/013): the full number is shown
    // only on the person page, on demand and audited.
    person: { id: person.id, name: person.name, idNumber: maskIdNumber(person.idNumber), sex: person.sex, age: ageOn(person.birthDate, new Date()) },
    bills: bills.map((bill) => ({
      id: bill.id,
      type: bill.type,
      hospital: bill.hospital,
      admitted: bill.admittedOn ? dateOnly(bill.admittedOn) : null,
      date: dateOnly(bill.settledOn),
      route: bill.route,
      diagnoses: bill.diagnoses,
      total: formatYuan(bill.items.reduce((sum, item) => sum + BigInt(item.amount.mul(100).toFixed(0)), 0n)),
      items: bill.items.map((item) => ({ fee: item.fee, class: item.class, amount: item.amount.toFixed(2), days: item.days })),
      settled: {
        policyScope: bill.settledPolicyScope?.toFixed(2) ?? null,
        insurance: bill.settledInsurance?.toFixed(2) ?? null,
        criticalIllness: bill.settledCriticalIllness?.toFixed(2) ?? null,
        assistance: bill.settledAssistance?.toFixed(2) ?? null,
      },
    })),
    attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, fileName: a.fileName, uploadedAt: a.uploadedAt, uploadedById: a.uploadedById, ...a.storedFile })),
    requiredDocuments: APPLICATION_KINDS[kase.kind].requiredDocuments.map((document) => ({ ...document, attached: attachments.some((a) => a.kind === document.kind) })),
    notices: notices.map((notice) => {
      const servedOn = notice.servedOn ? dateOnly(notice.servedOn) : null;
      const deadlines: { reconsiderationBy: Deadline; lawsuitBy: Deadline } | null = servedOn ? { reconsiderationBy: reconsiderationDeadline(servedOn), lawsuitBy: lawsuitDeadline(servedOn) } : null;
      return { id: notice.id, number: noticeNumber(notice.year, notice.seq), year: notice.year, seq: notice.seq, level: notice.level, decidedOn: dateOnly(notice.decidedOn), servedOn, issuedBy: notice.issuedBy, sha256: notice.sha256, reasons: notice.reasons, deadlines };
    }),
    payouts: payouts.map((payout) => ({ ...payout, total: payout.total.toFixed(2) })),
    dueDates: caseDueDates(kase),
    timeline,
    can,
  };
}

/** A file to send, with the region of the case it belongs to (for its audit row). */
export type Download = { fileName: string; mediaType: string; content: Uint8Array; sha256: string; regionCode: string };

const regionCodeOf = (kase: WorkflowCase) => kase.regionPath.split("/").at(-1) ?? "";

/** An attachment's bytes, checked like the case page: outside the region (or not this case's), null. */
export async function attachmentDownload(db: Reader, actor: CommandActor, caseId: string, attachmentId: string): Promise<Download | null> {
  const loaded = await loadCase(db, caseId);
  if (!loaded || !canRead(actor, loaded.kase) || !/^[0-9a-f-]{36}$/i.test(attachmentId)) return null;
  const attachment = await db.attachment.findFirst({ where: { id: attachmentId, caseId }, select: { fileName: true, storedFileId: true } });
  if (!attachment) return null;
  const file = await getFile(db, attachment.storedFileId);
  return file ? { fileName: attachment.fileName, mediaType: file.mediaType, content: file.content, sha256: file.sha256, regionCode: regionCodeOf(loaded.kase) } : null;
}

/** A refusal notice's archived PDF, checked like the case page. */
export async function noticeDownload(db: Reader, actor: CommandActor, caseId: string, noticeId: string): Promise<Download | null> {
  const loaded = await loadCase(db, caseId);
  if (!loaded || !canRead(actor, loaded.kase) || !/^[0-9a-f-]{36}$/i.test(noticeId)) return null;
  const notice = await db.refusalNotice.findFirst({ where: { id: noticeId, caseId }, select: { year: true, seq: true, storedFileId: true } });
  if (!notice) return null;
  const file = await getFile(db, notice.storedFileId);
  return file ? { fileName: `refusal-notice-${noticeNumber(notice.year, notice.seq)}.pdf`, mediaType: file.mediaType, content: file.content, sha256: file.sha256, regionCode: regionCodeOf(loaded.kase) } : null;
}

/** What the rules module computes on a case's bills against the person's ledger today, written nowhere. */
async function computeCase(db: Reader, loaded: { kase: WorkflowCase; personId: string }) {
  const [person, claims, accumulators] = await Promise.all([loadPersonForRules(db, loaded.personId), caseClaims(db, loaded.kase.id, loaded.personId), readAccumulators(db, loaded.personId)]);
  return computeAgainst(loaded.kase.kind, person, claims, accumulators, { appliedOn: loaded.kase.receivedOn });
}

export type CaseWorksheet = {
  bills: { claimId: string; payable: string; worksheet: WorksheetData }[];
  /** The one-off kind: the rules module's entitlement (amount, reasons, trace), as JSON. */
  entitlement: { [key: string]: JsonValue } | null;
  total: string;
  personalCosts: string[];
};

/**
 * The approver's worksheet: for a case in COUNTY_REVIEW, each bill computed against the person's
 * ledger as it stands (the approval recomputes under the ledger lock, so what it fixes is exactly
 * this unless another approval for the person lands first). Null outside the region or state.
 */
export async function caseWorksheet(db: Reader, actor: CommandActor, caseId: string): Promise<CaseWorksheet | null> {
  const loaded = await loadCase(db, caseId);
  if (!loaded || !canRead(actor, loaded.kase) || loaded.kase.state !== "COUNTY_REVIEW") return null;
  const computation = await computeCase(db, loaded);
  return {
    bills: computation.bills.map((bill) => ({ claimId: bill.claim.id, payable: formatYuan(bill.payable), worksheet: JSON.parse(JSON.stringify(claimResultJson(bill.result))) as WorksheetData })),
    entitlement: computation.entitlement ? entitlementResultJson(computation.entitlement) : null,
    total: formatYuan(computation.total),
    personalCosts: computation.personalCosts.map(formatYuan),
  };
}

export type PublicityListResult = { data: PublicityListData; rows: PublicityListRow[] };

/**
 * The printable 公示 lists of a township for postings starting in [from, to], one per posting
 * (place and start date). Amounts are what the rules compute today against the ledger; names and
 * ID numbers are masked in `rows` (the PDF renderer masks `data` itself).
 */
export async function publicityList(db: Reader, actor: CommandActor, query: { township: string; from: IsoDate; to: IsoDate; contact?: string | undefined }, now = new Date()): Promise<PublicityListResult[]> {
  const rows = await db.case.findMany({
    where: { region: regionWhere(actor), regionCode: { startsWith: query.township }, state: { in: ["PUBLICITY", "COUNTY_REVIEW", "APPROVED", "PAID"] } },
    select: { ...CASE_RECORD_SELECT, personId: true, region: { select: { path: true, name: true } }, person: { select: { name: true, idNumber: true } } },
    orderBy: [{ receivedOn: "asc" }, { id: "asc" }],
  });
  const groups = new Map<string, { township: string; place: string; startsOn: IsoDate; lastDay: IsoDate; entries: { name: string; idNumber: string; kind: ApplicationKindId; amount: Fen | null }[] }>();
  for (const row of rows) {
    const kase = toWorkflowCase(row, row.region.path);
    const publicity = kase.publicity;
    if (!publicity || publicity.outcome === "INTERRUPTED" || publicity.startsOn < query.from || publicity.startsOn > query.to) continue;
    const key = `${publicity.startsOn}|${publicity.place}`;
    let group = groups.get(key);
    if (!group) {
      group = { township: row.region.name, place: publicity.place, startsOn: publicity.startsOn, lastDay: publicity.lastDay, entries: [] };
      groups.set(key, group);
    }
    const paid = kase.state === "APPROVED" || kase.state === "PAID" ? await db.payout.aggregate({ where: { caseId: kase.id }, _sum: { total: true } }) : null;
    const amount = paid ? BigInt(paid._sum.total?.mul(100).toFixed(0) ?? "0") : (await computeCase(db, { kase, personId: row.personId })).total;
    group.entries.push({ name: row.person.name, idNumber: row.person.idNumber, kind: kase.kind, amount });
  }
  return [...groups.values()]
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .map((group) => {
      const data: PublicityListData = { ...group, contact: query.contact ?? `${group.township}人民政府`, printedOn: chinaDate(now) };
      return { data, rows: publicityListRows(group.entries) };
    });
}

const DECIDED_SELECT = {
  id: true,
  version: true,
  number: true,
  kind: true,
  state: true,
  approval: true,
  payment: true,
  regionCode: true,
  region: { select: { name: true } },
  person: { select: { name: true, idNumber: true } },
  payouts: { select: { total: true } },
} as const satisfies Prisma.CaseSelect;

type DecidedRow = Prisma.CaseGetPayload<{ select: typeof DECIDED_SELECT }>;

function decidedRow(row: DecidedRow, masked: boolean) {
  const total = row.payouts.reduce((sum, payout) => sum + BigInt(payout.total.mul(100).toFixed(0)), 0n);
  const approval = row.approval as { approvedOn: IsoDate } | null;
  return {
    id: row.id,
    /** What a payment form sends back, so that a case changed meanwhile is a conflict. */
    version: row.version,
    number: row.number,
    kind: row.kind,
    state: row.state,
    township: { code: row.regionCode, name: row.region.name },
    name: masked ? maskName(row.person.name) : row.person.name,
    idNumber: masked ? maskIdNumber(row.person.idNumber) : row.person.idNumber,
    approvedOn: approval?.approvedOn ?? null,
    total: formatYuan(total),
  };
}

function approvedBetween(from: IsoDate | undefined, to: IsoDate | undefined) {
  return (row: { approvedOn: IsoDate | null }) => row.approvedOn !== null && (!from || row.approvedOn >= from) && (!to || row.approvedOn <= to);
}

/**
 * The finance bureau's payment order: approved cases not yet paid, with what each pays (the
 * payment run is its own issue; this is its input). Needs payment:read; null otherwise.
 */
export async function paymentOrder(db: Reader, actor: CommandActor, query: { from?: IsoDate | undefined; to?: IsoDate | undefined } = {}) {
  if (!decide(actor, "payment:read").ok) return null;
  const rows = await db.case.findMany({ where: { region: regionWhere(actor), state: "APPROVED" }, select: DECIDED_SELECT, orderBy: [{ updatedAt: "asc" }, { id: "asc" }] });
  const list = rows.map((row) => decidedRow(row, false)).filter(approvedBetween(query.from, query.to));
  const total = list.reduce((sum, row) => sum + BigInt(row.total.replace(".", "")), 0n);
  return { rows: list, total: formatYuan(total), count: list.length };
}

/** The published result list: approved (and paid) cases of the region, names and ID numbers masked. */
export async function resultList(db: Reader, actor: CommandActor, query: { from?: IsoDate | undefined; to?: IsoDate | undefined; township?: string | undefined } = {}) {
  const rows = await db.case.findMany({
    where: { region: regionWhere(actor), state: { in: ["APPROVED", "PAID"] }, ...(query.township ? { regionCode: { startsWith: query.township } } : {}) },
    select: DECIDED_SELECT,
    orderBy: [{ regionCode: "asc" }, { updatedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => decidedRow(row, true)).filter(approvedBetween(query.from, query.to));
}
