// Demo cases of 盂县 and 綦江区 in every state the procedure reaches, built through the commands of
// lib/cases/ with the demo users as actors, so the audit log, the refusal notices and the ledger
// are the real thing and each role finds work in its worklist after `npm run demo`. Only the
// 公示's passing of time is a fixture (backdateCase). Idempotent: nothing is written when the demo
// counties already hold a case.
import type { Actor } from "@/lib/auth/actor";
import type { CaseState } from "@/lib/auth/decide";
import { addAttachment } from "@/lib/cases/add-attachment";
import { approveCase } from "@/lib/cases/approve-case";
import { createCase } from "@/lib/cases/create-case";
import { forwardCase } from "@/lib/cases/forward-case";
import { investigateCase } from "@/lib/cases/investigate-case";
import { publicizeCase } from "@/lib/cases/publicize-case";
import { recordObjection } from "@/lib/cases/record-objection";
import { refuseCase } from "@/lib/cases/refuse-case";
import { recordPayment } from "@/lib/cases/record-payment";
import { rejectCase } from "@/lib/cases/reject-case";
import { returnCase } from "@/lib/cases/return-case";
import { serveNotice } from "@/lib/cases/serve-notice";
import { submitCase } from "@/lib/cases/submit-case";
import { withdrawCase } from "@/lib/cases/withdraw-case";
import type { Db, Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { IdentityType } from "@/lib/rules/domain";
import { APPLICATION_KINDS, type ApplicationKindId } from "@/lib/workflow/application-kinds";
import { chinaDate } from "@/lib/workflow/case-machine";
import { addDays } from "@/lib/workflow/deadlines";
import { backdateCase } from "./backdate-case";
import { samplePdf, samplePng } from "./sample-files";

/** Where a demo case stops; the refusals say at which level, the 公示 whether its period has run. */
export type DemoTarget =
  | "DRAFT"
  | "SUBMITTED"
  | "TOWNSHIP_REVIEW"
  | "PUBLICITY_RUNNING"
  | "PUBLICITY_ENDED"
  | "COUNTY_REVIEW"
  | "APPROVED"
  | "PAID"
  | "RETURNED"
  | "REJECTED_TOWNSHIP"
  | "REJECTED_COUNTY"
  | "REJECTED_COUNTY_SERVED"
  | "WITHDRAWN"
  | "OBJECTION_UPHELD";

export type DemoTownship = {
  code: string;
  clerk: string;
  reviewer: string;
  approver: string;
  kind: ApplicationKindId;
  identities: readonly IdentityType[];
  hospitalCode: string;
  targets: readonly DemoTarget[];
};

// The identities whose holders the demo's kinds pay (the library's assistance rows in 盂县, which
// include the special-care identities; QJ-YF-2023 Art. 2 in 綦江区), so every approval has an amount.
const SPECIAL_CARE: readonly IdentityType[] = ["WAR_VETERAN", "DEMOBILIZED", "NUCLEAR_TEST_VETERAN", "ILL_RETURNED_VETERAN", "MARTYR_FAMILY", "DUTY_DEATH_FAMILY", "ILLNESS_DEATH_FAMILY"];
const YX_ASSISTANCE: readonly IdentityType[] = ["SUBSISTENCE", "EXTREME_POVERTY", "LOW_INCOME", ...SPECIAL_CARE];
const QJ_SPECIAL_CARE: readonly IdentityType[] = SPECIAL_CARE;

export const DEMO_CASE_PLAN: readonly DemoTownship[] = [
  {
    code: "140322100", clerk: "yx-clerk", reviewer: "yx-reviewer", approver: "yx-medsec", kind: "INPATIENT_ASSISTANCE", identities: YX_ASSISTANCE, hospitalCode: "H14032200001",
    targets: ["DRAFT", "SUBMITTED", "SUBMITTED", "TOWNSHIP_REVIEW", "PUBLICITY_RUNNING", "PUBLICITY_ENDED", "COUNTY_REVIEW", "COUNTY_REVIEW", "APPROVED", "APPROVED", "PAID", "RETURNED", "REJECTED_COUNTY", "REJECTED_TOWNSHIP", "WITHDRAWN", "OBJECTION_UPHELD"],
  },
  {
    code: "140322103", clerk: "yx-clerk2", reviewer: "yx-reviewer2", approver: "yx-medsec", kind: "INPATIENT_ASSISTANCE", identities: YX_ASSISTANCE, hospitalCode: "H14032200002",
    targets: ["DRAFT", "SUBMITTED", "PUBLICITY_ENDED", "COUNTY_REVIEW", "APPROVED", "APPROVED", "REJECTED_COUNTY_SERVED", "RETURNED"],
  },
  {
    code: "500110001", clerk: "qj-clerk", reviewer: "qj-reviewer", approver: "qj-veterans", kind: "QJ_SPECIAL_CARE_SUBSIDY", identities: QJ_SPECIAL_CARE, hospitalCode: "H50011000001",
    targets: ["DRAFT", "SUBMITTED", "PUBLICITY_RUNNING", "PUBLICITY_ENDED", "COUNTY_REVIEW", "PAID", "REJECTED_COUNTY", "RETURNED", "WITHDRAWN"],
  },
  {
    code: "500110109", clerk: "qj-clerk2", reviewer: "qj-reviewer2", approver: "qj-veterans", kind: "QJ_SPECIAL_CARE_SUBSIDY", identities: QJ_SPECIAL_CARE, hospitalCode: "H50011000011",
    targets: ["SUBMITTED", "TOWNSHIP_REVIEW", "COUNTY_REVIEW", "APPROVED", "REJECTED_COUNTY_SERVED"],
  },
];

export async function actorOf(db: Db | Tx, username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, include: { region: true } });
  return { kind: "user", id: user.id, username: user.username, displayName: user.displayName, role: user.role, regionCode: user.regionCode, regionPath: user.region.path, regionName: user.region.name, mustChangePassword: false };
}

/** A stay settled weeks ago at a county hospital, adding up (amounts vary with the case's index). */
export function demoBill(hospitalId: string, index: number, today: string, settled: boolean) {
  const discharged = addDays(today, -(25 + (index % 20)));
  const main = 42000 + ((index * 3779) % 40000);
  const bed = 600 + (index % 7) * 150;
  const self = 300 + (index % 5) * 120;
  const money = (n: number) => `${n}.00`;
  return {
    hospitalId,
    type: "INPATIENT",
    admitted: addDays(discharged, -(6 + (index % 9))),
    date: discharged,
    route: "LOCAL",
    diagnoses: "",
    items: [
      { fee: "OTHER", class: "A", amount: money(main) },
      { fee: "BED", class: "B_SERVICE", amount: money(bed), days: 8 },
      { fee: "OTHER", class: "SELF_PAY", amount: money(self) },
    ],
    total: money(main + bed + self),
    // 綦江区's bills carry the insurer's settled figures (the library computes no Chongqing insurance).
    ...(settled
      ? { settledPolicyScope: money(main + bed), settledInsurance: money(Math.round((main + bed) * 0.6)), settledCriticalIllness: money(Math.round((main + bed) * 0.08)) }
      : {}),
  };
}

const INVESTIGATORS = ["李建平\n张志强", "罗丽萍\n黄建华"];

export type DemoCasesResult = { status: "skipped"; reason: string } | { status: "seeded"; cases: number; byState: Partial<Record<CaseState, number>>; ms: number };

export async function seedDemoCases(db: Db, options: { log?: (line: string) => void } = {}): Promise<DemoCasesResult> {
  // One transaction (the commands join it): a seed that fails half-way leaves no half-built county.
  return db.$transaction((tx) => seedIn(tx, options), { timeout: 180_000, maxWait: 10_000 });
}

async function seedIn(db: Tx, options: { log?: (line: string) => void }): Promise<DemoCasesResult> {
  const log = options.log ?? (() => {});
  const existing = await db.case.count({ where: { OR: [{ regionCode: { startsWith: "140322" } }, { regionCode: { startsWith: "500110" } }] } });
  if (existing > 0) return { status: "skipped", reason: `${existing} demo-county cases already present` };
  const started = Date.now();
  const today = chinaDate(new Date());
  const byState: Partial<Record<CaseState, number>> = {};
  let count = 0;
  let index = 0;

  for (const township of DEMO_CASE_PLAN) {
    const [clerk, reviewer, approver, finance] = await Promise.all([
      actorOf(db, township.clerk), actorOf(db, township.reviewer), actorOf(db, township.approver), actorOf(db, township.code.startsWith("5") ? "qj-finance" : "yx-finance"),
    ]);
    const hospital = await db.hospital.findUniqueOrThrow({ where: { code: township.hospitalCode }, select: { id: true } });
    const people = await db.person.findMany({
      where: { regionCode: { startsWith: township.code }, identities: { some: { type: { in: [...township.identities] }, validTo: null } }, insuranceEnrollments: { some: {} } },
      select: { id: true },
      orderBy: { idNumber: "asc" },
    });
    let next = 0;
    // A case the county computes (in review, approved, paid) gets a person no other such case has,
    // so an annual limit used up by an earlier demo approval never leaves it with nothing to pay.
    const computed = new Set<string>();
    for (const target of township.targets) {
      index += 1;
      const bill = demoBill(hospital.id, index, today, township.kind === "QJ_SPECIAL_CARE_SUBSIDY");
      const fresh = target === "COUNTY_REVIEW" || target === "APPROVED" || target === "PAID";
      // The next person of the township the kind applies to (on the bill's date), in ID order.
      let created: { id: string; version: number } | null = null;
      for (let tries = 0; tries < people.length && !created; tries++) {
        const person = people[next % people.length];
        next += 1;
        if (!person || (fresh && computed.has(person.id))) continue;
        try {
          created = await createCase(db, clerk, { personId: person.id, kind: township.kind, bills: JSON.stringify([bill]) });
          if (fresh) computed.add(person.id);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      if (!created) throw new Error(`demo cases: no person of ${township.code} may file ${township.kind}`);
      const state = await advanceDemoCase(db, { id: created.id, version: created.version }, target, { clerk, reviewer, approver, finance, township, today, index }).catch((error: unknown) => {
        throw new Error(`demo cases: ${township.code} case ${index} (${target}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
      byState[state] = (byState[state] ?? 0) + 1;
      count += 1;
    }
    log(`${township.code}: ${township.targets.length} cases at ${Date.now() - started} ms`);
  }
  return { status: "seeded", cases: count, byState, ms: Date.now() - started };
}

export type DemoCaseContext = { clerk: Actor; reviewer: Actor; approver: Actor; township: DemoTownship; today: string; index: number; finance?: Actor | undefined };

/** Takes a new draft (filed by ctx.clerk) to its target state through the commands, in the order the procedure runs. */
export async function advanceDemoCase(db: Db | Tx, kase: { id: string; version: number }, target: DemoTarget, ctx: DemoCaseContext): Promise<CaseState> {
  const { clerk, reviewer, approver, township, today } = ctx;
  const caseId = kase.id;
  let version = kase.version;
  const kind = APPLICATION_KINDS[township.kind];
  const documents = target === "DRAFT" ? kind.requiredDocuments.slice(0, 1) : target === "RETURNED" ? kind.requiredDocuments.slice(0, -1) : kind.requiredDocuments;
  for (const [i, document] of documents.entries()) {
    const file = i % 2 === 0
      ? new File([new Uint8Array(samplePdf(`${document.kind} - demo case ${ctx.index}`))], `${document.kind.toLowerCase()}-${ctx.index}.pdf`, { type: "application/pdf" })
      : new File([new Uint8Array(samplePng())], `${document.kind.toLowerCase()}-${ctx.index}.png`, { type: "image/png" });
    version = (await addAttachment(db, clerk, { caseId, version, kind: document.kind, file })).version;
  }
  if (target === "DRAFT") return "DRAFT";
  if (target === "RETURNED") {
    // Filed without its last document: the reviewer asks for it (补正).
    const missing = kind.requiredDocuments.at(-1)?.kind;
    version = (await addAttachment(db, clerk, { caseId, version, kind: "OTHER", file: new File([new Uint8Array(samplePng())], `other-${ctx.index}.png`, { type: "image/png" }) })).version;
    for (const document of kind.requiredDocuments.slice(-1)) {
      version = (await addAttachment(db, clerk, { caseId, version, kind: document.kind, file: new File([new Uint8Array(samplePdf("illegible scan"))], `scan-${ctx.index}.pdf`, { type: "application/pdf" }) })).version;
    }
    version = (await submitCase(db, clerk, { caseId, version })).version;
    await returnCase(db, reviewer, { caseId, version, missing: missing ? [missing] : [], note: "所附材料字迹不清，请补交清晰件。", dueOn: addDays(today, 15) });
    return "RETURNED";
  }
  version = (await submitCase(db, clerk, { caseId, version })).version;
  if (target === "SUBMITTED") return "SUBMITTED";
  if (target === "WITHDRAWN") {
    await withdrawCase(db, clerk, { caseId, version, reason: "申请人已通过一站式结算报销，申请撤回。" });
    return "WITHDRAWN";
  }
  if (target === "REJECTED_TOWNSHIP") {
    await rejectCase(db, reviewer, { caseId, version, reasons: ["reviewer:NOT_REGISTERED_HERE"], note: "经核实，申请人户籍已迁出本镇。" });
    return "REJECTED";
  }
  version = (await investigateCase(db, reviewer, {
    caseId, version, date: today, investigators: INVESTIGATORS[ctx.index % 2] ?? "", villageCommitteeMember: "村委会委员 王成",
    householdSituation: "家庭共三口人，主要收入为务农及低保金，申请人长期患病。", findings: "经入户核实，申请人家庭情况与申请材料一致。", recommendation: "APPROVE",
  })).version;
  if (target === "TOWNSHIP_REVIEW") return "TOWNSHIP_REVIEW";
  version = (await publicizeCase(db, reviewer, { caseId, version, place: "村务公开栏及便民服务中心", startsOn: today })).version;
  if (target === "PUBLICITY_RUNNING") return "PUBLICITY";
  if (target === "OBJECTION_UPHELD") {
    await recordObjection(db, reviewer, { caseId, version, objector: "同村村民（匿名）", receivedOn: today, content: "反映申请人家中有经营性收入。", upheld: "on", finding: "经核实异议属实，退回重新调查。" });
    return "TOWNSHIP_REVIEW";
  }
  // The 公示 has run: the case reads as received, investigated and posted ten days earlier.
  await backdateCase(db, caseId, 10);
  if (target === "PUBLICITY_ENDED") return "PUBLICITY";
  version = (await forwardCase(db, reviewer, { caseId, version })).version;
  if (target === "COUNTY_REVIEW") return "COUNTY_REVIEW";
  if (target === "APPROVED" || target === "PAID") {
    version = (await approveCase(db, approver, { caseId, version })).version;
    if (target === "APPROVED") return "APPROVED";
    if (!ctx.finance) throw new Error("demo cases: a paid case needs the finance bureau");
    await recordPayment(db, ctx.finance, { caseId, version, paidOn: today, reference: `CZ-${today.replaceAll("-", "")}-${String(ctx.index).padStart(3, "0")}` });
    return "PAID";
  }
  const reason = township.kind === "QJ_SPECIAL_CARE_SUBSIDY" ? "reviewer:COSTS_NOT_COMPLIANT" : "reviewer:HOUSEHOLD_NOT_IN_HARDSHIP";
  version = (await refuseCase(db, approver, { caseId, version, reasons: [reason], note: "经县级复核，不符合救助条件。" })).version;
  if (target === "REJECTED_COUNTY_SERVED") await serveNotice(db, clerk, { caseId, version, servedOn: today });
  return "REJECTED";
}
