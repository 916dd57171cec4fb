import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { ConflictError, DutyError, ForbiddenError, NotFoundError, StateError } from "@/lib/errors";
import { loadClaimsForRules, loadPersonForRules } from "@/lib/records/load";
import { computeClaim } from "@/lib/rules/compute-claim";
import { accumulatorsJson } from "@/lib/rules/accumulator-keys";
import { formatYuan } from "@/lib/rules/money";
import { sha256Hex } from "@/lib/rules/receipt";
import type { Accumulators } from "@/lib/rules/claim-context";
import { expectRefused } from "@/test/integration/command-harness";
import { caseInCountyReview, inpatientBill, makeApplicant, makeCaseWorld, type CaseWorld } from "@/test/integration/case-factories";
import { approveCase } from "./approve-case";

const db = createPrisma();
let world: CaseWorld;

beforeAll(async () => {
  world = await makeCaseWorld(db);
});
afterAll(() => db.$disconnect());

async function ledgerRows(personId: string) {
  const [payouts, balances, ledger] = await Promise.all([
    db.payout.count({ where: { personId } }),
    db.ledgerBalance.findMany({ where: { personId }, orderBy: { key: "asc" } }),
    db.personLedger.findUnique({ where: { personId } }),
  ]);
  return { payouts, balances: balances.map((b) => [b.key, b.value.toString()]), ledger: ledger?.payouts ?? null };
}

describe("approveCase", () => {
  it("computes against the ledger and writes case, payout, ledger and audit in one transaction", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    const kase = await caseInCountyReview(db, world, person.id);
    const started = performance.now();
    const result = await approveCase(db, world.users.medical, { caseId: kase.id, version: kase.version });
    const latency = performance.now() - started;
    console.log(`approval latency: ${latency.toFixed(0)} ms`);
    expect(result.state).toBe("APPROVED");
    expect(result.payouts).toHaveLength(1);
    expect(Number(result.total)).toBeGreaterThan(0);
    const row = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(row).toMatchObject({ state: "APPROVED", version: kase.version + 1 });
    const payout = await db.payout.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(payout.total.toFixed(2)).toBe(result.total);
    expect(payout.seq).toBe(1);
    expect(payout.receipt).toMatchObject({ inputHash: payout.inputHash, outputHash: payout.outputHash });
    const ledger = await ledgerRows(person.id);
    expect(ledger.payouts).toBe(1);
    expect(ledger.ledger).toBe(1);
    expect(ledger.balances.length).toBeGreaterThan(0);
    expect(payout.accumulatorsAfter).toEqual(accumulatorsJson(Object.fromEntries(ledger.balances.map(([k, v]) => [k, BigInt(v ?? "0")])) as Accumulators));
    const audits = await db.auditLog.findMany({ where: { entityId: kase.id, action: { in: ["case.approve", "case.postPayout"] } } });
    expect(audits.map((a) => a.action).sort()).toEqual(["case.approve", "case.postPayout"]);
  });

  it("is refused by role, by region, by duty and by state, writing nothing", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    const kase = await caseInCountyReview(db, world, person.id);
    const input = { caseId: kase.id, version: kase.version };
    await expectRefused(db, () => approveCase(db, world.users.clerk, input), ForbiddenError, { audited: true });
    await expectRefused(db, () => approveCase(db, world.users.veterans, input), ForbiddenError, { audited: true });
    await expectRefused(db, () => approveCase(db, world.users.awayMedical, input), NotFoundError, { audited: true });
    // The township reviewer who investigated it, later a county approver, still may not decide it.
    await db.user.update({ where: { id: world.users.reviewer.id }, data: { role: "MEDICAL_SECURITY", regionCode: world.tree.county } });
    const reviewerAsApprover = { ...world.users.reviewer, role: "MEDICAL_SECURITY" as const, regionCode: world.tree.county, regionPath: world.tree.paths[world.tree.county] ?? "" };
    await expectRefused(db, () => approveCase(db, reviewerAsApprover, input), DutyError, { audited: true });
    await db.user.update({ where: { id: world.users.reviewer.id }, data: { role: "TOWNSHIP_REVIEWER", regionCode: world.tree.townA } });
    expect(await ledgerRows(person.id)).toEqual({ payouts: 0, balances: [], ledger: null });
    await approveCase(db, world.users.medical, input);
    await expectRefused(db, () => approveCase(db, world.users.medical2, { caseId: kase.id, version: kase.version + 1 }), StateError, { audited: true });
  });

  it("leaves the case and the ledger as before when the transaction fails after the ledger write", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    const kase = await caseInCountyReview(db, world, person.id);
    const before = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    const auditsBefore = await db.auditLog.count({ where: { entityId: kase.id } });
    await expect(
      db.$transaction(async (tx) => {
        await approveCase(tx, world.users.medical, { caseId: kase.id, version: kase.version });
        expect(await tx.payout.count({ where: { caseId: kase.id } })).toBe(1);
        throw new Error("crash after the ledger write");
      }),
    ).rejects.toThrow("crash after the ledger write");
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toEqual(before);
    expect(await ledgerRows(person.id)).toEqual({ payouts: 0, balances: [], ledger: null });
    expect(await db.auditLog.count({ where: { entityId: kase.id } })).toBe(auditsBefore);
  });

  it("20 parallel approvals of one case: one wins, 19 conflicts, one ledger entry", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    const kase = await caseInCountyReview(db, world, person.id);
    const started = performance.now();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => approveCase(db, world.users.medical, { caseId: kase.id, version: kase.version })));
    console.log(`20 parallel approvals: ${(performance.now() - started).toFixed(0)} ms`);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(ConflictError);
      expect((failure.reason as ConflictError).key).toBe("cases.conflict");
    }
    expect((await ledgerRows(person.id)).payouts).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: kase.id, action: "case.approve" } })).toBe(1);
  });

  it("two cases of one person approved in parallel: the second is computed on the first's accumulators, and replay reproduces both", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    // Two stays of 100,000 each: 10,500 alone each, but the 低保 inpatient row's annual limit
    // (15,000 in the library, YQ-JZ-2019 §4(2)3) leaves the second only 4,500.
    const big = (days: number) =>
      inpatientBill(world.hospital.id, {
        admitted: `${new Date().getUTCFullYear()}-01-0${days}`,
        date: `${new Date().getUTCFullYear()}-01-1${days}`,
        items: [{ fee: "OTHER", class: "A", amount: "100000.00" }],
        total: "100000.00",
      });
    const first = await caseInCountyReview(db, world, person.id, { bills: [big(1)] });
    const second = await caseInCountyReview(db, world, person.id, { bills: [big(2)] });
    const results = await Promise.all([
      approveCase(db, world.users.medical, { caseId: first.id, version: first.version }),
      approveCase(db, world.users.medical2, { caseId: second.id, version: second.version }),
    ]);
    const payouts = await db.payout.findMany({ where: { personId: person.id }, orderBy: { seq: "asc" } });
    expect(payouts.map((p) => p.seq)).toEqual([1, 2]);
    // The second "before" is the first "after": never computed on the same totals.
    expect(payouts[1]?.accumulatorsBefore).toEqual(payouts[0]?.accumulatorsAfter);
    expect(results.map((r) => r.total).sort()).toEqual(payouts.map((p) => p.total.toFixed(2)).sort());

    // Replay the person's payouts in seq order from an empty ledger: every stored figure to the fen.
    const rulesPerson = await loadPersonForRules(db, person.id);
    const claims = (await loadClaimsForRules(db, { claimIds: payouts.map((p) => p.claimId) })).get(person.id) ?? [];
    let accumulators: Accumulators = {};
    for (const payout of payouts) {
      const claim = claims.find((c) => c.id === payout.claimId);
      if (!claim) throw new Error(`claim ${payout.claimId} not loaded`);
      expect(accumulatorsJson(accumulators)).toEqual(payout.accumulatorsBefore);
      const replayed = computeClaim(rulesPerson, claim, accumulators, { trace: true, hasher: sha256Hex });
      expect(formatYuan(replayed.amounts.assistance)).toBe(payout.total.toFixed(2));
      expect(Object.fromEntries(Object.entries(replayed.amounts).map(([k, v]) => [k, formatYuan(v)]))).toEqual(payout.amounts);
      expect(replayed.receipt?.outputHash).toBe(payout.outputHash);
      expect(accumulatorsJson(replayed.accumulatorsAfter)).toEqual(payout.accumulatorsAfter);
      accumulators = replayed.accumulatorsAfter;
    }
    // The annual cap: both together are exactly the limit, never more.
    expect(payouts.map((p) => p.total.toFixed(2))).toEqual(["10500.00", "4500.00"]);
  });

  it("approves ten cases one after another within the transaction timeout (latency logged)", async () => {
    const cases = [];
    for (let i = 0; i < 10; i++) cases.push(await caseInCountyReview(db, world, (await makeApplicant(db, world.tree.townA)).id));
    const times: number[] = [];
    for (const kase of cases) {
      const started = performance.now();
      await approveCase(db, world.users.medical, { caseId: kase.id, version: kase.version });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`approval latency over 10: median ${times[4]?.toFixed(0)} ms, max ${times[9]?.toFixed(0)} ms`);
    expect(times[9]).toBeLessThan(15_000);
  });
});
