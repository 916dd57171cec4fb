// pg-boss's dead letter queue for the roster jobs: a run that failed on its last retry (an error
// each time, or a worker that died each time) lands here, and its list is given back with the
// reason: a list that could not be compared is FAILED (upload it again), one that could not be
// applied is UPLOADED again (confirm it again). Without this a list would stay CHECKING or
// APPLYING for good.
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { ROSTER_APPLY, ROSTER_CHECK } from "@/lib/jobs/job-runs";
import { abandonRosterApply, abandonRosterCheck } from "@/lib/roster/abandon-roster-job";

export async function failRosterRun(db: Db, runId: string): Promise<void> {
  const run = await db.jobRun.findUnique({ where: { id: runId } });
  if (!run || run.state === "SUCCEEDED" || run.state === "FAILED") return;
  const batch = await db.rosterBatch.findFirst({ where: { jobRunId: runId }, include: { region: { select: { path: true } } } });
  if (!batch) {
    await db.jobRun.update({ where: { id: runId }, data: { state: "FAILED", finishedAt: new Date() } });
    return;
  }
  const error = run.error ?? "the worker stopped (no heartbeat) on every attempt";
  const region = { code: batch.regionCode, path: batch.region.path };
  if (run.name === ROSTER_CHECK) {
    if (batch.state !== "CHECKING" && batch.state !== "SUPERSEDED") return;
    await abandonRosterCheck(db, systemActor(ROSTER_CHECK, runId, region, batch.id), { runId, batchId: batch.id, failure: { key: "roster.checkFailed", values: {} }, error });
  } else if (run.name === ROSTER_APPLY) {
    if (batch.state !== "APPLYING") return;
    await abandonRosterApply(db, systemActor(ROSTER_APPLY, runId, region, batch.id), { runId, batchId: batch.id, failure: { key: "roster.applyFailed", values: {} }, error });
  }
}
