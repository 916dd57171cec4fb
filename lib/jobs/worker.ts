// The worker process: `node --import tsx lib/jobs/worker.ts [--enqueue recompute-claims]` with
// DATABASE_URL set. `npm run demo` starts it beside next (scripts/demo.mjs) with --enqueue, so the
// demo's claims are recomputed on every start (a second run writes nothing new); it also works
// the runs the app's commands ask for (a 动态调整 list's check and apply, docs/decisions/017). SIGTERM/SIGINT
// stop it gracefully; a kill -9 is survived too (heartbeat, retry, checkpoint).
import { createPrisma } from "@/lib/db";
import { enqueue, startQueue, startWorker, type JobName } from "./queue";
import { RECOMPUTE_CLAIMS } from "./recompute-claims";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const db = createPrisma(url);
const boss = await startQueue(url);
const i = process.argv.indexOf("--enqueue");
const name = i > 0 ? process.argv[i + 1] : undefined;
if (name !== undefined) {
  if (name !== RECOMPUTE_CLAIMS) throw new Error(`unknown job ${name}`);
  const jobName: JobName = name;
  const { runId, queued } = await enqueue(db, boss, jobName, "system:demo");
  console.log(`[jobs] ${name} ${queued ? "queued" : "already queued or running"} as run ${runId}`);
}
await startWorker(db, boss);
console.log("[jobs] worker started");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await boss.stop({ graceful: true, timeout: 10_000 });
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
