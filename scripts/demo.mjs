#!/usr/bin/env node
// `npm run demo`: from a fresh clone to the app on http://localhost:3000 (PORT to change it), on
// the embedded database unless DATABASE_URL names a PostgreSQL server. Safe to run again: the
// database and the session secret are kept in .data/, migrations and seed skip what is done.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureNodeModules, ensureRuntime, generatePrismaClient, log, root, run } from "./lib/setup.mjs";

const port = process.env.PORT ?? "3000";
const dataDir = join(root, ".data");
mkdirSync(dataDir, { recursive: true });

ensureNodeModules();
await ensureRuntime(fileURLToPath(import.meta.url)); // from here on: Node 24 (docs/decisions/007)
generatePrismaClient();

const secretFile = join(dataDir, "auth-secret");
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("hex"), { mode: 0o600 });
const authSecret = process.env.AUTH_SECRET ?? readFileSync(secretFile, "utf8").trim();

let databaseUrl = process.env.DATABASE_URL;
let embedded = null;
if (!databaseUrl) {
  const { redactUrl, startEmbeddedDb } = await import("./embedded-db.mjs");
  embedded = await startEmbeddedDb();
  databaseUrl = embedded.url;
  log(`embedded PostgreSQL (PGlite) at ${redactUrl(databaseUrl)}, data in .data/pglite (password in .data/pglite.password)`);
}

const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, NEXT_TELEMETRY_DISABLED: "1" };
try {
  log("migrate");
  run("node", ["scripts/prisma.mjs", "migrate", "deploy"], { env });
  log("seed demo data");
  run("node", ["scripts/prisma.mjs", "db", "seed"], { env });
  if (process.env.DEMO_SKIP_BUILD !== "1") {
    log("build");
    run("npx", ["next", "build"], { env: { ...env, NODE_ENV: "production" } });
  }
} catch (error) {
  await embedded?.stop();
  throw error;
}

// Its own process group, so stopping the demo stops next-server too (npx would not pass it on).
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");
// Only this machine can reach it unless HOST says otherwise (HOST=0.0.0.0 to serve the network,
// behind an HTTPS proxy: README).
const host = process.env.HOST ?? "127.0.0.1";
const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", host], { cwd: root, stdio: "inherit", detached: true, env: { ...env, NODE_ENV: "production" } });
// The job worker (lib/jobs/worker.ts) beside the app, recomputing every demo claim through the
// rules module into claim_result, and checking and applying the 动态调整 lists users upload
// (without it, with DEMO_SKIP_JOBS=1, a list waits); progress in job_run. Also its own process group.
const worker = process.env.DEMO_SKIP_JOBS === "1"
  ? null
  : spawn(process.execPath, ["--import", "tsx", "lib/jobs/worker.ts", "--enqueue", "recompute-claims"], { cwd: root, stdio: "inherit", detached: true, env: { ...env, NODE_ENV: "production" } });
log(`serving on http://${host === "0.0.0.0" ? "localhost" : host}:${port}  (Ctrl+C stops it)`);
log("sign in as yx-clerk, yx-medsec, yx-admin, qj-clerk … with password Demo@2026 (README: Logins)");

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of [server, worker]) {
    try {
      if (child) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  // The worker ends its chunk and closes its connections before the database goes away.
  if (worker && worker.exitCode === null) await new Promise((resolve) => {
    worker.once("exit", resolve);
    setTimeout(resolve, 15_000).unref();
  });
  await embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 0));
