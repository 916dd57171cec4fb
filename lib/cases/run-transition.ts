// The database side of one workflow transition (lib/workflow/README.md "Using it from a command"):
// load the case with its region, let the pure machine decide, write the next case only over the
// version that was read (one winner), and record what the machine says happened, all inside the
// caller's transaction.
import type { CommandContext } from "@/lib/command";
import type { Db, Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isPathInScope } from "@/lib/regions/scope";
import { decide } from "@/lib/auth/decide";
import { applyTransition, permissionOf, refusalError, type TransitionInput, type TransitionResult, type WorkflowCommand } from "@/lib/workflow/case-machine";
import { DEFAULT_PUBLICITY_DAYS } from "@/lib/workflow/county-settings";
import type { TransitionName, WorkflowCase, WorkflowEvent } from "@/lib/workflow/workflow-case";
import { CASE_RECORD_SELECT, toCaseUpdate, toDateColumn, toWorkflowCase } from "./case-record";
import { issueRefusalNotice } from "./issue-notice";

/** Message key of the conflict a stale version meets: "该申请已被他人处理，请刷新". */
export const CASE_CONFLICT_KEY = "cases.conflict";

/** The region a case belongs to, and the county above it (numbering, settings, the notice's issuer). */
export type CaseRegion = { code: string; path: string; name: string; countyCode: string; countyName: string };

/** A case as commands load it: the machine's view, and the row's own columns beside it. */
export type LoadedCase = {
  kase: WorkflowCase;
  number: string;
  personId: string;
  region: CaseRegion;
};

/** The county on a region path (the region at COUNTY level among the path's codes). */
export async function countyOf(db: Db | Tx, path: string): Promise<{ code: string; name: string }> {
  const county = await db.region.findFirst({ where: { code: { in: path.split("/") }, level: "COUNTY" }, select: { code: true, name: true } });
  if (!county) throw new Error(`no county on region path ${path}`);
  return county;
}

/** The case, or null when there is no such row (callers answer "not found", in or out of region alike). */
export async function loadCase(db: Db | Tx, caseId: string): Promise<LoadedCase | null> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return null;
  const row = await db.case.findUnique({
    where: { id: caseId },
    select: { ...CASE_RECORD_SELECT, number: true, personId: true, region: { select: { code: true, path: true, name: true } } },
  });
  if (!row) return null;
  const county = await countyOf(db, row.region.path);
  return {
    kase: toWorkflowCase(row, row.region.path),
    number: row.number,
    personId: row.personId,
    region: { ...row.region, countyCode: county.code, countyName: county.name },
  };
}

/** The 公示 period the county set (YQ-JZ-2019 §6(2)), or the default. */
export async function publicityDaysOf(db: Db | Tx, countyCode: string): Promise<number> {
  const setting = await db.countySetting.findUnique({ where: { regionCode: countyCode }, select: { publicityDays: true } });
  return setting?.publicityDays ?? DEFAULT_PUBLICITY_DAYS;
}

export type RunOptions = {
  /** The version the actor's page showed; another version means someone else acted first. */
  expectedVersion?: number | undefined;
  now?: Date | undefined;
  /** Runs after the case row is written and before the events are recorded (the approval's ledger). */
  afterUpdate?: ((loaded: LoadedCase, result: Extract<TransitionResult, { ok: true }>) => Promise<void>) | undefined;
};

export type TransitionOutcome = { loaded: LoadedCase; next: WorkflowCase; events: WorkflowEvent[]; noticeIds: string[] };

/**
 * One transition in the caller's transaction. Order: the case exists in the actor's region (else
 * not found), it is still the version the page showed (else ConflictError "cases.conflict"), the
 * decision function lets the actor take this transition (before any work: an approval computes),
 * then `build` makes the machine's input from the loaded case and the machine decides. Refusals
 * are the machine's, as typed errors (refusalError); a case written by someone else between the
 * read and the write is a ConflictError too.
 */
export async function runTransition<T extends TransitionName>(
  tx: Tx,
  ctx: CommandContext,
  caseId: string,
  transition: T,
  build: (loaded: LoadedCase) => TransitionInput[T] | Promise<TransitionInput[T]>,
  options: RunOptions = {},
): Promise<TransitionOutcome> {
  const loaded = await loadCase(tx, caseId);
  if (!loaded || !isPathInScope(ctx.actor, loaded.kase.regionPath)) throw new NotFoundError({ action: "case:read", entity: "case", entityId: caseId });
  if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.kase.version) throw new ConflictError(CASE_CONFLICT_KEY);
  const { kase } = loaded;
  const permission = permissionOf(transition, kase.kind);
  const decision = decide(ctx.actor, permission, { entity: "case", id: kase.id, regionPath: kase.regionPath, state: kase.state, participants: kase.participants });
  if (!decision.ok) throw refusalError({ kind: "decision", refusal: decision.refusal, permission }, caseId);
  const command = { transition, input: await build(loaded) } as WorkflowCommand;
  const now = options.now ?? new Date();
  const publicityDays = await publicityDaysOf(tx, loaded.region.countyCode);
  const result = applyTransition(loaded.kase, ctx.actor, command, now, { settings: { publicityDays } });
  if (!result.ok) throw refusalError(result.refusal, caseId);
  await writeCase(tx, loaded.kase, result.next);
  if (options.afterUpdate) await options.afterUpdate(loaded, result);
  const noticeIds = await recordEvents(tx, ctx, loaded, result.next, result.events);
  return { loaded, next: result.next, events: result.events, noticeIds };
}

/** The version-checked write: only the version that was read is replaced (one winner). */
export async function writeCase(tx: Tx, read: WorkflowCase, next: WorkflowCase): Promise<void> {
  const updated = await tx.case.updateMany({ where: { id: read.id, version: read.version }, data: toCaseUpdate(next) });
  if (updated.count === 0) throw new ConflictError(CASE_CONFLICT_KEY);
}

/** Every event of a transition, recorded in its transaction: the audit rows, the identity, the notice (its id returned). */
export async function recordEvents(tx: Tx, ctx: CommandContext, loaded: LoadedCase, next: WorkflowCase, events: readonly WorkflowEvent[]): Promise<string[]> {
  const noticeIds: string[] = [];
  for (const event of events) {
    switch (event.type) {
      case "case.transition":
        await writeAudit(
          tx,
          ctx.actor,
          { action: `case.${event.transition}`, entityId: event.caseId, regionCode: loaded.region.code, after: { from: event.from, to: event.to, version: next.version, detail: event.detail } },
          ctx.requestId,
        );
        break;
      case "identity.grant": {
        const identity = await tx.personIdentity.create({
          data: { personId: loaded.personId, type: event.identity, validFrom: toDateColumn(event.from), sourceCaseId: event.caseId },
        });
        await writeAudit(
          tx,
          ctx.actor,
          { action: "case.grantIdentity", entityId: event.caseId, regionCode: loaded.region.code, after: { version: next.version, detail: { identity: event.identity, from: event.from, identityId: identity.id } } },
          ctx.requestId,
        );
        break;
      }
      case "notice.issue": {
        const notice = await issueRefusalNotice(tx, loaded, next, event);
        noticeIds.push(notice.id);
        await writeAudit(
          tx,
          ctx.actor,
          { action: "case.issueNotice", entityId: event.caseId, regionCode: loaded.region.code, after: { version: next.version, detail: { noticeId: notice.id, number: notice.number, sha256: notice.sha256 } } },
          ctx.requestId,
        );
        break;
      }
    }
  }
  return noticeIds;
}
