// The recompute-claims job on PostgreSQL, through pg-boss: queued, worked, progress in job_run,
// results in claim_result; a second run writes nothing; an interrupted run (an exception between
// chunks, and a worker process killed with SIGKILL) resumes from its checkpoint without duplicates.
import { spawn } from "node:child_process";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { generateDemoData } from "@/lib/demo/index";
import { caseFileConverter } from "@/lib/demo/case-file";
import { seedDemoData } from "@/lib/demo/insert";
import { parseCaseFile } from "@/lib/rules/case.schema";
import { runCase } from "@/lib/rules/run-case";
import { formatYuan } from "@/lib/rules/money";
import { AMOUNT_FIELDS } from "@/lib/rules/claim-context";
import { enqueue, startQueue, startWorker } from "./queue";
import { RECOMPUTE_CLAIMS, runRecomputeClaims } from "./recompute-claims";

const db = createPrisma();
let boss: PgBoss;
let claims = 0;

async function waitForRun(runId: string, until: (run: { state: string; done: number }) => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.jobRun.findUniqueOrThrow({ where: { id: runId } });
    if (until(run)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.state} at ${run.done}/${run.total}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function duplicates(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT (count(*) - count(DISTINCT (claim_id, engine_version)))::int AS n FROM claim_result`;
  return row?.n ?? -1;
}

beforeAll(async () => {
  await seedDemoData(db);
  claims = await db.claim.count();
  boss = await startQueue(process.env.DATABASE_URL ?? "", { superviseIntervalSeconds: 2 });
});

afterAll(async () => {
  await boss?.stop({ graceful: false, timeout: 2_000 });
  await db.$disconnect();
});

describe("recompute-claims", () => {
  it("is queued and worked to the end: progress reaches total, one result per claim, audited", async () => {
    expect(claims).toBeGreaterThan(1_000);
    await startWorker(db, boss, { pollingIntervalSeconds: 0.5 });
    const t0 = Date.now();
    const { runId, queued } = await enqueue(db, boss, RECOMPUTE_CLAIMS, "system:test");
    expect(queued).toBe(true);
    const run = await waitForRun(runId, (r) => r.state === "SUCCEEDED" || r.state === "FAILED");
    const seconds = (Date.now() - t0) / 1000;
    console.log(`[recompute-claims] PostgreSQL: ${claims} claims in ${seconds.toFixed(1)} s = ${Math.round(claims / seconds)} claims/s (enqueue to done)`);
    expect(run).toMatchObject({ state: "SUCCEEDED", total: claims, done: claims, error: null, requestedBy: "system:test" });
    expect(run.checkpoint).toMatchObject({ written: claims, unchanged: 0 });
    expect(await db.claimResult.count()).toBe(claims);
    expect(await db.claimResult.count({ where: { jobRunId: runId } })).toBe(claims);
    expect(await duplicates()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "job.finish", entityId: runId, actorType: "SYSTEM", jobId: runId } })).toBe(1);
  });

  it("gives the amounts the rules module gives for the demo's own case files", async () => {
    const data = generateDemoData();
    const toCase = caseFileConverter(data);
    const people = data.people.filter((p) => data.claims.some((c) => c.personId === p.id));
    expect(people.length).toBeGreaterThan(100);
    const stored = new Map((await db.claimResult.findMany({ select: { claimId: true, amounts: true } })).map((r) => [r.claimId, r.amounts]));
    let compared = 0;
    for (const p of people) {
      const parsed = parseCaseFile(toCase(p.id));
      if (!parsed.ok) throw new Error(`demo case file of ${p.id} does not parse`);
      for (const result of runCase(parsed.value, { trace: false }).claims) {
        const expected = Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, formatYuan(result.amounts[f])]));
        expect(stored.get(result.claimId), result.claimId).toEqual(expected);
        compared += 1;
      }
    }
    expect(compared).toBe(claims);
  });

  it("a second run writes nothing and leaves every result as it was", async () => {
    const before = await db.claimResult.aggregate({ _max: { computedAt: true }, _count: true });
    const { runId } = await enqueue(db, boss, RECOMPUTE_CLAIMS, "system:test");
    const run = await waitForRun(runId, (r) => r.state === "SUCCEEDED" || r.state === "FAILED");
    expect(run).toMatchObject({ state: "SUCCEEDED", total: claims, done: claims });
    expect(run.checkpoint).toMatchObject({ written: 0, unchanged: claims });
    expect(await db.claimResult.aggregate({ _max: { computedAt: true }, _count: true })).toEqual(before);
    expect(await db.claimResult.count({ where: { jobRunId: runId } })).toBe(0);
  });

  it("an interrupted run resumes from its checkpoint: no claim twice, none lost, earlier chunks untouched", async () => {
    await boss.offWork(RECOMPUTE_CLAIMS);
    await db.claimResult.deleteMany();
    const run = await db.jobRun.create({ data: { name: RECOMPUTE_CLAIMS, requestedBy: "system:test" } });
    const stop = new Error("interrupted");
    await expect(runRecomputeClaims(db, run.id, { chunkClaims: 100, afterChunk: ({ chunk }) => { if (chunk === 3) throw stop; } })).rejects.toBe(stop);
    const halfway = await db.jobRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(halfway.state).toBe("RUNNING");
    expect(halfway.done).toBeGreaterThan(0);
    expect(halfway.done).toBeLessThan(claims);
    expect(await db.claimResult.count()).toBe(halfway.done);
    const firstRows = await db.claimResult.findMany({ select: { id: true, computedAt: true } });

    const summary = await runRecomputeClaims(db, run.id, { chunkClaims: 100 });
    expect(summary).toMatchObject({ state: "SUCCEEDED", total: claims, done: claims, written: claims, unchanged: 0 });
    expect(await db.claimResult.count()).toBe(claims);
    expect(await duplicates()).toBe(0);
    const after = new Map((await db.claimResult.findMany({ select: { id: true, computedAt: true } })).map((r) => [r.id, r.computedAt.getTime()]));
    for (const r of firstRows) expect(after.get(r.id)).toBe(r.computedAt.getTime());
    expect((await db.jobRun.findUniqueOrThrow({ where: { id: run.id } })).attempts).toBe(2);
  });

  it("a worker process killed with SIGKILL mid-run: the queue retries it and another worker finishes it", async () => {
    await db.claimResult.deleteMany();
    const t0 = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", "lib/jobs/worker.ts", "--enqueue", RECOMPUTE_CLAIMS], {
      env: { ...process.env, JOBS_CHUNK_CLAIMS: "20" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + 60_000;
    let running = null;
    while (!running && Date.now() < deadline) {
      running = await db.jobRun.findFirst({ where: { name: RECOMPUTE_CLAIMS, state: "RUNNING", done: { gt: 0 } } });
      if (!running) await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await exited;
    const killed = Date.now();
    expect(running).not.toBeNull();
    const runId = running?.id ?? "";
    const killedAt = await db.jobRun.findUniqueOrThrow({ where: { id: runId } });
    expect(killedAt.state).toBe("RUNNING");
    expect(killedAt.done).toBeLessThan(claims);
    expect(await db.claimResult.count()).toBe(killedAt.done);

    await startWorker(db, boss, { pollingIntervalSeconds: 0.5 });
    const run = await waitForRun(runId, (r) => r.state === "SUCCEEDED", 120_000);
    console.log(`[recompute-claims] worker killed ${((killed - t0) / 1000).toFixed(1)} s after its start at ${killedAt.done}/${claims}; run finished by another worker ${((Date.now() - killed) / 1000).toFixed(1)} s later`);
    expect(run).toMatchObject({ total: claims, done: claims });
    expect(run.attempts).toBeGreaterThanOrEqual(2);
    expect(await db.claimResult.count()).toBe(claims);
    expect(await duplicates()).toBe(0);
  });
});
