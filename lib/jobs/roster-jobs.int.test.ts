// The 动态调整 list's jobs on PostgreSQL, through pg-boss and the worker: an upload checked and a
// confirmation applied by the worker, with progress in job_run; a check interrupted between
// chunks, and a worker process killed with SIGKILL in the middle of a check and in the middle of
// the apply's transaction, each finished by another worker with the result of an uninterrupted
// run; an apply that fails on every attempt gives its list back to be confirmed again.
import { spawn, type ChildProcess } from "node:child_process";
import type { PgBoss } from "pg-boss";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { runRosterCheckJob } from "@/lib/jobs/roster-check";
import { confirmRoster } from "@/lib/roster/confirm-roster";
import { uploadRoster } from "@/lib/roster/upload-roster";
import { benchListRows, benchListXlsx, seedBenchCounty, type BenchCounty, type BenchListMix } from "@/scripts/roster-bench-list";
import { startQueue, startWorker } from "./queue";

const db = createPrisma();
const url = process.env.DATABASE_URL ?? "";
const MIX: BenchListMix = { newPeople: 600, addKnown: 200, remove: 100, change: 100 };
const ROWS = 1_000;
let counties = 0;
let boss: PgBoss | null = null;
let child: ChildProcess | null = null;

/** A county of its own, its registry and its list (scripts/roster-bench-list.ts). */
async function county(): Promise<{ county: BenchCounty; file: () => File }> {
  counties += 1;
  const c = await seedBenchCounty(db, `97${String(counties).padStart(2, "0")}21`, MIX);
  const xlsx = await benchListXlsx(benchListRows(c, MIX, "2026-07-01"), "测试县2026年第三季度医疗救助重点救助对象动态调整名单");
  return { county: c, file: () => new File([new Uint8Array(xlsx)], "list.xlsx") };
}

async function inProcessWorker() {
  boss = await startQueue(url, { superviseIntervalSeconds: 2 });
  await startWorker(db, boss, { pollingIntervalSeconds: 0.5 });
}

function workerProcess(env: Record<string, string> = {}) {
  child = spawn(process.execPath, ["--import", "tsx", "lib/jobs/worker.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child!.once("exit", () => resolve()));
  return async () => {
    child?.kill("SIGKILL");
    await exited;
    child = null;
  };
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const batchIn = (id: string, states: string[]) => until(`list ${id} in ${states.join("/")}`, async () => {
  const b = await db.rosterBatch.findUniqueOrThrow({ where: { id } });
  return states.includes(b.state) && b;
}, 120_000);

/** A list's diff as rows to compare, without the ids of its own rows. */
async function diffOf(batchId: string) {
  const entries = await db.rosterEntry.findMany({ where: { batchId }, orderBy: [{ rowNo: "asc" }, { kind: "asc" }], omit: { id: true, batchId: true } });
  const errors = await db.rosterRowError.findMany({ where: { batchId }, orderBy: [{ rowNo: "asc" }, { code: "asc" }], omit: { id: true, batchId: true } });
  return { entries, errors };
}

/** What an applied list did to the registry: its identities and the people it registered, without row ids. */
async function appliedBy(batchId: string) {
  const started = await db.personIdentity.findMany({ where: { rosterBatchId: batchId }, select: { person: { select: { idNumber: true, name: true, nameInitials: true, regionCode: true } }, type: true, validFrom: true, validTo: true, certifiedBy: true } });
  const ended = await db.personIdentity.findMany({ where: { endedByRosterBatchId: batchId }, select: { person: { select: { idNumber: true } }, type: true, validFrom: true, validTo: true } });
  const key = (r: { person: { idNumber: string }; type: string }) => `${r.person.idNumber}|${r.type}`;
  return { started: started.sort((a, b) => key(a).localeCompare(key(b))), ended: ended.sort((a, b) => key(a).localeCompare(key(b))) };
}

async function duplicates(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT ((SELECT count(*) FROM roster_entry) - (SELECT count(DISTINCT (batch_id, row_no, kind)) FROM roster_entry))::int AS n`;
  return row?.n ?? -1;
}

afterEach(async () => {
  child?.kill("SIGKILL");
  child = null;
  await boss?.stop({ graceful: false, timeout: 2_000 });
  boss = null;
});
afterAll(() => db.$disconnect());

describe("the roster jobs", () => {
  it("through the queue: the worker checks an upload and applies its confirmation, progress in job_run up to its total, audited", async () => {
    const { county: c, file } = await county();
    process.env.JOBS_CHUNK_ROWS = "100";
    await inProcessWorker();
    delete process.env.JOBS_CHUNK_ROWS;
    const uploaded = await uploadRoster(db, c.actor, { period: "2026Q3", file: file() });
    const seen: number[] = [];
    const checked = await until("the check", async () => {
      const run = await db.jobRun.findUniqueOrThrow({ where: { id: uploaded.runId } });
      if (seen.at(-1) !== run.done) seen.push(run.done);
      return run.state === "SUCCEEDED" && run;
    });
    expect(checked).toMatchObject({ total: ROWS, done: ROWS, attempts: 1 });
    // Seen on its way: more than the start and the end.
    expect(seen.filter((d) => d > 0 && d < ROWS).length).toBeGreaterThan(0);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const batch = await batchIn(uploaded.id, ["UPLOADED"]);
    expect(batch).toMatchObject({ rows: ROWS, errorCount: 0, added: 800, removed: 100, changed: 100 });

    const confirmed = await confirmRoster(db, c.actor, { batchId: batch.id, version: batch.version, certificateDate: "2026-11-30" });
    const applied = await batchIn(batch.id, ["CONFIRMED", "UPLOADED", "FAILED"]);
    expect(applied).toMatchObject({ state: "CONFIRMED", certificateSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: confirmed.runId } })).toMatchObject({ state: "SUCCEEDED", total: 2_000, done: 2_000 });
    const { started, ended } = await appliedBy(batch.id);
    expect(started).toHaveLength(900);
    expect(ended).toHaveLength(200);
    expect(await db.auditLog.count({ where: { action: { in: ["job.finish", "roster.apply"] }, batchId: batch.id, actorType: "IMPORT" } })).toBe(3);
  });

  it("a check interrupted between chunks resumes from its checkpoint and finds what an uninterrupted one finds", async () => {
    const { county: c, file } = await county();
    const whole = await uploadRoster(db, c.actor, { period: "2026Q3", file: file() });
    await runRosterCheckJob(db, whole.runId, { chunkRows: 50 });
    const again = await uploadRoster(db, c.actor, { period: "2026Q3", file: file() });
    const stop = new Error("interrupted");
    await expect(runRosterCheckJob(db, again.runId, { chunkRows: 50, afterChunk: ({ chunk }) => { if (chunk === 4) throw stop; } })).rejects.toBe(stop);
    const halfway = await db.jobRun.findUniqueOrThrow({ where: { id: again.runId } });
    expect(halfway).toMatchObject({ state: "RUNNING", checkpoint: expect.objectContaining({ chunks: 4 }) });
    expect(halfway.done).toBeGreaterThan(0);
    expect(halfway.done).toBeLessThan(ROWS);
    expect(await db.rosterEntry.count({ where: { batchId: again.id } }) + (await db.rosterRowError.count({ where: { batchId: again.id } }))).toBe(halfway.done);

    // Resumed with another chunk size asked for, it keeps its own: 16 chunks of 50 rows are left.
    expect(await runRosterCheckJob(db, again.runId, { chunkRows: 5_000 })).toMatchObject({ state: "UPLOADED", rows: ROWS, chunks: 16 });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: again.runId } })).toMatchObject({ state: "SUCCEEDED", attempts: 2, done: ROWS });
    expect(await diffOf(again.id)).toEqual(await diffOf(whole.id));
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ state: "UPLOADED", added: 800, removed: 100, changed: 100 });
    expect(await duplicates()).toBe(0);
  });

  it("a worker killed with SIGKILL in the middle of a check: the queue retries it, another worker resumes it, the result is an uninterrupted run's", async () => {
    const { county: c, file } = await county();
    const reference = await uploadRoster(db, c.actor, { period: "2026Q3", file: file() });
    await runRosterCheckJob(db, reference.runId);
    const expected = await diffOf(reference.id);

    const kill = workerProcess({ JOBS_CHUNK_ROWS: "10" });
    const t0 = Date.now();
    const uploaded = await uploadRoster(db, c.actor, { period: "2026Q3", file: file() });
    const running = await until("the check to be under way", async () => {
      const run = await db.jobRun.findUniqueOrThrow({ where: { id: uploaded.runId } });
      return run.state === "RUNNING" && run.done >= 200 && run;
    });
    await kill();
    const killedAt = await db.jobRun.findUniqueOrThrow({ where: { id: uploaded.runId } });
    expect(killedAt.state).toBe("RUNNING");
    expect(killedAt.done).toBeGreaterThanOrEqual(running.done);
    expect(killedAt.done).toBeLessThan(ROWS);
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({ state: "CHECKING" });

    const killed = Date.now();
    await inProcessWorker();
    const batch = await batchIn(uploaded.id, ["UPLOADED"]);
    console.log(`[roster-check] worker killed ${((killed - t0) / 1000).toFixed(1)} s after the upload at ${killedAt.done}/${ROWS} rows; finished by another worker ${((Date.now() - killed) / 1000).toFixed(1)} s later`);
    expect(batch).toMatchObject({ rows: ROWS, added: 800, removed: 100, changed: 100 });
    expect((await db.jobRun.findUniqueOrThrow({ where: { id: uploaded.runId } })).attempts).toBeGreaterThanOrEqual(2);
    expect(await diffOf(uploaded.id)).toEqual(expected);
    expect(await duplicates()).toBe(0);
  });

  it("a worker killed with SIGKILL inside the apply's transaction: nothing is applied until another worker applies it all, once", async () => {
    // Two identical counties: one list applied without interruption, the other killed mid-apply.
    const plain = await county();
    const killedCounty = await county();
    await inProcessWorker();
    const up1 = await uploadRoster(db, plain.county.actor, { period: "2026Q3", file: plain.file() });
    const b1 = await batchIn(up1.id, ["UPLOADED"]);
    await confirmRoster(db, plain.county.actor, { batchId: b1.id, version: b1.version, certificateDate: "2026-11-30" });
    await batchIn(b1.id, ["CONFIRMED"]);
    const up2 = await uploadRoster(db, killedCounty.county.actor, { period: "2026Q3", file: killedCounty.file() });
    const b2 = await batchIn(up2.id, ["UPLOADED"]);
    await boss!.stop({ graceful: true, timeout: 5_000 });
    boss = null;

    // The first attempt's transaction stops for a while in the middle of its writes (a sequence is
    // not rolled back, so the retry does not stop there).
    await db.$executeRawUnsafe(`CREATE SEQUENCE roster_test_pause`);
    await db.$executeRawUnsafe(`CREATE FUNCTION roster_test_pause() RETURNS trigger AS $$ BEGIN IF nextval('roster_test_pause') = 1 THEN PERFORM pg_sleep(4); END IF; RETURN NULL; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER roster_test_pause AFTER INSERT ON person_identity FOR EACH STATEMENT EXECUTE FUNCTION roster_test_pause()`);
    try {
      const registryBefore = { people: await db.person.count(), identities: await db.personIdentity.findMany({ where: { person: { regionCode: { startsWith: killedCounty.county.county } } }, orderBy: { id: "asc" } }) };
      const kill = workerProcess();
      const confirmed = await confirmRoster(db, killedCounty.county.actor, { batchId: b2.id, version: b2.version, certificateDate: "2026-11-30" });
      await until("the apply's transaction to pause", async () => {
        const [row] = await db.$queryRaw<{ called: boolean }[]>`SELECT is_called AS called FROM roster_test_pause`;
        return row?.called;
      });
      await kill();
      expect({ people: await db.person.count(), identities: await db.personIdentity.findMany({ where: { person: { regionCode: { startsWith: killedCounty.county.county } } }, orderBy: { id: "asc" } }) }).toEqual(registryBefore);
      expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: b2.id } })).toMatchObject({ state: "APPLYING", certificateFileId: null });

      const killed = Date.now();
      await inProcessWorker();
      await batchIn(b2.id, ["CONFIRMED"]);
      console.log(`[roster-apply] worker killed inside the transaction; applied by another worker ${((Date.now() - killed) / 1000).toFixed(1)} s later`);
      expect((await db.jobRun.findUniqueOrThrow({ where: { id: confirmed.runId } })).attempts).toBeGreaterThanOrEqual(2);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER roster_test_pause ON person_identity`);
      await db.$executeRawUnsafe(`DROP FUNCTION roster_test_pause()`);
      await db.$executeRawUnsafe(`DROP SEQUENCE roster_test_pause`);
    }
    // The same changes as the list applied without interruption: the two counties differ only in
    // their codes (the area code and so the check digit of every ID number, the township codes).
    const strip = (r: Awaited<ReturnType<typeof appliedBy>>) => ({
      started: r.started.map((i) => ({ ...i, person: { ...i.person, idNumber: i.person.idNumber.slice(6, 17), regionCode: i.person.regionCode.slice(6) } })),
      ended: r.ended.map((i) => ({ ...i, person: { idNumber: i.person.idNumber.slice(6, 17) } })),
    });
    expect(strip(await appliedBy(b2.id))).toEqual(strip(await appliedBy(b1.id)));
    expect((await appliedBy(b2.id)).started).toHaveLength(900);
  });

  it("an apply that fails on every attempt: after the last retry the list is given back to be confirmed again, the registry untouched", async () => {
    const { county: c, file } = await county();
    await inProcessWorker();
    const uploaded = await uploadRoster(db, c.actor, { period: "2026Q3", file: file() });
    const batch = await batchIn(uploaded.id, ["UPLOADED"]);
    const before = { people: await db.person.count(), identities: await db.personIdentity.count() };
    await db.$executeRawUnsafe(`CREATE FUNCTION roster_test_crash() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER roster_test_crash BEFORE INSERT ON person_identity FOR EACH ROW WHEN (NEW.roster_batch_id IS NOT NULL) EXECUTE FUNCTION roster_test_crash()`);
    try {
      const confirmed = await confirmRoster(db, c.actor, { batchId: batch.id, version: batch.version, certificateDate: "2026-11-30" });
      const given = await until("the list given back", async () => {
        const b = await db.rosterBatch.findUniqueOrThrow({ where: { id: batch.id } });
        return b.state !== "APPLYING" && b;
      }, 120_000);
      expect(given).toMatchObject({ state: "UPLOADED", failureKey: "roster.applyFailed", certificateFileId: null });
      const run = await db.jobRun.findUniqueOrThrow({ where: { id: confirmed.runId } });
      expect(run).toMatchObject({ state: "FAILED", attempts: 4 });
      expect(run.error).toMatch(/disk full/);
      expect(await db.auditLog.findFirst({ where: { action: "job.fail", entityId: run.id }, select: { after: true, actorType: true } })).toMatchObject({ actorType: "IMPORT", after: { name: "roster-apply", error: "roster.applyFailed" } });
      expect({ people: await db.person.count(), identities: await db.personIdentity.count() }).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER roster_test_crash ON person_identity`);
      await db.$executeRawUnsafe(`DROP FUNCTION roster_test_crash()`);
    }
  });
});
