import { computeAgainst, payingStage, readAccumulators } from "@/lib/ledger/ledger";
import { loadPersonForRules } from "@/lib/records/load";
import type { Citation } from "@/lib/rules/library/documents";
import type { ChosenReason } from "@/lib/workflow/refusal-reasons";
import { caseClaims } from "./bills";
import { rejectCaseSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

// case:read up front: the county decision's permission is the kind's (assistance or special care),
// which runTransition checks once the case is loaded.
/**
 * The county refuses a case in review with its reasons; the 附件5 notice is issued with it. A
 * rules-module reason without an article of its own takes the one the worksheet's computation
 * attached to it (the notice must name the rule not met).
 */
export const refuseCase = defineCaseTransition({ permission: "case:read", schema: rejectCaseSchema, transition: "refuse" }, async (input, loaded, tx) => {
  let computed: Map<string, Citation> | null = null;
  const reasons: ChosenReason[] = [];
  for (const chosen of input.reasons) {
    if (chosen.source !== "rules") {
      reasons.push(chosen);
      continue;
    }
    if (!computed) {
      const [person, claims, accumulators] = await Promise.all([loadPersonForRules(tx, loaded.personId), caseClaims(tx, loaded.kase.id, loaded.personId), readAccumulators(tx, loaded.personId)]);
      computed = new Map();
      const stage = payingStage(loaded.kase.kind);
      const computation = computeAgainst(loaded.kase.kind, person, claims, accumulators, { appliedOn: loaded.kase.receivedOn });
      for (const reason of computation.entitlement?.reasons ?? []) if (reason.citation && !computed.has(reason.code)) computed.set(reason.code, reason.citation);
      for (const bill of computation.bills) {
        // The paying stage's reason first: "年度限额已满" of the assistance, not of the insurer.
        const ordered = [...bill.result.reasons].sort((a, b) => Number(b.stage === stage) - Number(a.stage === stage));
        for (const reason of ordered) if (reason.citation && !computed.has(reason.code)) computed.set(reason.code, reason.citation);
      }
    }
    const citation = computed.get(chosen.code);
    reasons.push(citation ? { source: "rules", code: chosen.code, citation } : { source: "rules", code: chosen.code });
  }
  return { reasons, note: input.note };
});
