// Measurements for docs/decisions/002-embedded-database.md (not part of the test suite):
//   npx tsx scripts/embedded-db-bench.ts
// Compares PGlite behind pglite-socket (adapter-pg over TCP) at maxConnections 1 and 10,
// PGlite in process (pglite-prisma-adapter) and, if reachable, the PostgreSQL server.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../lib/generated/prisma/client";
import { startEmbeddedDb } from "./embedded-db.mjs";
import { runPrisma } from "./prisma.mjs";
import { createTestDatabase, dropDatabase, canConnect } from "./test-db.mjs";

const root = path.resolve(import.meta.dirname, "..");
const ms = (t0: number) => Math.round(performance.now() - t0);

async function ops(prisma: PrismaClient, n: number) {
  const t0 = performance.now();
  for (let i = 0; i < n / 2; i++) {
    const row = await prisma.auditLog.create({ data: { actorName: "bench", action: "CREATE", entity: "bench", entityId: String(i) } });
    await prisma.auditLog.findUnique({ where: { id: row.id } });
  }
  return ms(t0);
}

/** `workers` concurrent loops, each doing reads, writes and an interactive transaction. */
async function concurrent(prisma: PrismaClient, workers: number, rounds: number) {
  const t0 = performance.now();
  const errors: string[] = [];
  let okTx = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let r = 0; r < rounds; r++) {
        try {
          const created = await prisma.auditLog.create({ data: { actorName: `w${w}`, action: "X", entity: "c", entityId: `${w}-${r}` } });
          const back = await prisma.auditLog.findUnique({ where: { id: created.id } });
          if (back?.entityId !== `${w}-${r}`) errors.push(`wrong row for ${w}-${r}: ${back?.entityId}`);
          const n = await prisma.$transaction(async (tx) => {
            await tx.auditLog.create({ data: { actorName: `w${w}`, action: "TX", entity: "c", entityId: `${w}-${r}-tx` } });
            return tx.auditLog.count({ where: { actorName: `w${w}`, action: "TX" } });
          });
          if (n !== r + 1) errors.push(`tx count for w${w} round ${r}: ${n} != ${r + 1}`);
          else okTx++;
        } catch (e) {
          errors.push((String((e as Error).message).split("\n").pop() ?? "").slice(0, 160));
        }
      }
    }),
  );
  return { ms: ms(t0), errors: errors.length, firstErrors: [...new Set(errors)].slice(0, 3), okTx };
}

async function rawConnections(url: string, n: number) {
  const clients = Array.from({ length: n }, () => new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 }));
  const res = await Promise.allSettled(clients.map(async (c, i) => { await c.connect(); const r = await c.query("SELECT $1::int AS i", [i]); return r.rows[0].i; }));
  await Promise.allSettled(clients.map((c) => c.end()));
  return res.filter((r) => r.status === "fulfilled").length;
}

async function viaSocket(maxConnections: number, stockQueue = false) {
  process.env.EMBEDDED_DB_STOCK_QUEUE = stockQueue ? "1" : "";
  const t0 = performance.now();
  const db = await startEmbeddedDb({ port: 0, dataDir: "memory", maxConnections });
  const start = ms(t0);
  const t1 = performance.now();
  const r = await runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: db.url }, capture: true });
  if (r.code !== 0) throw new Error(r.stderr);
  const migrate = ms(t1);
  const simultaneous = await rawConnections(db.url, 5);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 10, connectionTimeoutMillis: 5000 }) });
  const seq = await ops(prisma, 1000);
  const conc = await concurrent(prisma, 10, 10);
  await prisma.$disconnect();
  await db.stop();
  return { label: `pglite-socket max=${maxConnections}${stockQueue ? " (stock queue)" : " (SessionQueue)"}`, start, migrate, simultaneous, seq1000: seq, concurrent: conc };
}

async function inProcess() {
  const t0 = performance.now();
  const db = await PGlite.create();
  const start = ms(t0);
  const t1 = performance.now();
  const dir = path.join(root, "prisma", "migrations");
  for (const m of readdirSync(dir).filter((d) => /^\d+_/.test(d)).sort()) await db.exec(readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  const migrate = ms(t1);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  const seq = await ops(prisma, 1000);
  const conc = await concurrent(prisma, 10, 10);
  await prisma.$disconnect();
  await db.close();
  return { label: "pglite in process (pglite-prisma-adapter)", start, migrate: `${migrate} (exec of migration.sql, no CLI)`, simultaneous: "n/a", seq1000: seq, concurrent: conc };
}

async function server() {
  const admin = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  if (!(await canConnect(admin))) return null;
  const name = `yfyb_bench_${process.pid}`;
  const t1 = performance.now();
  const url = await createTestDatabase(admin, name);
  const migrate = ms(t1);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  const seq = await ops(prisma, 1000);
  const conc = await concurrent(prisma, 10, 10);
  await prisma.$disconnect();
  await dropDatabase(admin, name);
  return { label: "PostgreSQL 15 server (adapter-pg)", start: 0, migrate: `${migrate} (create db + migrate deploy)`, simultaneous: await rawConnections(admin, 5), seq1000: seq, concurrent: conc };
}

const which = process.argv.slice(2);
const runs: Array<() => Promise<unknown>> = [];
if (!which.length || which.includes("socket1")) runs.push(() => viaSocket(1, true));
if (!which.length || which.includes("socket10-stock")) runs.push(() => viaSocket(10, true));
if (!which.length || which.includes("socket10")) runs.push(() => viaSocket(10));
if (!which.length || which.includes("inprocess")) runs.push(inProcess);
if (!which.length || which.includes("server")) runs.push(server);
for (const run of runs) {
  try {
    console.log(JSON.stringify(await run()));
  } catch (e) {
    console.log(JSON.stringify({ error: String((e as Error).stack ?? e).slice(0, 800) }));
  }
}
