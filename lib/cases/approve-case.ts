// The county's approval: the rules module computes the case's bills against the person's ledger
// (locked first, so approvals for one person run one after the other), the machine confirms the
// computed total (nobody types an amount), and the payouts, the ledger balances, the case and the
// audit rows are written in this one transaction. A recognition approval also grants LOW_INCOME.
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { loadPersonForRules } from "@/lib/records/load";
import { formatYuan } from "@/lib/rules/money";
import { computeAgainst, lockLedger, postPayouts, readAccumulators, type LedgerComputation } from "@/lib/ledger/ledger";
import { caseClaims } from "./bills";
import { caseStepSchema } from "./case.schema";
import { runTransition } from "./run-transition";

export type ApproveResult = { id: string; version: number; state: "APPROVED"; total: string; payouts: { claimId: string; payoutId: string; seq: number; total: string }[] };

// case:read up front: the approving permission is the kind's (case:approve:assistance or
// case:approve:special-care), checked by runTransition on the loaded case before anything is computed.
export const approveCase = defineCommand({ permission: "case:read", schema: caseStepSchema, timeoutMs: 30_000 }, async (tx, input, ctx): Promise<ApproveResult> => {
  let computation: LedgerComputation | null = null;
  let fixedSoFar = 0;
  let payouts: ApproveResult["payouts"] = [];
  const outcome = await runTransition(
    tx,
    ctx,
    input.caseId,
    "approve",
    async (loaded) => {
      fixedSoFar = await lockLedger(tx, loaded.personId);
      const [person, claims, accumulators] = await Promise.all([loadPersonForRules(tx, loaded.personId), caseClaims(tx, loaded.kase.id, loaded.personId), readAccumulators(tx, loaded.personId)]);
      computation = computeAgainst(loaded.kase.kind, person, claims, accumulators, { appliedOn: loaded.kase.receivedOn });
      return { computed: { total: computation.total, personalCosts: computation.personalCosts } };
    },
    {
      expectedVersion: input.version,
      afterUpdate: async (loaded, result) => {
        if (!computation) throw new Error("approval without a computation");
        payouts = await postPayouts(tx, { personId: loaded.personId, caseId: loaded.kase.id, postedById: ctx.actor.kind === "user" ? ctx.actor.id : null, fixedSoFar, computation });
        await writeAudit(
          tx,
          ctx.actor,
          {
            action: "case.postPayout",
            entityId: loaded.kase.id,
            regionCode: loaded.region.code,
            after: { version: result.next.version, detail: { total: formatYuan(computation.total), payouts: payouts.map((payout) => ({ claimId: payout.claimId, seq: payout.seq, total: payout.total })) } },
          },
          ctx.requestId,
        );
      },
    },
  );
  const done = computation as LedgerComputation | null;
  return { id: outcome.next.id, version: outcome.next.version, state: "APPROVED", total: formatYuan(done?.total ?? 0n), payouts };
});
