// PostgreSQL for tests.
//
//   const pg = await ensurePostgres();            // { adminUrl, stop(), throwaway }
//   const url = await createTestDatabase(pg.adminUrl, "yfyb_it");   // fresh db, migrations applied
//   ...
//   await pg.stop();                              // no-op for a server that was already running
//
// ensurePostgres(): a server answering on $PGHOST:$PGPORT (default 127.0.0.1:5432, user
// $PGUSER or postgres) is used as is. Otherwise a throwaway cluster is started in a temporary
// directory on a free port (trust auth), as the `postgres` OS user when running as root (postgres
// refuses to run as root); PostgreSQL is installed with apt-get first if `initdb` is missing.
// PG_FORCE_THROWAWAY=1 skips the running server.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runPrisma } from "./prisma.mjs";

const log = (msg) => process.stderr.write(`[test-db] ${msg}\n`);
const quoteIdent = (s) => '"' + String(s).replace(/"/g, '""') + '"';

function urlFor({ host, port, user, password, database }) {
  const auth = encodeURIComponent(user) + (password ? ":" + encodeURIComponent(password) : "");
  return `postgresql://${auth}@${host}:${port}/${encodeURIComponent(database)}`;
}

/** True if a PostgreSQL server accepts a connection and a query at this URL. */
export async function canConnect(url, timeoutMs = 2000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function pgBinDir() {
  const fromPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (fromPath) return path.dirname(fromPath);
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}):\n${r.stdout ?? ""}${r.stderr ?? ""}`);
  return r;
}

function installPostgres() {
  if (process.getuid?.() !== 0) throw new Error("initdb not found and not root: install PostgreSQL (apt-get install postgresql)");
  log("initdb not found: apt-get install -y postgresql");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  sh("apt-get", ["update"], { env, stdio: "inherit" });
  sh("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], { env, stdio: "inherit" });
}

/** Runs a PostgreSQL binary, as the postgres OS user when we are root. */
function asPostgres(bin, args, opts = {}) {
  if (process.getuid?.() === 0) return sh("runuser", ["-u", "postgres", "--", bin, ...args], opts);
  return sh(bin, args, opts);
}

async function startThrowawayCluster() {
  const t0 = Date.now();
  let bin = pgBinDir();
  if (!bin) {
    installPostgres();
    bin = pgBinDir();
    if (!bin) throw new Error("PostgreSQL installed but initdb still not found");
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "yfyb-pg-"));
  const dataDir = path.join(dir, "data");
  if (process.getuid?.() === 0) {
    const id = sh("id", ["-u", "postgres"]).stdout.trim();
    const gid = sh("id", ["-g", "postgres"]).stdout.trim();
    chownSync(dir, Number(id), Number(gid));
  }
  const port = await freePort();
  asPostgres(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  asPostgres(path.join(bin, "pg_ctl"), ["-D", dataDir, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const adminUrl = urlFor({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  if (!(await canConnect(adminUrl, 5000))) throw new Error(`throwaway cluster started but does not answer at ${adminUrl}`);
  log(`throwaway cluster on 127.0.0.1:${port} (${dataDir}) ready in ${Date.now() - t0} ms`);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], { stdio: "ignore" });
    } catch (e) {
      log(`pg_ctl stop: ${e.message}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { adminUrl, stop, throwaway: true, startMs: Date.now() - t0 };
}

/**
 * A PostgreSQL server for tests: the running one, or a throwaway cluster.
 * @returns {Promise<{ adminUrl: string, stop: () => Promise<void>, throwaway: boolean, startMs?: number }>}
 */
export async function ensurePostgres() {
  if (process.env.PG_FORCE_THROWAWAY !== "1") {
    const adminUrl = urlFor({
      host: process.env.PGHOST && !process.env.PGHOST.startsWith("/") ? process.env.PGHOST : "127.0.0.1",
      port: Number(process.env.PGPORT ?? 5432),
      user: process.env.PGUSER ?? "postgres",
      password: process.env.PGPASSWORD,
      database: process.env.PGDATABASE ?? "postgres",
    });
    if (await canConnect(adminUrl)) return { adminUrl, stop: async () => {}, throwaway: false };
    log(`no PostgreSQL answers at ${adminUrl.replace(/:[^:@/]*@/, ":***@")}: starting a throwaway cluster`);
  }
  return startThrowawayCluster();
}

/** URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl, name) {
  const u = new URL(adminUrl);
  u.pathname = "/" + encodeURIComponent(name);
  return u.toString();
}

/** Drops (if present) a database; connections to it are terminated. */
export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Drops and recreates database `name`, applies prisma/migrations with `migrate deploy` through the
 * schema engine bridge, and returns the database URL.
 * @param {string} adminUrl a URL on the server with CREATE DATABASE rights
 * @param {string} name database name
 * @param {{ migrate?: boolean }} [options] migrate: false leaves the database empty
 * @returns {Promise<string>}
 */
export async function createTestDatabase(adminUrl, name, { migrate = true } = {}) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
  const url = databaseUrl(adminUrl, name);
  if (migrate) {
    const r = await runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: url }, capture: true });
    if (r.code !== 0) throw new Error(`migrate deploy on ${name} failed (exit ${r.code}):\n${r.stdout}${r.stderr}`);
  }
  return url;
}
