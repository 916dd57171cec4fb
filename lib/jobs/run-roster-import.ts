// A 动态调整 list's whole import without a worker process: the bureau's two commands and the two
// jobs they ask for, run inline one after the other, exactly as the worker would run them. For the
// benchmark (npm run bench:registry) and tests; the app goes through the queue (docs/decisions/017).
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { runRosterApplyJob } from "@/lib/jobs/roster-apply";
import { runRosterCheckJob } from "@/lib/jobs/roster-check";
import { confirmRoster } from "@/lib/roster/confirm-roster";
import { uploadRoster } from "@/lib/roster/upload-roster";

export type RosterImportResult = {
  batchId: string;
  /** CONFIRMED when applied; UPLOADED with errors (not confirmed), FAILED (unreadable or stale). */
  state: string;
  rows: number;
  errors: number;
  added: number;
  removed: number;
  changed: number;
  /**
   * Seconds: storing the file, the roster-check job (parse, diff, entries), confirming, the
   * roster-apply job; of the apply, the certificate's rendering (from the job's start) and the
   * registry's transaction, which overlap.
   */
  seconds: { upload: number; check: number; parse: number; confirm: number; apply: number; certificate: number; registry: number; total: number };
};

/**
 * Upload → check → confirm → apply, as `actor` (a 民政局 or 退役军人事务局 user of a county). Stops
 * after the check when the list has row errors or could not be read, as a user would.
 */
export async function runRosterImport(
  db: Db,
  actor: Actor,
  input: { period: string; file: Blob; certificateDate: string },
  opts: { chunkRows?: number } = {},
): Promise<RosterImportResult> {
  const seconds = (from: number) => (performance.now() - from) / 1000;
  const t0 = performance.now();
  const uploaded = await uploadRoster(db, actor, { period: input.period, file: input.file });
  const upload = seconds(t0);
  const t1 = performance.now();
  const checked = await runRosterCheckJob(db, uploaded.runId, opts);
  const check = seconds(t1);
  let batch = await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } });
  let confirm = 0;
  let apply = { certificateMs: 0, registryMs: 0, ms: 0 };
  if (batch.state === "UPLOADED" && batch.errorCount === 0) {
    const t2 = performance.now();
    const confirmed = await confirmRoster(db, actor, { batchId: batch.id, version: batch.version, certificateDate: input.certificateDate });
    confirm = seconds(t2);
    apply = await runRosterApplyJob(db, confirmed.runId);
    batch = await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } });
  }
  return {
    batchId: batch.id,
    state: batch.state,
    rows: batch.rows,
    errors: batch.errorCount,
    added: batch.added,
    removed: batch.removed,
    changed: batch.changed,
    seconds: { upload, check, parse: checked.parseMs / 1000, confirm, apply: apply.ms / 1000, certificate: apply.certificateMs / 1000, registry: apply.registryMs / 1000, total: seconds(t0) },
  };
}
