// PostgreSQL for tests.
//
//   const pg = await ensurePostgres();            // { adminUrl, stop(), throwaway }
//   const prefix = newRunPrefix();                // yfyb_run_<pid>_<hex>: this run's names
//   const url = await createTestDatabase(pg.adminUrl, `${prefix}_e2e`);   // fresh db, migrated
//   ...
//   await dropRunDatabases(pg.adminUrl, prefix);
//   ...
//   await pg.stop();                              // no-op for a server that was already running
//
// ensurePostgres(): a server answering on $PGHOST:$PGPORT (default 127.0.0.1:5432, user
// $PGUSER or postgres) is used as is. Otherwise a throwaway cluster is started in a temporary
// directory on a free port (trust auth), as the `postgres` OS user when running as root (postgres
// refuses to run as root); PostgreSQL is installed with apt-get first if `initdb` is missing.
// PG_FORCE_THROWAWAY=1 skips the running server.
//
// Names: every database a test run creates is called `yfyb_run_<pid>_<hex>_<purpose>` (see
// newRunPrefix) and carries a COMMENT naming its owner {host, pid, at}, so two runs on one machine
// never touch each other's databases, and dropStaleTestDatabases can tell a dead run's leftovers
// (owner pid gone on this host, or older than STALE_HOURS) from a live run's.
import { randomBytes } from "node:crypto";
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

/** Databases of test runs start with this; nothing else is ever dropped by the cleanup. */
export const RUN_PREFIX = "yfyb_run_";
/** A run's leftovers older than this are dropped even when its owner cannot be checked. */
export const STALE_HOURS = 6;

/** A fresh name prefix for one test run: `yfyb_run_<pid>_<6 hex>`. */
export function newRunPrefix(pid = process.pid) {
  return `${RUN_PREFIX}${pid}_${randomBytes(3).toString("hex")}`;
}

function ownerComment(ownerPid) {
  return JSON.stringify({ host: os.hostname(), pid: ownerPid, at: new Date().toISOString() });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e?.code === "EPERM";
  }
}

/** Whether a run database is a dead run's leftover: owner gone on this host, or too old. */
export function isStale(comment, now = Date.now(), hostname = os.hostname()) {
  let owner;
  try {
    owner = JSON.parse(comment ?? "");
  } catch {
    return false; // not written by us: leave it to a human
  }
  const at = Date.parse(owner?.at ?? "");
  if (!Number.isFinite(at)) return false;
  if (now - at > STALE_HOURS * 3_600_000) return true;
  return owner.host === hostname && Number.isInteger(owner.pid) && !pidAlive(owner.pid);
}

async function withClient(adminUrl, fn) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops the databases of dead test runs (RUN_PREFIX, see isStale); returns their names. */
export async function dropStaleTestDatabases(adminUrl) {
  return withClient(adminUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname LIKE $1 ORDER BY datname`,
      [RUN_PREFIX.replace(/_/g, "\\_") + "%"],
    );
    const dropped = [];
    for (const r of rows) {
      if (!isStale(r.comment)) continue;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(r.datname)} WITH (FORCE)`);
      dropped.push(r.datname);
    }
    if (dropped.length) log(`dropped ${dropped.length} stale test database(s): ${dropped.join(", ")}`);
    return dropped;
  });
}

/** Drops every database whose name starts with `prefix_` (one run's databases). */
export async function dropRunDatabases(adminUrl, prefix) {
  if (!prefix.startsWith(RUN_PREFIX)) throw new Error(`refusing to drop databases outside ${RUN_PREFIX}*: ${prefix}`);
  return withClient(adminUrl, async (client) => {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix + "_"]);
    for (const r of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(r.datname)} WITH (FORCE)`);
    }
    return rows.map((r) => r.datname);
  });
}

/**
 * Creates database `name` as a copy of `template` (CREATE DATABASE … TEMPLATE: a file copy, far
 * faster than running the migrations again) and returns its URL. The template must have no open
 * connections. ownerPid: the run that owns it (for dropStaleTestDatabases).
 */
export async function cloneDatabase(adminUrl, template, name, { ownerPid = process.pid } = {}) {
  await withClient(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
    await client.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS ${quoteLiteral(ownerComment(ownerPid))}`);
  });
  return databaseUrl(adminUrl, name);
}

const quoteLiteral = (s) => "'" + String(s).replace(/'/g, "''") + "'";

/** A free TCP port on 127.0.0.1 (the OS picks it; it stays free unless someone else takes it). */
export function freePort() {
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
 * @param {{ migrate?: boolean, ownerPid?: number }} [options] migrate: false leaves the database empty;
 *   ownerPid names the run that owns it (default this process)
 * @returns {Promise<string>}
 */
export async function createTestDatabase(adminUrl, name, { migrate = true, ownerPid = process.pid } = {}) {
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    await client.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS ${quoteLiteral(ownerComment(ownerPid))}`);
  });
  const url = databaseUrl(adminUrl, name);
  if (migrate) {
    const r = await runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: url }, capture: true });
    if (r.code !== 0) throw new Error(`migrate deploy on ${name} failed (exit ${r.code}):\n${r.stdout}${r.stderr}`);
  }
  return url;
}
