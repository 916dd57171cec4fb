// A case's bills: claims of source APPLICATION, entered by the clerk from the settlement sheet. Each
// is checked against the hospital directory and by the rules module's own claim schema before
// anything is written; the filing check runs on each bill's date.
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { DomainError, ValidationError } from "@/lib/errors";
import { loadClaimsForRules } from "@/lib/records/load";
import { CLAIM_ORDER } from "@/lib/records/to-rules";
import type { Claim, Person } from "@/lib/rules/domain";
import { APPLICATION_KINDS, type ApplicationKindId } from "@/lib/workflow/application-kinds";
import { chinaDate } from "@/lib/workflow/case-machine";
import { checkFiling } from "@/lib/workflow/check-filing";
import type { RefusalReason } from "@/lib/workflow/refusal-reasons";
import { toDateColumn } from "./case-record";
import { billToRulesJson, rulesBillIssues, type BillInput } from "./case.schema";

export type PreparedBill = { id: string; input: BillInput };

/** Looks up each bill's hospital and runs the rules module's claim schema; ValidationError names the field. */
export async function prepareBills(db: Db | Tx, bills: readonly BillInput[]): Promise<PreparedBill[]> {
  const hospitalIds = [...new Set(bills.map((bill) => bill.hospitalId))];
  const hospitals = new Map((await db.hospital.findMany({ where: { id: { in: hospitalIds } } })).map((hospital) => [hospital.id, hospital]));
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const prepared: PreparedBill[] = [];
  bills.forEach((bill, index) => {
    const hospital = hospitals.get(bill.hospitalId);
    if (!hospital) {
      issues.push({ path: ["bills", index, "hospitalId"], message: "cases.validation.hospital" });
      return;
    }
    const id = randomUUID();
    for (const issue of rulesBillIssues(billToRulesJson(bill, hospital, id))) issues.push({ path: ["bills", index, ...issue.path], message: issue.message });
    prepared.push({ id, input: bill });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return prepared;
}

/** The filing check on each bill's date (a kind that does not apply then is refused with its reason and article). */
export function checkBillsFiling(kind: ApplicationKindId, person: Person, bills: readonly BillInput[], now: Date): void {
  const today = chinaDate(now);
  const reasons: RefusalReason[] = [];
  for (const bill of bills) {
    const check = checkFiling(APPLICATION_KINDS[kind], person, bill.date, today, { diagnoses: bill.diagnoses });
    if (!check.ok) for (const reason of check.reasons) if (!reasons.some((known) => known.code === reason.code)) reasons.push(reason);
  }
  if (reasons.length > 0) {
    throw new DomainError("workflow.filingRefused", { reasons: reasons.map((reason) => `${reason.message}（${reason.citation.document} ${reason.citation.article}）`).join("；") });
  }
}

/** Writes the bills as the case's claims (after removing the case's former bills, for a redraft). */
export async function writeBills(tx: Tx, caseId: string, personId: string, bills: readonly PreparedBill[], replace: boolean): Promise<void> {
  if (replace) {
    const former = await tx.claim.findMany({ where: { caseId }, select: { id: true } });
    // Items cascade with their claim; a bill with a payout is never redrafted (only DRAFT/RETURNED cases are).
    await tx.claim.deleteMany({ where: { id: { in: former.map((claim) => claim.id) } } });
  }
  for (const bill of bills) {
    const b = bill.input;
    await tx.claim.create({
      data: {
        id: bill.id,
        personId,
        caseId,
        source: "APPLICATION",
        hospitalId: b.hospitalId,
        type: b.type,
        admittedOn: b.admitted ? toDateColumn(b.admitted) : null,
        settledOn: toDateColumn(b.date),
        route: b.route,
        diagnoses: b.diagnoses,
        quota: b.quota ?? null,
        memberPrice: b.memberPrice ?? null,
        settledPolicyScope: b.settledPolicyScope ?? null,
        settledInsurance: b.settledInsurance ?? null,
        settledCriticalIllness: b.settledCriticalIllness ?? null,
        settledAssistance: b.settledAssistance ?? null,
        items: { create: b.items.map((item, position) => ({ position, fee: item.fee, class: item.class, amount: item.amount, days: item.days ?? null })) },
      },
    });
  }
}

/** The case's bills as the rules module reads them, in settlement order. */
export async function caseClaims(db: Db | Tx, caseId: string, personId: string): Promise<Claim[]> {
  const ids = (await db.claim.findMany({ where: { caseId }, select: { id: true }, orderBy: [...CLAIM_ORDER] })).map((claim) => claim.id);
  return (await loadClaimsForRules(db, { claimIds: ids })).get(personId) ?? [];
}
