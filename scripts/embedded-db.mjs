#!/usr/bin/env node
// Embedded PostgreSQL for the quick start: PGlite (PostgreSQL compiled to WebAssembly, data in
// .data/pglite) served on a local TCP port by @electric-sql/pglite-socket, so the app, the Prisma
// CLI and psql all use the ordinary `pg` / adapter-pg code path with
//   DATABASE_URL=postgresql://postgres@127.0.0.1:<port>/postgres
// Decision and measurements: docs/decisions/002-embedded-database.md.
//
// CLI:
//   node scripts/embedded-db.mjs serve [--port N]   foreground (Ctrl+C stops), prints "ready <url>"
//   node scripts/embedded-db.mjs start [--port N]   background; pid/url in .data/embedded-db.json
//   node scripts/embedded-db.mjs stop | status | url
// Options/env: --port / EMBEDDED_DB_PORT (default 54329, 0 = any free port),
//   --data-dir / EMBEDDED_DB_DIR (default .data/pglite; "memory" for a throwaway in-memory db),
//   --max-connections / EMBEDDED_DB_MAX_CONNECTIONS (default 32; connections share one PGlite
//   backend through SessionQueue below, see the decision record).
//
// Programmatic (the server always runs in a child process, so callers may block their own event
// loop, e.g. with spawnSync, while the database serves requests):
//   const db = await startEmbeddedDb({ port?, dataDir?, maxConnections? });  // { url, port, pid, stop() }
//   ... DATABASE_URL=db.url ...
//   await db.stop();
import { spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const urlFor = (port) => `postgresql://postgres@127.0.0.1:${port}/postgres`;

function options(argv = [], overrides = {}) {
  const get = (name) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    return argv[i].includes("=") ? argv[i].split("=").slice(1).join("=") : argv[i + 1];
  };
  const port = overrides.port ?? get("port") ?? process.env.EMBEDDED_DB_PORT ?? DEFAULT_PORT;
  const dataDir = overrides.dataDir ?? get("data-dir") ?? process.env.EMBEDDED_DB_DIR ?? defaultDataDir;
  const maxConnections = overrides.maxConnections ?? get("max-connections") ?? process.env.EMBEDDED_DB_MAX_CONNECTIONS ?? DEFAULT_MAX_CONNECTIONS;
  return { port: Number(port), dataDir: dataDir === "memory" ? "memory" : path.resolve(dataDir), maxConnections: Number(maxConnections) };
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

/**
 * Replacement for pglite-socket's query queue. PGlite has a single backend; pglite-socket 0.2.17
 * multiplexes connections onto it message by message, so the Parse/Bind/Execute/Sync messages of
 * two clients interleave and corrupt each other's unnamed statements and portals ("portal does not
 * exist", rows of another query). This queue gives the backend to one connection for a whole
 * protocol cycle (up to Sync or a simple Query) and for as long as that connection has a
 * transaction open; the other connections wait their turn, as if PostgreSQL had one worker.
 */
export class SessionQueue {
  constructor(db) {
    this.db = db;
    this.owner = null;
    this.waiting = [];
    this.running = false;
  }
  enqueue(handlerId, message, onData) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }
  async pump() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        if (!this.waiting.length) break;
        const idx = this.owner === null ? 0 : this.waiting.findIndex((w) => w.handlerId === this.owner);
        if (idx < 0) break; // the owner is between messages of its cycle/transaction: wait for it
        const item = this.waiting.splice(idx, 1)[0];
        this.owner = item.handlerId;
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
  async clearTransactionIfNeeded(handlerId) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => {});
    this.owner = null;
    void this.pump();
  }
}

/** Runs the server in this process until SIGINT/SIGTERM or (with watchStdin) stdin closes. */
export async function serve({ port, dataDir, maxConnections }, { watchStdin = false, writeState = true } = {}) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const t0 = Date.now();
  const db = await PGlite.create(dataDir === "memory" ? undefined : { dataDir });
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections });
  // See SessionQueue: safe multiplexing. EMBEDDED_DB_STOCK_QUEUE=1 keeps pglite-socket's own queue
  // (only to reproduce the measurements of the decision record).
  if (process.env.EMBEDDED_DB_STOCK_QUEUE !== "1") server.queryQueue = new SessionQueue(db);
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:<port>"
  const actualPort = Number(conn.split(":").pop());
  const url = urlFor(actualPort);
  if (writeState) {
    mkdirSync(path.dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, JSON.stringify({ pid: process.pid, port: actualPort, url, dataDir }, null, 2) + "\n");
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
  log(`PGlite ${dataDir === "memory" ? "(in memory)" : dataDir} serving ${url} (max ${maxConnections} connection(s)), up in ${Date.now() - t0} ms`);
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
    log(`reusing the embedded database already running (pid ${running.pid}) at ${running.url}`);
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
      const logFd = openSync(logFile, "a");
      const child = spawn(
        process.execPath,
        [fileURLToPath(import.meta.url), "serve", "--port", String(opts.port), "--data-dir", opts.dataDir, "--max-connections", String(opts.maxConnections)],
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
