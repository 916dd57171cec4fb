// The job queue: pg-boss 12 on the app's own PostgreSQL (the server, or the embedded PGlite behind
// its socket). pg-boss creates and migrates its tables itself, in schema `pgboss`, when it starts
// (docs/decisions/007): Prisma's migrations own schema `public` only. Progress and checkpoints are
// ours (job_run), because pg-boss has no field for them.
import { PgBoss } from "pg-boss";
import { writeAudit } from "@/lib/audit/write-audit";
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { RECOMPUTE_CLAIMS, runRecomputeClaims } from "./recompute-claims";

export const QUEUE_SCHEMA = "pgboss";
/**
 * pg-boss's pool. The embedded database serves at most EMBEDDED_DB_MAX_CONNECTIONS (32): the app's
 * pool (10), a worker's Prisma pool (10), this (4) and the CLI still fit.
 */
export const QUEUE_POOL_MAX = 4;

const QUEUES = {
  // A killed worker stops its heartbeat: after heartbeatSeconds the job is failed and retried, by
  // this worker or another, and the run resumes from its checkpoint.
  [RECOMPUTE_CLAIMS]: { retryLimit: 5, retryDelay: 2, heartbeatSeconds: 10, expireInSeconds: 3_600 },
} as const;

export type JobName = keyof typeof QUEUES;
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
 * one. requestedBy: "user:<id>" or "system:<what>".
 */
export async function enqueue(db: Db, boss: PgBoss, name: JobName, requestedBy: string): Promise<{ runId: string; queued: boolean }> {
  const open = await db.jobRun.findFirst({ where: { name, state: { in: ["QUEUED", "RUNNING"] } }, orderBy: { createdAt: "desc" } });
  if (open) return { runId: open.id, queued: false };
  const run = await db.jobRun.create({ data: { name, requestedBy } });
  const data: RunData = { runId: run.id };
  await boss.send(name, data, { id: run.id });
  return { runId: run.id, queued: true };
}

/** Works the queues until stopped; the handlers are the job modules' run functions. */
export async function startWorker(db: Db, boss: PgBoss, { pollingIntervalSeconds = 1 }: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  // Smaller chunks only to make a test's run long enough to interrupt.
  const chunkClaims = Number(process.env.JOBS_CHUNK_CLAIMS ?? 0) || undefined;
  await boss.work<RunData>(RECOMPUTE_CLAIMS, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    try {
      const summary = await runRecomputeClaims(db, job.data.runId, { signal: job.signal, ...(chunkClaims ? { chunkClaims } : {}) });
      console.log(`[jobs] ${RECOMPUTE_CLAIMS} ${summary.runId}: ${summary.done}/${summary.total} claims, ${summary.written} written, ${summary.unchanged} unchanged, ${summary.ms} ms`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const runId = job.data.runId;
      await db
        .$transaction(async (tx) => {
          await tx.jobRun.update({ where: { id: runId }, data: { state: "FAILED", error: message.slice(0, 2_000) } });
          await writeAudit(tx, systemActor(RECOMPUTE_CLAIMS, runId, { code: "", path: "" }), { action: "job.fail", entityId: runId, regionCode: null, after: { name: RECOMPUTE_CLAIMS, error: message.slice(0, 500) } });
        })
        .catch((e: unknown) => console.error(`[jobs] recording the failure of ${runId}: ${e instanceof Error ? e.message : String(e)}`));
      throw error;
    }
  });
}
