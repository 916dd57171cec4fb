#!/usr/bin/env node
// Embedded PostgreSQL for the quick start: PGlite (PostgreSQL compiled to WebAssembly, data in
// .data/pglite) served on a local TCP port by @electric-sql/pglite-socket, so the app, the Prisma
// CLI and psql all use the ordinary `pg` / adapter-pg code path with
//   DATABASE_URL=postgresql://postgres:<password>@127.0.0.1:<port>/postgres
// Decision and measurements: docs/decisions/002-embedded-database.md.
//
// CLI:
//   node scripts/embedded-db.mjs serve [--port N]   foreground (Ctrl+C stops), prints "ready <url>"
//   node scripts/embedded-db.mjs start [--port N]   background; pid/url in .data/embedded-db.json
//   node scripts/embedded-db.mjs stop | status | url
// Options/env: --port / EMBEDDED_DB_PORT (default 54329, 0 = any free port),
//   --data-dir / EMBEDDED_DB_DIR (default .data/pglite; "memory" for a throwaway in-memory db),
//   --host / EMBEDDED_DB_HOST (default 127.0.0.1: this machine only),
//   the password: generated at the data directory's first start, kept in <data-dir>.password
//   (mode 600) and part of the URL; EMBEDDED_DB_NO_PASSWORD=1 serves without one (decision 014),
//   --max-connections / EMBEDDED_DB_MAX_CONNECTIONS (default 32; connections share one PGlite
//   backend through SessionQueue below, see the decision record).
//
// Programmatic (the server always runs in a child process, so callers may block their own event
// loop, e.g. with spawnSync, while the database serves requests):
//   const db = await startEmbeddedDb({ port?, dataDir?, maxConnections? });  // { url, port, pid, stop() }
//   ... DATABASE_URL=db.url ...
//   await db.stop();
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "..");
export const defaultDataDir = path.join(root, ".data", "pglite");
export const stateFile = path.join(root, ".data", "embedded-db.json");
const logFile = path.join(root, ".data", "embedded-db.log");
export const DEFAULT_PORT = 54329;
/** Enough for a pg Pool (10) of the app plus the CLI, seed and psql; all serialized by SessionQueue. */
export const DEFAULT_MAX_CONNECTIONS = 32;

const log = (msg) => process.stderr.write(`[embedded-db] ${msg}\n`);
const urlFor = (host, port, password) => `postgresql://postgres:${encodeURIComponent(password)}@${host}:${port}/postgres`;
/** The URL as logs show it: without the password. */
export const redactUrl = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

/**
 * The password of a data directory: generated at its first start and kept beside it
 * (`.data/pglite.password`, readable by its owner only). An in-memory database gets a fresh one.
 */
export function passwordFor(dataDir) {
  if (dataDir === "memory") return randomBytes(18).toString("base64url");
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function options(argv = [], overrides = {}) {
  const get = (name) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    return argv[i].includes("=") ? argv[i].split("=").slice(1).join("=") : argv[i + 1];
  };
  const port = overrides.port ?? get("port") ?? process.env.EMBEDDED_DB_PORT ?? DEFAULT_PORT;
  const dataDir = overrides.dataDir ?? get("data-dir") ?? process.env.EMBEDDED_DB_DIR ?? defaultDataDir;
  // Only this machine can connect unless told otherwise.
  const host = overrides.host ?? get("host") ?? process.env.EMBEDDED_DB_HOST ?? "127.0.0.1";
  const maxConnections = overrides.maxConnections ?? get("max-connections") ?? process.env.EMBEDDED_DB_MAX_CONNECTIONS ?? DEFAULT_MAX_CONNECTIONS;
  return { port: Number(port), host, dataDir: dataDir === "memory" ? "memory" : path.resolve(dataDir), maxConnections: Number(maxConnections) };
}

function portAnswers(port, host = "127.0.0.1", timeoutMs = 500) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.on("connect", () => done(true));
    s.on("error", () => done(false));
  });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readState() {
  try {
    const s = JSON.parse(readFileSync(stateFile, "utf8"));
    return s && pidAlive(s.pid) ? s : null;
  } catch {
    return null;
  }
}

const SSL_OR_STARTUP_PROTOCOL = 196608;
// Statements that leave state in the session (the one backend every connection shares): after one,
// the next connection to take the backend gets a DISCARD ALL first.
const SESSION_STATE =
  /(?:^|;)\s*(?:set|reset|discard|prepare|deallocate|listen|unlisten|declare|load|create\s+(?:(?:global|local)\s+)?temp(?:orary)?)\b|\bset_config\s*\(|\bpg_advisory_(?:lock|lock_shared)\s*\(/i;

/** The SQL text of a simple Query ('Q') or a Parse ('P'), else null. */
function sqlOf(message) {
  const type = message[0];
  if (type !== 0x51 && type !== 0x50) return null;
  const parts = Buffer.from(message.buffer, message.byteOffset + 5, message.length - 5).toString("utf8").split("\0");
  return (type === 0x51 ? parts[0] : parts[1]) ?? "";
}

function isStartup(message) {
  return message.length >= 8 && message[0] === 0 && Buffer.from(message.buffer, message.byteOffset, message.length).readInt32BE(4) === SSL_OR_STARTUP_PROTOCOL;
}

function startupUser(message) {
  const fields = Buffer.from(message.buffer, message.byteOffset + 8, message.length - 8).toString("utf8").split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === "user") return fields[i + 1];
  return "";
}

const md5 = (bytes) => createHash("md5").update(bytes).digest("hex");

function authMd5Request(salt) {
  const b = Buffer.alloc(13);
  b.write("R", 0);
  b.writeInt32BE(12, 1);
  b.writeInt32BE(5, 5);
  salt.copy(b, 9);
  return b;
}

function fatal(code, message) {
  const fields = Buffer.concat([
    Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`, "utf8"),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

/**
 * Replacement for pglite-socket's query queue. PGlite has a single backend; pglite-socket 0.2.17
 * multiplexes connections onto it message by message, so the Parse/Bind/Execute/Sync messages of
 * two clients interleave and corrupt each other's unnamed statements and portals ("portal does not
 * exist", rows of another query). This queue gives the backend to one connection for a whole
 * protocol cycle (up to Sync or a simple Query) and for as long as that connection has a
 * transaction open; the other connections wait their turn, as if PostgreSQL had one worker.
 *
 * Because that one backend is every connection's session, the queue also keeps sessions apart
 * (decision 014): a connection that leaves has its open transaction rolled back, and once a
 * connection has run a statement that leaves session state (SET, PREPARE, LISTEN, a temp table,
 * an advisory lock …), the backend gets a DISCARD ALL before another connection takes it, and when
 * that connection leaves. With a password, each connection must answer an MD5 challenge before
 * its startup packet reaches PGlite.
 */
export class SessionQueue {
  constructor(db, { password = null } = {}) {
    this.db = db;
    this.password = password;
    this.owner = null;
    this.waiting = [];
    this.running = false;
    /** The connection whose statements left session state behind, until the next DISCARD ALL. */
    this.dirtyBy = null;
    this.resetPending = false;
    /** handlerId → "ok" | { startup, user, salt } (challenged, waiting for the password). */
    this.auth = new Map();
  }
  enqueue(handlerId, message, onData) {
    if (this.password !== null && this.auth.get(handlerId) !== "ok") return this.authenticate(handlerId, message, onData);
    return new Promise((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }
  async authenticate(handlerId, message, onData) {
    const pending = this.auth.get(handlerId);
    if (!pending) {
      if (!isStartup(message)) {
        onData(fatal("08P01", "expected a startup message"));
        throw new Error("protocol violation before authentication");
      }
      const salt = randomBytes(4);
      this.auth.set(handlerId, { startup: message, user: startupUser(message), salt });
      const reply = authMd5Request(salt);
      onData(reply);
      return reply.length;
    }
    const text = message[0] === 0x70 ? Buffer.from(message.buffer, message.byteOffset + 5, message.length - 5).toString("utf8").replace(/\0+$/, "") : "";
    // PostgreSQL's MD5 scheme: "md5" + md5(md5(password + user) + salt).
    const expected = `md5${md5(Buffer.concat([Buffer.from(md5(Buffer.from(this.password + pending.user, "utf8")), "latin1"), pending.salt]))}`;
    const right = text.length === expected.length && text === expected;
    if (!right) {
      this.auth.delete(handlerId);
      onData(fatal("28P01", `password authentication failed for user "${pending.user}"`));
      throw new Error("password authentication failed");
    }
    this.auth.set(handlerId, "ok");
    // Now PGlite sees the startup packet and answers AuthenticationOk, parameters, ReadyForQuery.
    return this.enqueue(handlerId, pending.startup, onData);
  }
  async discardSession() {
    await this.db.exec("DISCARD ALL").catch((e) => log(`DISCARD ALL: ${e.message}`));
    this.dirtyBy = null;
    this.resetPending = false;
  }
  async pump() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        if (this.owner === null && this.resetPending && !this.db.isInTransaction()) await this.discardSession();
        if (!this.waiting.length) break;
        const idx = this.owner === null ? 0 : this.waiting.findIndex((w) => w.handlerId === this.owner);
        if (idx < 0) break; // the owner is between messages of its cycle/transaction: wait for it
        const item = this.waiting.splice(idx, 1)[0];
        // Another connection takes the backend after one that changed the session: clean it first.
        if (this.owner === null && this.dirtyBy !== null && this.dirtyBy !== item.handlerId && !this.db.isInTransaction()) await this.discardSession();
        this.owner = item.handlerId;
        const sql = sqlOf(item.message);
        if (sql !== null && SESSION_STATE.test(sql)) this.dirtyBy = item.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (d) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
          item.resolve(bytes);
        } catch (e) {
          item.reject(e);
        }
        const type = item.message[0];
        // 'S' Sync, 'Q' simple query, 'X' terminate, 0 = startup packet (starts with its length)
        const endsCycle = type === 0x53 || type === 0x51 || type === 0x58 || type === 0;
        if (endsCycle && !this.db.isInTransaction()) this.owner = null;
      }
    } finally {
      this.running = false;
    }
  }
  getQueueLength() {
    return this.waiting.length;
  }
  clearQueueForHandler(handlerId) {
    this.waiting = this.waiting.filter((w) => (w.handlerId === handlerId ? (w.reject(new Error("Handler disconnected")), false) : true));
  }
  /** Called by pglite-socket when a connection leaves: what it left behind goes with it. */
  async clearTransactionIfNeeded(handlerId) {
    this.auth.delete(handlerId);
    if (this.owner === handlerId) {
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => {});
      this.owner = null;
    }
    if (this.dirtyBy === handlerId) this.resetPending = true;
    void this.pump();
  }
}

/** Runs the server in this process until SIGINT/SIGTERM or (with watchStdin) stdin closes. */
export async function serve({ port, host, dataDir, maxConnections }, { watchStdin = false, writeState = true } = {}) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const t0 = Date.now();
  const db = await PGlite.create(dataDir === "memory" ? undefined : { dataDir });
  const password = process.env.EMBEDDED_DB_NO_PASSWORD === "1" ? null : passwordFor(dataDir);
  const server = new PGLiteSocketServer({ db, port, host, maxConnections });
  // See SessionQueue: safe multiplexing. EMBEDDED_DB_STOCK_QUEUE=1 keeps pglite-socket's own queue
  // (only to reproduce the measurements of the decision record).
  if (process.env.EMBEDDED_DB_STOCK_QUEUE !== "1") server.queryQueue = new SessionQueue(db, { password });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:<port>"
  const actualPort = Number(conn.split(":").pop());
  const url = password === null ? `postgresql://postgres@${host}:${actualPort}/postgres` : urlFor(host, actualPort, password);
  if (writeState) {
    mkdirSync(path.dirname(stateFile), { recursive: true });
    // It holds the URL with the password: its owner only, like the password file.
    writeFileSync(stateFile, JSON.stringify({ pid: process.pid, port: actualPort, url, dataDir }, null, 2) + "\n", { mode: 0o600 });
  }
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
      await db.close();
    } catch (e) {
      log(`shutdown: ${e.message}`);
    }
    if (writeState) {
      const s = readStateRaw();
      if (s?.pid === process.pid) rmSync(stateFile, { force: true });
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  if (watchStdin) {
    process.stdin.on("end", () => void shutdown(0));
    process.stdin.on("close", () => void shutdown(0));
    process.stdin.resume();
  }
  process.stdout.write(`ready ${url}\n`);
  log(`PGlite ${dataDir === "memory" ? "(in memory)" : dataDir} serving ${redactUrl(url)} (max ${maxConnections} connection(s)${password === null ? ", NO PASSWORD" : ""}), up in ${Date.now() - t0} ms`);
  return { url, port: actualPort, shutdown };
}

function readStateRaw() {
  try {
    return JSON.parse(readFileSync(stateFile, "utf8"));
  } catch {
    return null;
  }
}

/** Child process serving the database; it stops when our end of its stdin closes. */
function spawnServer(opts) {
  const args = [
    fileURLToPath(import.meta.url),
    "serve",
    "--port",
    String(opts.port),
    "--data-dir",
    opts.dataDir,
    "--host",
    opts.host,
    "--max-connections",
    String(opts.maxConnections),
    "--watch-stdin",
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`embedded database did not start within 120 s\n${err}`));
    }, 120_000);
    child.stderr?.on("data", (d) => (err += d));
    child.stdout.on("data", (d) => {
      out += d;
      const m = /ready (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], port: Number(new URL(m[1]).port) });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded database exited with ${code} before it was ready\n${err}`));
    });
  });
}

/**
 * Starts the embedded database in a child process (or reuses one started with `start`).
 * @param {{ port?: number, dataDir?: string, maxConnections?: number }} [overrides]
 * @returns {Promise<{ url: string, port: number, pid: number, reused: boolean, stop: () => Promise<void> }>}
 */
export async function startEmbeddedDb(overrides = {}) {
  const opts = options([], overrides);
  const running = readState();
  // Reuse a server started with `embedded-db.mjs start`, unless the caller asked for a specific
  // port or data directory (tests ask for port 0 + "memory" to get a private database).
  const wantsOwn = overrides.port !== undefined || overrides.dataDir !== undefined;
  if (!wantsOwn && running && running.dataDir === opts.dataDir && (await portAnswers(running.port))) {
    log(`reusing the embedded database already running (pid ${running.pid}) at ${redactUrl(running.url)}`);
    return { url: running.url, port: running.port, pid: running.pid, reused: true, stop: async () => {} };
  }
  if (opts.port && (await portAnswers(opts.port))) throw new Error(`port ${opts.port} is taken: set EMBEDDED_DB_PORT (0 = any free port)`);
  const { child, url, port } = await spawnServer(opts);
  child.stdout.resume();
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
  return { url, port, pid: child.pid, reused: false, stop };
}

async function main(argv) {
  const [command = "serve", ...rest] = argv;
  const opts = options(rest);
  switch (command) {
    case "serve":
      await serve(opts, { watchStdin: rest.includes("--watch-stdin"), writeState: !rest.includes("--watch-stdin") });
      return;
    case "start": {
      const running = readState();
      if (running) {
        process.stdout.write(`${running.url}\n`);
        log(`already running (pid ${running.pid})`);
        return;
      }
      // Detached, with its output in .data/embedded-db.log; ready once it has written the state file.
      mkdirSync(path.dirname(stateFile), { recursive: true });
      const logFd = openSync(logFile, "a", 0o600);
      const child = spawn(
        process.execPath,
        [fileURLToPath(import.meta.url), "serve", "--port", String(opts.port), "--host", opts.host, "--data-dir", opts.dataDir, "--max-connections", String(opts.maxConnections)],
        { cwd: root, detached: true, stdio: ["ignore", logFd, logFd] },
      );
      child.unref();
      const deadline = Date.now() + 120_000;
      for (;;) {
        const s = readStateRaw();
        if (s?.pid === child.pid && (await portAnswers(s.port))) {
          process.stdout.write(`${s.url}\n`);
          log(`started in the background (pid ${child.pid}, log ${path.relative(root, logFile)}); stop with: node scripts/embedded-db.mjs stop`);
          break;
        }
        if (!pidAlive(child.pid) || Date.now() > deadline) {
          log(`did not start, see ${logFile}`);
          process.exitCode = 1;
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      return;
    }
    case "stop": {
      const running = readState();
      if (!running) {
        log("not running");
        rmSync(stateFile, { force: true });
        return;
      }
      process.kill(running.pid, "SIGTERM");
      for (let i = 0; i < 100 && pidAlive(running.pid); i++) await new Promise((r) => setTimeout(r, 100));
      log(pidAlive(running.pid) ? `pid ${running.pid} still running` : "stopped");
      return;
    }
    case "status": {
      const running = readState();
      process.stdout.write(running ? `running pid ${running.pid} ${running.url} (${running.dataDir})\n` : "not running\n");
      process.exitCode = running ? 0 : 1;
      return;
    }
    case "url": {
      const running = readState();
      if (!running) {
        log("not running");
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${running.url}\n`);
      return;
    }
    default:
      log(`unknown command ${command}: serve | start | stop | status | url`);
      process.exitCode = 2;
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await main(process.argv.slice(2));
