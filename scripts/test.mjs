#!/usr/bin/env node
// `npm test`: everything a fresh clone needs, then typecheck, lint, unit, integration and e2e
// tests; ends with one line "N passed, N failed". Options: --skip-e2e, --only=unit,integration…
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { aptInstall, ensureNodeModules, ensureRuntime, generatePrismaClient, log, readJson, root } from "./lib/setup.mjs";

const args = new Set(process.argv.slice(2));
const only = [...args].find((a) => a.startsWith("--only="))?.slice(7).split(",");
const wants = (step) => (!only || only.includes(step)) && !(step === "e2e" && args.has("--skip-e2e"));
const started = Date.now();
const results = []; // { step, passed, failed, seconds }

function step(name, fn) {
  if (!wants(name)) return;
  const t0 = Date.now();
  log(`── ${name}`);
  let counts;
  try {
    counts = fn();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    counts = { passed: 0, failed: 1 };
  }
  results.push({ step: name, ...counts, seconds: Math.round((Date.now() - t0) / 100) / 10 });
}

function exec(cmd, cmdArgs, env = {}) {
  return spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

function vitestCounts(reportPath, status) {
  if (!existsSync(reportPath)) return { passed: 0, failed: Math.max(1, status) };
  const report = readJson(reportPath);
  const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return { passed: report.numPassedTests, failed };
}

function playwrightCounts(reportPath, status) {
  if (!existsSync(reportPath)) return { passed: 0, failed: 1 };
  const { stats } = readJson(reportPath);
  const failed = stats.unexpected + stats.flaky + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  return { passed: stats.expected, failed };
}

// 1. What a fresh machine lacks.
// poppler-utils: the unit tests read generated PDFs back with pdftotext.
aptInstall([...(wants("unit") ? ["poppler-utils"] : []), ...(wants("e2e") ? ["chromium", "fonts-noto-cjk"] : [])]);
ensureNodeModules();
await ensureRuntime(fileURLToPath(import.meta.url)); // from here on: Node 24 (docs/decisions/007)
generatePrismaClient();
mkdirSync(join(root, "test-results"), { recursive: true });

// 2. A PostgreSQL server: the one running here, or a throwaway cluster. This run's databases are
// all named `<prefix>_…` with a prefix of its own (pid + random), dropped at the end; databases
// left by runs that died (owner pid gone, or older than STALE_HOURS) are dropped first.
const { ensurePostgres, createTestDatabase, dropRunDatabases, dropStaleTestDatabases, freePort, newRunPrefix } = await import("./test-db.mjs");
const pg = wants("integration") || wants("e2e") ? await ensurePostgres() : null;
const prefix = newRunPrefix();
if (pg) await dropStaleTestDatabases(pg.adminUrl);

try {
  step("typecheck", () => {
    const ok = exec("npx", ["tsc", "--noEmit"]) === 0;
    return { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  });

  step("lint", () => {
    const ok = exec("npx", ["eslint", ".", "--max-warnings=0"]) === 0;
    return { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  });

  step("unit", () => {
    const out = join(root, "test-results", "unit.json");
    rmSync(out, { force: true });
    const status = exec("npx", ["vitest", "run", "--config", "vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
    return vitestCounts(out, status);
  });

  if (pg && wants("integration")) {
    step("integration", () => {
      const out = join(root, "test-results", "integration.json");
      rmSync(out, { force: true });
      // test/integration/global-setup.ts migrates `<prefix>_tpl`; every file clones it.
      const status = exec("npx", ["vitest", "run", "--config", "vitest.integration.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {
        PG_ADMIN_URL: pg.adminUrl,
        TEST_DB_PREFIX: prefix,
        TEST_DB_OWNER_PID: String(process.pid),
      });
      return vitestCounts(out, status);
    });
  }

  if (pg && wants("e2e")) {
    const url = await createTestDatabase(pg.adminUrl, `${prefix}_e2e`);
    // A port of its own, so a running `npm run demo` (3000) or another run does not collide.
    const e2ePort = String(await freePort());
    const env = { DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("hex"), NODE_ENV: "production", E2E_PORT: e2ePort };
    step("e2e", () => {
      if (exec("node", ["scripts/prisma.mjs", "db", "seed"], env) !== 0) throw new Error("seeding the e2e database failed");
      if (exec("npx", ["next", "build"], env) !== 0) throw new Error("next build failed");
      const out = join(root, "test-results", "e2e.json");
      rmSync(out, { force: true });
      const status = exec("npx", ["playwright", "test"], env);
      return playwrightCounts(out, status);
    });
  }
} finally {
  if (pg) await dropRunDatabases(pg.adminUrl, prefix).catch((e) => console.error(`dropping ${prefix}_*: ${e.message}`));
  await pg?.stop?.();
}

const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log("\nstep          passed  failed  seconds");
for (const r of results) console.log(`${r.step.padEnd(14)}${String(r.passed).padStart(6)}${String(r.failed).padStart(8)}${String(r.seconds).padStart(9)}`);
console.log(`total time ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
