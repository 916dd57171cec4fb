// A person's ledger: the running totals (accumulators) the rules module reads, and the payouts
// fixed against them, in the order they were fixed. Every approval locks the person's ledger row
// first (SELECT … FOR UPDATE), so two approvals for one person are computed one after the other,
// never on the same "before" (docs/decisions/012-cases-and-ledger.md).
import type { Db, Tx } from "@/lib/db";
import type { Accumulators } from "@/lib/rules/claim-context";
import { accumulatorsJson, parseAccumulatorKey } from "@/lib/rules/accumulator-keys";
import { computeClaim, type ClaimResult } from "@/lib/rules/compute-claim";
import type { Claim, Person } from "@/lib/rules/domain";
import type { AccumulatorKey } from "@/lib/rules/library/accumulator-kinds";
import { formatYuan, type Fen } from "@/lib/rules/money";
import { sha256Hex } from "@/lib/rules/receipt";
import type { IsoDate } from "@/lib/rules/dates";
import { oneOffAssistance, type EntitlementResult } from "@/lib/rules/entitlements";
import { claimResultJson, entitlementResultJson } from "@/lib/rules/run-case";
import type { JsonValue } from "@/lib/rules/to-json";
import { fenToDecimal } from "@/lib/records/money";
import { jsonValue } from "@/lib/cases/case-record";
import { APPLICATION_KINDS, type ApplicationKindId } from "@/lib/workflow/application-kinds";

/**
 * Takes the person's ledger lock for the rest of the transaction (creating the row on first use)
 * and returns how many payouts are fixed so far.
 */
export async function lockLedger(tx: Tx, personId: string): Promise<number> {
  await tx.$executeRaw`INSERT INTO "person_ledger" ("person_id", "payouts", "updated_at") VALUES (${personId}::uuid, 0, now()) ON CONFLICT ("person_id") DO NOTHING`;
  const rows = await tx.$queryRaw<{ payouts: number }[]>`SELECT "payouts" FROM "person_ledger" WHERE "person_id" = ${personId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error(`person_ledger ${personId}: no row after insert`);
  return row.payouts;
}

/** The person's accumulators as the rules module reads them (read after the lock: the latest totals). */
export async function readAccumulators(db: Db | Tx, personId: string): Promise<Accumulators> {
  const rows = await db.ledgerBalance.findMany({ where: { personId }, select: { key: true, value: true }, orderBy: { key: "asc" } });
  const accumulators: Record<AccumulatorKey, bigint> = {};
  for (const row of rows) accumulators[row.key as AccumulatorKey] = row.value;
  return accumulators;
}

/** What a case pays on one bill: the assistance, or the Qijiang subsidy (both parts) for the special-care kind. */
export function payableOf(kind: ApplicationKindId, result: ClaimResult): Fen {
  if (kind === "QJ_SPECIAL_CARE_SUBSIDY") return result.amounts.specialCare + result.amounts.specialCareLarge;
  return result.amounts.assistance;
}

/** The rules stage whose amount the kind pays (its reasons are the ones a refusal cites first). */
export function payingStage(kind: ApplicationKindId): "specialCare" | "medicalAssistance" {
  return kind === "QJ_SPECIAL_CARE_SUBSIDY" ? "specialCare" : "medicalAssistance";
}

/** The compliant cost the person bore after insurance (the assistance base), for the recognition threshold. */
export function personalCostOf(result: ClaimResult): Fen {
  const base = result.trace.find((line) => line.id === "assistance.base")?.value;
  if (typeof base === "bigint") return base;
  const { policyScope, insurance, criticalIllness } = result.amounts;
  const cost = policyScope - insurance - criticalIllness;
  return cost > 0n ? cost : 0n;
}

export type LedgerComputation = {
  before: Accumulators;
  bills: { claim: Claim; before: Accumulators; result: ClaimResult; payable: Fen }[];
  /** The one-off assistance (YQ-JZ-2019 §4(2)3) decided on the year's bills, for that kind only. */
  entitlement: EntitlementResult | null;
  total: Fen;
  personalCosts: Fen[];
};

/**
 * Each bill in order against the ledger, threading the accumulators (pure). For the one-off kind
 * the bills only build the year's base (their own assistance was settled when they were paid); the
 * case pays the one-off amount of the rules module's entitlement, applied for on `appliedOn`, and
 * that amount is carried on the last bill's payout.
 */
export function computeAgainst(kind: ApplicationKindId, person: Person, claims: readonly Claim[], accumulators: Accumulators, options: { appliedOn?: IsoDate | null } = {}): LedgerComputation {
  const oneOff = APPLICATION_KINDS[kind].computes.programme === "YQ_ONE_OFF_ASSISTANCE";
  let current = accumulators;
  const bills: LedgerComputation["bills"] = [];
  let total = 0n;
  for (const claim of claims) {
    const result = computeClaim(person, claim, current, { trace: true, hasher: sha256Hex });
    const payable = oneOff ? 0n : payableOf(kind, result);
    bills.push({ claim, before: current, result, payable });
    total += payable;
    current = result.accumulatorsAfter;
  }
  let entitlement: EntitlementResult | null = null;
  const last = bills.at(-1);
  if (oneOff && last) {
    const year = Number(last.claim.date.slice(0, 4));
    // Once a year (Readings 11) is the filing check's, at submission; here the year is open.
    entitlement = oneOffAssistance(person, year, options.appliedOn ?? last.claim.date, current, false);
    last.payable = entitlement.amount;
    total = entitlement.amount;
  }
  return { before: accumulators, bills, entitlement, total, personalCosts: bills.map((bill) => personalCostOf(bill.result)) };
}

/**
 * Fixes the computation: one payout per bill (claim_id unique: a claim is paid once), the balances
 * it changed, and the ledger's payout count. The caller holds the lock (lockLedger).
 */
export async function postPayouts(
  tx: Tx,
  input: { personId: string; caseId: string; postedById: string | null; fixedSoFar: number; computation: LedgerComputation },
): Promise<{ claimId: string; payoutId: string; seq: number; total: string }[]> {
  const posted: { claimId: string; payoutId: string; seq: number; total: string }[] = [];
  let seq = input.fixedSoFar;
  for (const [index, bill] of input.computation.bills.entries()) {
    seq += 1;
    const json = claimResultJson(bill.result);
    // The one-off amount rides on the last bill: its trace lines follow the bill's own.
    const entitlement = index === input.computation.bills.length - 1 ? input.computation.entitlement : null;
    const trace = entitlement ? [...(json.trace as JsonValue[]), ...(entitlementResultJson(entitlement).trace as JsonValue[])] : json.trace;
    const receipt = bill.result.receipt;
    if (!receipt) throw new Error("the rules module returned no receipt");
    const payout = await tx.payout.create({
      data: {
        personId: input.personId,
        claimId: bill.claim.id,
        caseId: input.caseId,
        seq,
        total: fenToDecimal(bill.payable),
        amounts: jsonValue({
          ...Object.fromEntries(Object.entries(bill.result.amounts).map(([field, fen]) => [field, formatYuan(fen)])),
          ...(entitlement ? { oneOff: formatYuan(entitlement.amount) } : {}),
        }),
        lines: jsonValue(json.lines as object),
        trace: jsonValue(trace as object),
        receipt: jsonValue(receipt),
        engineVersion: receipt.engineVersion,
        inputHash: receipt.inputHash,
        outputHash: receipt.outputHash,
        accumulatorsBefore: accumulatorsJson(bill.before),
        accumulatorsAfter: accumulatorsJson(bill.result.accumulatorsAfter),
        postedById: input.postedById,
      },
      select: { id: true },
    });
    posted.push({ claimId: bill.claim.id, payoutId: payout.id, seq, total: formatYuan(bill.payable) });
  }
  const last = input.computation.bills.at(-1);
  if (last) await writeBalances(tx, input.personId, input.computation.before, last.result.accumulatorsAfter);
  await tx.personLedger.update({ where: { personId: input.personId }, data: { payouts: seq } });
  return posted;
}

async function writeBalances(tx: Tx, personId: string, before: Accumulators, after: Accumulators): Promise<void> {
  for (const key of Object.keys(after) as AccumulatorKey[]) {
    const value = after[key];
    if (value === undefined || value === before[key]) continue;
    const parsed = parseAccumulatorKey(key);
    if (!parsed) throw new Error(`未登记的累计项: ${key}`);
    await tx.ledgerBalance.upsert({
      where: { personId_key: { personId, key } },
      create: { personId, key, programme: parsed.definition.programme, period: parsed.period, unit: parsed.definition.unit, value },
      update: { value },
    });
  }
}
