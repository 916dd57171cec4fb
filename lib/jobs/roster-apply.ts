// The roster-apply job: a confirmed 动态调整 list applied to the registry, with its certificate
// (附件4), in ONE transaction: the registry has not moved since the comparison (checked again), every
// entry is applied with a few set-based statements (lib/roster/apply-roster.ts), the certificate is
// archived and the list CONFIRMED — or none of it. The certificate is rendered from the stored
// entries meanwhile (seconds for 100,000 people, CPU in this process while PostgreSQL writes), so
// the job takes about the longer of the two, not their sum.
// A worker killed in the transaction leaves nothing applied (PostgreSQL rolls it back when the
// connection goes); the retry renders and applies again. A stale registry ends the list (upload it
// again); any other failure is retried by pg-boss and, after the last retry, lib/jobs/roster-failed.ts
// gives the list back to be confirmed again.
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { DomainError, RefusalError } from "@/lib/errors";
import { ROSTER_APPLY } from "@/lib/jobs/job-runs";
import { nameInitials } from "@/lib/people/name-initials";
import { abandonRosterApply } from "@/lib/roster/abandon-roster-job";
import { applyRosterChanges, issueRosterCertificate } from "@/lib/roster/apply-roster";
import { renderCertificate, type CertificateData } from "@/lib/roster/roster-certificate";
import { countsByCategory } from "@/lib/roster/roster-diff";

const PAGE = 10_000;
const PROGRESS_EVERY_MS = 500;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export type RosterApplySummary = { runId: string; batchId: string; state: "CONFIRMED" | "FAILED" | "UPLOADED" | "DONE"; entries: number; certificateMs: number; registryMs: number; ms: number };

export type RosterApplyOptions = {
  /** Aborted before the transaction starts (pg-boss aborts it when the job is cancelled or its claim is lost). */
  signal?: AbortSignal;
  /** Called before the transaction starts (tests use it to interrupt a run). */
  beforeApply?: () => void | Promise<void>;
};

async function loadEntries(db: Db, batchId: string) {
  const entries = [];
  for (let cursor: string | undefined; ; ) {
    const page = await db.rosterEntry.findMany({
      where: { batchId },
      orderBy: [{ rowNo: "asc" }, { id: "asc" }],
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { id: true, kind: true, personId: true, idNumber: true, name: true, townshipCode: true, category: true, previous: true, removedOn: true, householdSize: true },
    });
    entries.push(...page);
    if (page.length < PAGE) return entries;
    cursor = page[page.length - 1]!.id;
  }
}

/** Runs (or retries) apply run `runId`; a finished run is left as it is. */
export async function runRosterApplyJob(db: Db, runId: string, opts: RosterApplyOptions = {}): Promise<RosterApplySummary> {
  const t0 = Date.now();
  const run = await db.jobRun.findUniqueOrThrow({ where: { id: runId } });
  const batch = await db.rosterBatch.findFirst({ where: { jobRunId: runId }, include: { region: { select: { path: true, name: true } } } });
  if (!batch) throw new Error(`roster-apply ${runId}: no list points at the run`);
  let certificateMs = 0;
  let registryMs = 0;
  const summary = (state: RosterApplySummary["state"], entries: number): RosterApplySummary => ({ runId, batchId: batch.id, state, entries, certificateMs, registryMs, ms: Date.now() - t0 });
  if (run.state === "SUCCEEDED" || run.state === "FAILED" || batch.state !== "APPLYING" || !batch.certificateDate) return summary("DONE", 0);
  const actor = systemActor(ROSTER_APPLY, runId, { code: batch.regionCode, path: batch.region.path }, batch.id);
  const entryCount = batch.added + batch.removed + batch.changed;
  await db.jobRun.update({
    where: { id: runId },
    data: { state: "RUNNING", attempts: { increment: 1 }, done: 0, total: 2 * entryCount, checkpoint: { stage: "certificate" }, ...(run.startedAt ? {} : { startedAt: new Date() }) },
  });

  const entries = await loadEntries(db, batch.id);
  if (entries.length !== entryCount) throw new Error(`roster-apply ${runId}: ${entries.length} entries stored, ${entryCount} counted`);
  const certificateDate = iso(batch.certificateDate);
  const townships = new Map((await db.region.findMany({ where: { parentCode: batch.regionCode }, select: { code: true, name: true } })).map((r) => [r.code, r.name]));
  const people: CertificateData["people"][number][] = entries.flatMap((e) => {
    const township = townships.get(e.townshipCode) ?? e.townshipCode;
    const add = { township, name: e.name, idNumber: e.idNumber, category: e.category, change: "ADD" as const, on: certificateDate };
    if (e.kind === "ADDED") return [add];
    if (e.kind === "REMOVED") return [{ ...add, change: "REMOVE" as const, on: iso(e.removedOn!) }];
    return [{ ...add, category: e.previous!, change: "REMOVE" as const, on: e.removedOn ? iso(e.removedOn) : certificateDate }, add];
  });
  const newPeople = new Map<string, string>();
  for (const e of entries) if (e.personId === null && !newPeople.has(e.idNumber)) newPeople.set(e.idNumber, nameInitials(e.name));
  opts.signal?.throwIfAborted();
  await opts.beforeApply?.();

  // Progress is written beside the transaction and never waited for: on the embedded database a
  // second connection waits for the open transaction, which here waits for the certificate.
  let reported = 0;
  const report = (data: { done: number; checkpoint?: { stage: string } }) => {
    void db.jobRun.updateMany({ where: { id: runId, state: "RUNNING" }, data }).catch(() => undefined);
  };
  const rendering = renderCertificate({ countyName: batch.region.name, bureau: batch.bureau, period: batch.period, counts: countsByCategory(entries), people, issuedOn: certificateDate }, (rows) => {
    if (Date.now() - reported < PROGRESS_EVERY_MS) return;
    reported = Date.now();
    report({ done: Math.floor((entryCount * rows) / people.length) });
  }).then((pdf) => {
    certificateMs = Date.now() - t0;
    report({ done: entryCount, checkpoint: { stage: "registry" } });
    return pdf;
  });
  // A transaction that fails leaves the rendering to finish unheard.
  rendering.catch(() => undefined);

  const t1 = Date.now();
  try {
    await db.$transaction(
      async (tx) => {
        const { peopleCreated } = await applyRosterChanges(tx, actor, { runId, batchId: batch.id, newPeople: [...newPeople].map(([idNumber, initials]) => ({ idNumber, nameInitials: initials })) });
        const certificate = await rendering;
        await issueRosterCertificate(tx, actor, { runId, batchId: batch.id, certificate: new Uint8Array(certificate), peopleCreated });
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
  } catch (error) {
    registryMs = Date.now() - t1;
    // Another attempt of the run (its worker was thought dead) applied the list first.
    if (error instanceof RefusalError) return summary("DONE", entryCount);
    // Not worth a retry: the registry moved (upload the list again), or the county lacks its jurisdiction.
    if (!(error instanceof DomainError)) throw error;
    await abandonRosterApply(db, actor, { runId, batchId: batch.id, failure: { key: error.key, values: error.values } });
    return summary(error.key === "roster.stale" ? "FAILED" : "UPLOADED", entryCount);
  }
  registryMs = Date.now() - t1;
  return summary("CONFIRMED", entryCount);
}
