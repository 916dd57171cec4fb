// Identity proposals of the demo: township clerks propose, through the real commands, the way a
// newcomer would; one waits for 民政局 in each county, one 盂县 proposal was already turned down,
// so that the bureau's list, the home page's count and the person page's outcome all show.
import type { Db, Tx } from "@/lib/db";
import { chinaDate } from "@/lib/workflow/case-machine";
import { rejectAssistanceProposal } from "@/lib/people/decide-identity-proposal";
import { proposeIdentity } from "@/lib/people/propose-identity";
import { actorOf } from "./cases";

export type DemoProposalsResult = { status: "skipped"; reason: string } | { status: "seeded"; proposals: number };

const PLAN = [
  { clerk: "yx-clerk", township: "140322100", type: "SUBSISTENCE", reason: "2026 年 10 月家中主要劳动力因病丧失劳动能力，家庭人均收入低于低保标准，已入户核实。", attachment: "秀水镇民政档案 2026-041 号", rejectedBy: null },
  { clerk: "yx-clerk", township: "140322100", type: "LOW_INCOME", reason: "申请人自述家庭收入下降，已提交收入证明。", attachment: null, rejectedBy: { username: "yx-civil", reason: "收入证明与社保缴费记录不符，请核实后重新申报。" } },
  { clerk: "qj-clerk", township: "500110001", type: "SUBSISTENCE", reason: "独居老人，无固定收入，经村委会评议同意申报低保。", attachment: "古南街道低保评议记录 2026-12", rejectedBy: null },
] as const;

export async function seedDemoProposals(db: Db): Promise<DemoProposalsResult> {
  return db.$transaction((tx) => seedIn(tx), { timeout: 60_000, maxWait: 10_000 });
}

async function seedIn(tx: Tx): Promise<DemoProposalsResult> {
  const existing = await tx.identityProposal.count({ where: { OR: [{ person: { regionCode: { startsWith: "140322" } } }, { person: { regionCode: { startsWith: "500110" } } }] } });
  if (existing > 0) return { status: "skipped", reason: `${existing} demo-county proposals already present` };
  const validFrom = `${chinaDate(new Date()).slice(0, 8)}01`;
  const used = new Set<string>();
  for (const item of PLAN) {
    const clerk = await actorOf(tx, item.clerk);
    // The first person of the township (in ID order) who never held an assistance identity.
    const person = await tx.person.findFirstOrThrow({
      where: { regionCode: { startsWith: item.township }, mergedIntoId: null, diedOn: null, id: { notIn: [...used] }, identities: { none: { type: { in: ["EXTREME_POVERTY", "SUBSISTENCE", "LOW_INCOME"] } } } },
      select: { id: true },
      orderBy: { idNumber: "asc" },
    });
    used.add(person.id);
    const { proposalId } = await proposeIdentity(tx, clerk, { personId: person.id, type: item.type, validFrom, reason: item.reason, attachment: item.attachment ?? "" });
    if (item.rejectedBy) await rejectAssistanceProposal(tx, await actorOf(tx, item.rejectedBy.username), { proposalId, rejectReason: item.rejectedBy.reason });
  }
  return { status: "seeded", proposals: PLAN.length };
}
