// The job queue: pg-boss 12 on the app's own PostgreSQL (the server, or the embedded PGlite behind
// its socket). pg-boss creates and migrates its tables itself, in schema `pgboss`, when it starts
// (docs/decisions/007): Prisma's migrations own schema `public` only. Progress and checkpoints are
// ours (job_run), because pg-boss has no field for them. Runs a command asks for (a list's check
// and apply) are job_run rows the worker hands to pg-boss (lib/jobs/job-runs.ts, docs/decisions/017).
import { PgBoss } from "pg-boss";
import { writeAudit } from "@/lib/audit/write-audit";
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { REQUESTED_JOBS, ROSTER_APPLY, ROSTER_CHECK, ROSTER_FAILED } from "./job-runs";
import { RECOMPUTE_CLAIMS, runRecomputeClaims } from "./recompute-claims";
import { runRosterApplyJob } from "./roster-apply";
import { runRosterCheckJob } from "./roster-check";
import { failRosterRun } from "./roster-failed";

export const QUEUE_SCHEMA = "pgboss";
/**
 * pg-boss's pool. The embedded database serves at most EMBEDDED_DB_MAX_CONNECTIONS (32): the app's
 * pool (10), a worker's Prisma pool (10), this (4) and the CLI still fit.
 */
export const QUEUE_POOL_MAX = 4;

// A killed worker stops its heartbeat: after heartbeatSeconds the job is failed and retried, by
// this worker or another, and the run resumes from its checkpoint. A roster run that fails on its
// last retry goes to ROSTER_FAILED, which gives its list back with the reason. Insertion order is
// creation order: a dead letter queue must exist before the queues that name it.
const QUEUES = {
  [RECOMPUTE_CLAIMS]: { retryLimit: 5, retryDelay: 2, heartbeatSeconds: 10, expireInSeconds: 3_600 },
  [ROSTER_FAILED]: { retryLimit: 5, retryDelay: 2, expireInSeconds: 300 },
  [ROSTER_CHECK]: { retryLimit: 3, retryDelay: 2, heartbeatSeconds: 10, expireInSeconds: 1_800, deadLetter: ROSTER_FAILED },
  [ROSTER_APPLY]: { retryLimit: 3, retryDelay: 2, heartbeatSeconds: 10, expireInSeconds: 1_800, deadLetter: ROSTER_FAILED },
} as const;

export type JobName = typeof RECOMPUTE_CLAIMS;
type RunData = { runId: string };

/**
 * Starts pg-boss on `url`, creating or migrating its schema, and the queues. superviseIntervalSeconds:
 * how often a dead worker's job (no heartbeat) is failed and so retried.
 */
export async function startQueue(url: string, { max = QUEUE_POOL_MAX, superviseIntervalSeconds = 10 }: { max?: number; superviseIntervalSeconds?: number } = {}): Promise<PgBoss> {
  // The monitor pass (which fails jobs whose heartbeat stopped) runs at most every monitorIntervalSeconds.
  const boss = new PgBoss({ connectionString: url, schema: QUEUE_SCHEMA, max, superviseIntervalSeconds, monitorIntervalSeconds: superviseIntervalSeconds, application_name: "yfyb-jobs" });
  boss.on("error", (error: unknown) => console.error(`[jobs] ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  for (const [name, options] of Object.entries(QUEUES)) await boss.createQueue(name, options);
  return boss;
}

/**
 * Records a run and queues it; an unfinished run of the same job is returned instead of a second
 * one. requestedBy: "user:<id>" or "system:<what>". For jobs run once at a time over everything
 * (recompute-claims); a list's runs are requested by its commands (lib/jobs/job-runs.ts).
 */
export async function enqueue(db: Db, boss: PgBoss, name: JobName, requestedBy: string): Promise<{ runId: string; queued: boolean }> {
  const open = await db.jobRun.findFirst({ where: { name, state: { in: ["QUEUED", "RUNNING"] } }, orderBy: { createdAt: "desc" } });
  if (open) return { runId: open.id, queued: false };
  const run = await db.jobRun.create({ data: { name, requestedBy } });
  const data: RunData = { runId: run.id };
  await boss.send(name, data, { id: run.id });
  return { runId: run.id, queued: true };
}

/**
 * Hands every run a command asked for (QUEUED) to pg-boss under the run's own id: pg-boss ignores
 * an id it already holds, so a run handed over twice (two workers, or a run still waiting for a
 * free worker) is queued once. Returns how many it handed over.
 */
export async function publishRequestedRuns(db: Db, boss: PgBoss): Promise<number> {
  const runs = await db.jobRun.findMany({ where: { state: "QUEUED", name: { in: [...REQUESTED_JOBS] } }, orderBy: { createdAt: "asc" }, take: 100, select: { id: true, name: true } });
  for (const run of runs) {
    const data: RunData = { runId: run.id };
    await boss.send(run.name, data, { id: run.id });
  }
  return runs.length;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A roster run's attempt failed: its row says why until the retry, and the error goes back to pg-boss. */
async function recordAttemptError(db: Db, runId: string, error: unknown): Promise<never> {
  await db.jobRun
    .updateMany({ where: { id: runId, state: "RUNNING" }, data: { error: messageOf(error).slice(0, 2_000) } })
    .catch((e: unknown) => console.error(`[jobs] recording the error of ${runId}: ${messageOf(e)}`));
  throw error;
}

/** Works the queues until stopped; the handlers are the job modules' run functions. */
export async function startWorker(db: Db, boss: PgBoss, { pollingIntervalSeconds = 1 }: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  // Smaller chunks only to make a test's run long enough to interrupt.
  const chunkClaims = Number(process.env.JOBS_CHUNK_CLAIMS ?? 0) || undefined;
  const chunkRows = Number(process.env.JOBS_CHUNK_ROWS ?? 0) || undefined;
  await boss.work<RunData>(RECOMPUTE_CLAIMS, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    try {
      const summary = await runRecomputeClaims(db, job.data.runId, { signal: job.signal, ...(chunkClaims ? { chunkClaims } : {}) });
      console.log(`[jobs] ${RECOMPUTE_CLAIMS} ${summary.runId}: ${summary.done}/${summary.total} claims, ${summary.written} written, ${summary.unchanged} unchanged, ${summary.ms} ms`);
    } catch (error) {
      const message = messageOf(error);
      const runId = job.data.runId;
      await db
        .$transaction(async (tx) => {
          await tx.jobRun.update({ where: { id: runId }, data: { state: "FAILED", error: message.slice(0, 2_000) } });
          await writeAudit(tx, systemActor(RECOMPUTE_CLAIMS, runId, { code: "", path: "" }), { action: "job.fail", entityId: runId, regionCode: null, after: { name: RECOMPUTE_CLAIMS, error: message.slice(0, 500) } });
        })
        .catch((e: unknown) => console.error(`[jobs] recording the failure of ${runId}: ${messageOf(e)}`));
      throw error;
    }
  });
  await boss.work<RunData>(ROSTER_CHECK, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const summary = await runRosterCheckJob(db, job.data.runId, { signal: job.signal, ...(chunkRows ? { chunkRows } : {}) }).catch((e: unknown) => recordAttemptError(db, job.data.runId, e));
    console.log(`[jobs] ${ROSTER_CHECK} ${summary.runId}: list ${summary.batchId} ${summary.state}, ${summary.rows} rows, ${summary.ms} ms`);
  });
  await boss.work<RunData>(ROSTER_APPLY, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const summary = await runRosterApplyJob(db, job.data.runId, { signal: job.signal }).catch((e: unknown) => recordAttemptError(db, job.data.runId, e));
    console.log(`[jobs] ${ROSTER_APPLY} ${summary.runId}: list ${summary.batchId} ${summary.state}, ${summary.entries} entries, certificate ${summary.certificateMs} ms, registry ${summary.registryMs} ms`);
  });
  await boss.work<RunData>(ROSTER_FAILED, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    await failRosterRun(db, job.data.runId);
  });

  // The runs commands ask for, handed to pg-boss as they come; ends with the queue.
  let publishing = false;
  const timer = setInterval(() => {
    if (publishing) return;
    publishing = true;
    publishRequestedRuns(db, boss)
      .catch((e: unknown) => console.error(`[jobs] handing requested runs to the queue: ${messageOf(e)}`))
      .finally(() => (publishing = false));
  }, pollingIntervalSeconds * 1_000);
  timer.unref();
  boss.once("stopped", () => clearInterval(timer));
}
