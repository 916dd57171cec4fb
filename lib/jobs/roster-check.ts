// The roster-check job: an uploaded 动态调整 list read and compared with the registry, in chunks of
// whole people (lib/roster/roster-chunks.ts). The file is parsed again on every attempt (seconds,
// even for 100,000 rows) and gives the same chunks. Each chunk is compared outside any transaction
// and its entries and row errors are written with the run's progress and checkpoint in one short
// transaction (lib/roster/record-roster-chunk.ts), so a run killed anywhere resumes after its last
// committed chunk, and a page waits at most one chunk's write, also on the embedded database. The
// next chunk is compared while the last one is written. Nothing of the registry is written here.
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { ROSTER_CHECK } from "@/lib/jobs/job-runs";
import { finishRosterCheck } from "@/lib/roster/finish-roster-check";
import { readCheckCheckpoint, recordRosterChunk, type CheckCheckpoint } from "@/lib/roster/record-roster-chunk";
import type { RosterBureau } from "@/lib/roster/roster-categories";
import { chunkRowsByPerson } from "@/lib/roster/roster-chunks";
import { loadDiffContext } from "@/lib/roster/roster-context";
import { chinaToday } from "@/lib/roster/roster-dates";
import { diffRoster, type RosterDiff } from "@/lib/roster/roster-diff";
import { parseRosterFile, type RosterRow } from "@/lib/roster/roster-file";
import { parsePeriod } from "@/lib/roster/roster-period";
import { getFile } from "@/lib/storage/file-store";

export const CHUNK_ROWS = 5_000;

export type RosterCheckOptions = {
  /** Rows per chunk for a run's first attempt; a resumed run keeps its own (the checkpoint's). */
  chunkRows?: number;
  /** Aborted between chunks (pg-boss aborts it when the job is cancelled or its claim is lost). */
  signal?: AbortSignal;
  /** Called after each committed chunk (tests use it to interrupt a run). */
  afterChunk?: (progress: { done: number; total: number; chunk: number }) => void | Promise<void>;
};

/** `parseMs`: reading the file, of `ms` in all. */
export type RosterCheckSummary = { runId: string; batchId: string; state: "UPLOADED" | "FAILED" | "SUPERSEDED" | "DONE"; rows: number; chunks: number; parseMs: number; ms: number };

// A cell is at most 32,767 characters in Excel; none of the list's means anything past a few dozen.
const cut = (row: RosterRow): RosterRow => ({
  rowNo: row.rowNo, township: row.township.slice(0, 1_000), name: row.name.slice(0, 1_000), idNumber: row.idNumber.slice(0, 1_000), category: row.category.slice(0, 1_000),
  householdSize: row.householdSize.slice(0, 1_000), reason: row.reason.slice(0, 1_000), effectiveDate: row.effectiveDate.slice(0, 1_000),
});

/** Runs (or resumes) check run `runId`; a finished run is left as it is. */
export async function runRosterCheckJob(db: Db, runId: string, opts: RosterCheckOptions = {}): Promise<RosterCheckSummary> {
  const t0 = Date.now();
  const run = await db.jobRun.findUniqueOrThrow({ where: { id: runId } });
  const batch = await db.rosterBatch.findFirst({ where: { jobRunId: runId }, include: { region: { select: { path: true } } } });
  if (!batch) throw new Error(`roster-check ${runId}: no list points at the run`);
  let parseMs = 0;
  const summary = (state: RosterCheckSummary["state"], rows: number, chunks: number): RosterCheckSummary => ({ runId, batchId: batch.id, state, rows, chunks, parseMs, ms: Date.now() - t0 });
  if (run.state === "SUCCEEDED" || run.state === "FAILED") return summary("DONE", run.done, 0);
  const actor = systemActor(ROSTER_CHECK, runId, { code: batch.regionCode, path: batch.region.path }, batch.id);
  const started: CheckCheckpoint = readCheckCheckpoint(run.checkpoint) ?? { today: chinaToday(), chunkRows: opts.chunkRows ?? CHUNK_ROWS, chunks: 0, rows: 0, errors: 0, added: 0, removed: 0, changed: 0 };
  await db.jobRun.update({ where: { id: runId }, data: { state: "RUNNING", attempts: { increment: 1 }, checkpoint: started, ...(run.startedAt ? {} : { startedAt: new Date() }) } });
  if (batch.state !== "CHECKING") {
    await finishRosterCheck(db, actor, { runId, batchId: batch.id, failure: null });
    return summary("SUPERSEDED", started.rows, 0);
  }

  const file = await getFile(db, batch.fileId);
  if (!file) throw new Error(`roster-check ${runId}: stored file ${batch.fileId} is missing`);
  const t1 = Date.now();
  const parsed = await parseRosterFile(Buffer.from(file.content));
  parseMs = Date.now() - t1;
  if (!parsed.ok) {
    const values: Record<string, string> = parsed.error === "MISSING_COLUMNS" ? { columns: parsed.missing.join("、") } : {};
    await finishRosterCheck(db, actor, { runId, batchId: batch.id, failure: { key: `roster.file.${parsed.error}`, values } });
    return summary("FAILED", 0, 0);
  }
  const total = parsed.rows.length;
  if (run.total !== total) await db.jobRun.update({ where: { id: runId }, data: { total } });
  const chunks = chunkRowsByPerson(parsed.rows.map(cut), started.chunkRows);
  const county = { code: batch.regionCode, path: batch.region.path };
  const compare = comparer(db, county, batch.bureau, parsePeriod(batch.period)!, new Date(`${started.today}T00:00:00Z`));
  let written = 0;
  let next = started.chunks < chunks.length ? compare(chunks[started.chunks]!) : null;
  for (let chunk = started.chunks; chunk < chunks.length; chunk++) {
    const diff = await next!;
    // Compared while this one is written: the database writes, the worker diffs.
    next = chunk + 1 < chunks.length ? compare(chunks[chunk + 1]!) : null;
    // A failed comparison of the next chunk surfaces when it is awaited, not as an unhandled rejection.
    next?.catch(() => undefined);
    opts.signal?.throwIfAborted();
    const result = await recordRosterChunk(db, actor, { runId, batchId: batch.id, chunk, ...diff });
    if (result.superseded) break;
    written += 1;
    await opts.afterChunk?.({ done: result.checkpoint.rows, total, chunk: written });
  }
  const finished = await finishRosterCheck(db, actor, { runId, batchId: batch.id, failure: null });
  // The apply joins the list's entries with the registry, perhaps seconds from now: fresh
  // statistics let the planner hash 100,000 entries instead of probing an index for each (autovacuum
  // would take its minute). A sample of the table, so constant in its size.
  if (finished.state === "UPLOADED" && total >= 10_000) await db.$executeRaw`ANALYZE roster_entry`;
  return summary(finished.state, total, written);
}

/** Compares one chunk with the registry as it is (the apply checks again before it writes). */
function comparer(db: Db, county: { code: string; path: string }, bureau: RosterBureau, period: NonNullable<ReturnType<typeof parsePeriod>>, today: Date) {
  return async (rows: RosterRow[]): Promise<RosterDiff> => diffRoster(rows, await loadDiffContext(db, county, bureau, period, rows, today));
}
