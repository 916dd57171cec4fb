// Measurements for docs/decisions/007-runtime-and-job-queue.md (not part of the test suite):
//   npx tsx scripts/jobs-bench.ts            embedded database (in memory) and, if it answers,
//                                            the PostgreSQL server on 127.0.0.1:5432
// Seeds the demo data, runs recompute-claims through pg-boss, and meanwhile times a page-sized
// query (the people list's count and first page) every 100 ms, to see how long pages wait.
import pg from "pg";
import { createPrisma } from "../lib/db";
import { seedDemoData } from "../lib/demo/insert";
import { enqueue, startQueue, startWorker } from "../lib/jobs/queue";
import { RECOMPUTE_CLAIMS } from "../lib/jobs/recompute-claims";
import { startEmbeddedDb } from "./embedded-db.mjs";
import { runPrisma } from "./prisma.mjs";
import { canConnect, createTestDatabase, dropDatabase, newRunPrefix } from "./test-db.mjs";

async function bench(label: string, url: string) {
  const db = createPrisma(url);
  await seedDemoData(db);
  const claims = await db.claim.count();
  const t0 = performance.now();
  const boss = await startQueue(url);
  const bossStart = performance.now() - t0;
  await startWorker(db, boss, { pollingIntervalSeconds: 0.5 });
  const page = new pg.Client({ connectionString: url });
  await page.connect();
  const waits: number[] = [];
  const t1 = performance.now();
  const { runId } = await enqueue(db, boss, RECOMPUTE_CLAIMS, "system:bench");
  for (;;) {
    const q0 = performance.now();
    await page.query("SELECT count(*) FROM person");
    await page.query("SELECT id, name, id_number FROM person ORDER BY name LIMIT 20");
    waits.push(performance.now() - q0);
    const run = await db.jobRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.state === "SUCCEEDED" || run.state === "FAILED") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - t1) / 1000;
  waits.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(waits[Math.min(waits.length - 1, Math.floor((waits.length * p) / 100))] ?? 0);
  console.log(
    `${label}: pg-boss start ${Math.round(bossStart)} ms; ${claims} claims in ${seconds.toFixed(1)} s = ${Math.round(claims / seconds)} claims/s; ` +
      `page query during the run: median ${pct(50)} ms, p95 ${pct(95)} ms, max ${Math.round(waits.at(-1) ?? 0)} ms (${waits.length} samples)`,
  );
  await page.end();
  await boss.stop({ graceful: true, timeout: 5_000 });
  await db.$disconnect();
}

const embedded = await startEmbeddedDb({ port: 0, dataDir: "memory" });
try {
  const r = await runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: embedded.url }, capture: true });
  if (r.code !== 0) throw new Error(r.stderr);
  await bench("embedded (PGlite)", embedded.url);
} finally {
  await embedded.stop();
}

const admin = "postgresql://postgres@127.0.0.1:5432/postgres";
if (await canConnect(admin)) {
  const name = `${newRunPrefix()}_bench`;
  const url = await createTestDatabase(admin, name);
  try {
    await bench("PostgreSQL server", url);
  } finally {
    await dropDatabase(admin, name);
  }
}
