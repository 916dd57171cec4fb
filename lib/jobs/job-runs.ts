// Runs that a command asks for. The command writes the run's job_run row (QUEUED) in its own
// transaction, with the record it works on, so a request and what it is about commit together or
// not at all; the worker then hands every QUEUED run to pg-boss (lib/jobs/queue.ts,
// publishRequestedRuns), with the run's id as the job's id, so handing one over twice queues it
// once. No pg-boss here: the app (Next) writes rows, only the worker talks to the queue.
import type { Db, Tx } from "@/lib/db";

/** Reads a 动态调整 list's file and compares it with the registry (lib/jobs/roster-check.ts). */
export const ROSTER_CHECK = "roster-check";
/** Applies a confirmed list to the registry and issues its certificate (lib/jobs/roster-apply.ts). */
export const ROSTER_APPLY = "roster-apply";
/** Where pg-boss puts a roster run that failed for the last time (lib/jobs/roster-failed.ts). */
export const ROSTER_FAILED = "roster-failed";

export const REQUESTED_JOBS = [ROSTER_CHECK, ROSTER_APPLY] as const;
export type RequestedJob = (typeof REQUESTED_JOBS)[number];

/** A new QUEUED run of `name`; `requestedBy` is "user:<id>" or "system:<what>". */
export async function requestRun(tx: Tx | Db, name: RequestedJob, requestedBy: string, total?: number): Promise<string> {
  const run = await tx.jobRun.create({ data: { name, requestedBy, ...(total === undefined ? {} : { total }) }, select: { id: true } });
  return run.id;
}
