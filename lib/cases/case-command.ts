// The shape every case command but filing, bills and attachments shares: a schema with caseId and
// version, one workflow transition, and { id, version, state } back. The command's own permission
// is checked up front by defineCommand; runTransition then checks the transition's (for the county
// decision: the kind's), the region, the state and the duty.
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { defineCommand, type CommandContext } from "@/lib/command";
import type { Tx } from "@/lib/db";
import type { CaseState } from "@/lib/auth/decide";
import type { TransitionInput } from "@/lib/workflow/case-machine";
import type { TransitionName } from "@/lib/workflow/workflow-case";
import { runTransition, type LoadedCase, type RunOptions, type TransitionOutcome } from "./run-transition";

export type CaseStepResult = { id: string; version: number; state: CaseState; noticeId: string | null };

type CaseInput = { caseId: string; version: number };

export function defineCaseTransition<S extends z.ZodType<CaseInput>, T extends TransitionName>(
  config: { permission: Permission; schema: S; transition: T; timeoutMs?: number },
  build: (input: z.output<S>, loaded: LoadedCase, tx: Tx, ctx: CommandContext) => TransitionInput[T] | Promise<TransitionInput[T]>,
  more: { afterUpdate?: (tx: Tx, input: z.output<S>, ctx: CommandContext) => RunOptions["afterUpdate"] } = {},
) {
  return defineCommand({ permission: config.permission, schema: config.schema, ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}) }, async (tx, input, ctx): Promise<CaseStepResult> => {
    const outcome: TransitionOutcome = await runTransition(tx, ctx, input.caseId, config.transition, (loaded) => build(input, loaded, tx, ctx), {
      expectedVersion: input.version,
      afterUpdate: more.afterUpdate?.(tx, input, ctx),
    });
    return { id: outcome.next.id, version: outcome.next.version, state: outcome.next.state, noticeId: outcome.noticeIds[0] ?? null };
  });
}

/** The attachment kinds on a case (what submit and resubmit check against the kind's documents). */
export async function attachmentKinds(tx: Tx, caseId: string) {
  const rows = await tx.attachment.findMany({ where: { caseId }, select: { kind: true }, distinct: ["kind"] });
  return rows.map((row) => row.kind);
}
