// The recompute-claims job: every claim settled at the hospital (source ONE_STOP) through the rules module, into
// claim_result (one row per claim and engine version). Work goes person by person (a person's
// claims are replayed in settlement order, accumulators threaded through), in chunks of about
// CHUNK_CLAIMS claims. Each chunk is read and computed outside any transaction, then written in
// one short transaction together with the run's progress and checkpoint, so:
// - on the embedded database (one backend for every connection) a page waits at most one chunk's
//   write, never the whole run;
// - a run killed at any point resumes after the last committed chunk: nothing is lost, nothing
//   written twice (and claim_result's unique key would refuse a duplicate anyway).
// A row is rewritten only when its input hash changed, so a second run writes nothing.
import { writeAudit } from "@/lib/audit/write-audit";
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AMOUNT_FIELDS } from "@/lib/rules/claim-context";
import { replayClaims } from "@/lib/rules/compute-claim";
import { formatYuan } from "@/lib/rules/money";
import { sha256Hex } from "@/lib/rules/receipt";
import { recordClaimResults } from "@/lib/jobs/record-claim-results";
import { loadClaimsForRules, loadPeopleForRules } from "@/lib/records/load";

export const RECOMPUTE_CLAIMS = "recompute-claims";
export const CHUNK_CLAIMS = 200;

/** Resume point: people are worked in id order; everything up to this id is committed. */
type Checkpoint = { afterPersonId: string | null; written: number; unchanged: number };

export type RecomputeSummary = { runId: string; state: "SUCCEEDED"; total: number; done: number; written: number; unchanged: number; chunks: number; ms: number };

export type RecomputeOptions = {
  chunkClaims?: number;
  /** Aborted between chunks (pg-boss aborts it when the job is cancelled or its claim is lost). */
  signal?: AbortSignal;
  /** Called after each committed chunk (tests use it to interrupt a run). */
  afterChunk?: (progress: { done: number; total: number; chunk: number }) => void | Promise<void>;
};

function readCheckpoint(value: Prisma.JsonValue | null): Checkpoint {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const after = value.afterPersonId;
    const written = value.written;
    const unchanged = value.unchanged;
    return {
      afterPersonId: typeof after === "string" ? after : null,
      written: typeof written === "number" ? written : 0,
      unchanged: typeof unchanged === "number" ? unchanged : 0,
    };
  }
  return { afterPersonId: null, written: 0, unchanged: 0 };
}

/** The next people after `after` whose claims add up to about `limit` (at least one person). */
async function nextPeople(db: Db, after: string | null, limit: number): Promise<string[]> {
  const rows = await db.claim.groupBy({
    by: ["personId"],
    where: { source: "ONE_STOP", ...(after ? { personId: { gt: after } } : {}) },
    _count: { _all: true },
    orderBy: { personId: "asc" },
    take: limit,
  });
  const picked: string[] = [];
  let claims = 0;
  for (const r of rows) {
    if (picked.length > 0 && claims + r._count._all > limit) break;
    picked.push(r.personId);
    claims += r._count._all;
  }
  return picked;
}

/** Runs (or resumes) job run `runId`; a run that already succeeded is left as it is. */
export async function runRecomputeClaims(db: Db, runId: string, opts: RecomputeOptions = {}): Promise<RecomputeSummary> {
  const t0 = Date.now();
  const chunkClaims = opts.chunkClaims ?? CHUNK_CLAIMS;
  const run = await db.jobRun.findUniqueOrThrow({ where: { id: runId } });
  let checkpoint = readCheckpoint(run.checkpoint);
  if (run.state === "SUCCEEDED") {
    return { runId, state: "SUCCEEDED", total: run.total ?? 0, done: run.done, written: checkpoint.written, unchanged: checkpoint.unchanged, chunks: 0, ms: 0 };
  }
  // The bills settled at the hospital: a case's bills are computed against the ledger when the
  // case is approved (lib/ledger), and a draft's must not shift anyone's totals here.
  const total = run.total ?? (await db.claim.count({ where: { source: "ONE_STOP" } }));
  await db.jobRun.update({
    where: { id: runId },
    data: { state: "RUNNING", total, attempts: { increment: 1 }, error: null, ...(run.startedAt ? {} : { startedAt: new Date() }) },
  });
  const actor = systemActor(RECOMPUTE_CLAIMS, runId, { code: "", path: "" });
  let done = run.done;
  let chunks = 0;
  for (;;) {
    opts.signal?.throwIfAborted();
    const people = await nextPeople(db, checkpoint.afterPersonId, chunkClaims);
    if (people.length === 0) break;
    // The records ↔ rules mapper (lib/records/): a fixed number of queries per chunk.
    const [claimsByPerson, persons] = await Promise.all([loadClaimsForRules(db, { personIds: people, source: "ONE_STOP" }), loadPeopleForRules(db, people)]);
    const computed = [...claimsByPerson].flatMap(([personId, claims]) => {
      const person = persons.get(personId);
      if (!person) throw new Error(`claims of person ${personId}, who is not on record`);
      return replayClaims(person, claims, {}, { trace: false, hasher: sha256Hex }).results.map((r) => {
        const receipt = r.receipt;
        if (!receipt) throw new Error("the rules module returned no receipt");
        const amounts: Record<string, string> = {};
        for (const field of AMOUNT_FIELDS) amounts[field] = formatYuan(r.amounts[field]);
        return { claimId: r.claimId, engineVersion: receipt.engineVersion, rulesetHash: receipt.rulesetHash, inputHash: receipt.inputHash, outputHash: receipt.outputHash, amounts };
      });
    });
    // The same command a person could be given: the job is its system actor (deployment-wide).
    checkpoint = await recordClaimResults(db, actor, { runId, results: computed, checkpoint: { ...checkpoint, afterPersonId: people[people.length - 1] ?? null } });
    done += computed.length;
    chunks += 1;
    await opts.afterChunk?.({ done, total, chunk: chunks });
  }
  await db.$transaction(async (tx) => {
    await tx.jobRun.update({ where: { id: runId }, data: { state: "SUCCEEDED", finishedAt: new Date() } });
    // Every county's claims: a deployment-wide row (no region), seen by every county's auditors.
    await writeAudit(tx, actor, { action: "job.finish", entityId: runId, regionCode: null, after: { name: RECOMPUTE_CLAIMS, total, done } });
  });
  return { runId, state: "SUCCEEDED", total, done, written: checkpoint.written, unchanged: checkpoint.unchanged, chunks, ms: Date.now() - t0 };
}
