#!/usr/bin/env node
// Stand-in for Prisma's native schema engine binary, built on @prisma/schema-engine-wasm.
//
// The Prisma 7 CLI spawns the executable named by PRISMA_SCHEMA_ENGINE_BINARY as
//   <bin> [--datamodels <file>]... [--datasource <json>] [--enabled-preview-features a,b]
//         [--extension-types <json>]              -> JSON-RPC 2.0 over stdin/stdout, one message a line
//   <bin> --datasource <json> cli <command>       -> can-connect-to-database | create-database | drop-database
// and expects JSON log lines on stderr. This script answers the same protocol with the WebAssembly
// build of the engine, which reaches PostgreSQL through a Prisma driver adapter (adapter-pg over `pg`,
// or an in-memory PGlite for shadow databases). See docs/decisions/003-prisma-wasm-schema-engine.md.
//
// Do not call it directly: use `node scripts/prisma.mjs <prisma args>` (npm run prisma -- ...).

import { appendFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Logging: the CLI reads stderr line by line as JSON {level, target, fields: {message, ...}}.
// ---------------------------------------------------------------------------------------------
function log(level, message, extra = {}) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, target: "schema_engine::logger", fields: { message, ...extra } }) + "\n",
  );
}
// PRISMA_BRIDGE_LOG=<file> appends a trace of requests, responses and adapter activity.
const traceFile = process.env.PRISMA_BRIDGE_LOG;
const debug = (...a) => {
  if (!traceFile) return;
  const text = a.map((x) => (typeof x === "string" ? x : x instanceof Error ? `${x.stack}` : JSON.stringify(x))).join(" ");
  appendFileSync(traceFile, `[${new Date().toISOString()} ${process.pid}] ${text.slice(0, 4000)}\n`);
};

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const out = { datamodels: [], datasource: null, previewFeatures: [], cli: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === "--datamodels" || a === "--datamodel" || a === "-d") out.datamodels.push(next());
    else if (a === "--datasource") out.datasource = JSON.parse(next());
    else if (a === "--enabled-preview-features") out.previewFeatures = next().split(",").filter(Boolean);
    else if (a === "--extension-types") next();
    else if (a === "cli") {
      out.cli = argv.slice(i + 1);
      break;
    } else if (a === "--version" || a === "-V") out.version = true;
    else if (a === "--help" || a === "-h") out.help = true;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// URLs
// ---------------------------------------------------------------------------------------------
const isPgUrl = (u) => typeof u === "string" && /^postgres(ql)?:\/\//i.test(u);
/** `pglite:memory` or `pglite:<data dir>` — an in-process PGlite (one process at a time). */
const isPgliteUrl = (u) => typeof u === "string" && /^pglite:/i.test(u);

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = "/" + encodeURIComponent(database);
  return u.toString();
}
function databaseOf(url) {
  const u = new URL(url);
  return decodeURIComponent(u.pathname.replace(/^\//, "")) || u.username || "postgres";
}
const quoteIdent = (s) => '"' + String(s).replace(/"/g, '""') + '"';

// ---------------------------------------------------------------------------------------------
// Driver adapters for the engine
// ---------------------------------------------------------------------------------------------
let pgModule;
async function pg() {
  pgModule ??= (await import("pg")).default;
  return pgModule;
}

/** The engine reads catalog columns of type "char" (OID 18), which the adapters refuse: map to text. */
const CHAR_OID = 18;
const TEXT_OID = 25;
function fixCharFields(res) {
  if (Array.isArray(res)) res.forEach(fixCharFields);
  else if (res && Array.isArray(res.fields)) {
    const charColumns = [];
    res.fields.forEach((f, i) => {
      if (f.dataTypeID === CHAR_OID) {
        f.dataTypeID = TEXT_OID;
        charColumns.push(i);
      }
    });
    if (charColumns.length) Object.defineProperty(res, "charColumns", { value: charColumns, enumerable: false });
  }
  return res;
}

/**
 * The engine reads "char" columns as Character values (it panics on Text): after the adapter has
 * built its result from the text-typed fields, give those columns back the Character type.
 */
async function reportCharColumns(queryable) {
  const { ColumnTypeEnum } = await import("@prisma/driver-adapter-utils");
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  let lastCharColumns = null;
  queryable.performIO = async (query) => {
    const res = await performIO(query);
    lastCharColumns = res?.charColumns ?? null;
    return res;
  };
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const cols = lastCharColumns;
    lastCharColumns = null;
    if (cols) for (const i of cols) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => reportCharColumns(await startTransaction(...args));
  }
  return queryable;
}

async function makePgPool(url) {
  const { Client, Pool } = await pg();
  class CharSafeClient extends Client {
    query(config, values, callback) {
      if (typeof values === "function") {
        callback = values;
        values = undefined;
      }
      if (typeof callback === "function") return super.query(config, values, (err, res) => callback(err, err ? res : fixCharFields(res)));
      const r = super.query(config, values);
      return r && typeof r.then === "function" ? r.then(fixCharFields) : r;
    }
  }
  // One connection: the engine's advisory lock and session state must live on a single session,
  // as with the native engine.
  const pool = new Pool({ connectionString: url, Client: CharSafeClient, max: 1, idleTimeoutMillis: 0 });
  // An idle connection the server ends (a DROP DATABASE … WITH (FORCE) of the shadow database by
  // the engine, an admin) must not kill the bridge: without a listener the pool's "error" event is
  // an uncaught exception, the bridge exits 101 and the CLI ends silently with 0, having done
  // nothing. The pool opens a new connection for the next query.
  pool.on("error", (e) => debug("pool: idle connection lost:", e?.message ?? e));
  return pool;
}

async function pgAdapter(url, onDispose) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = await makePgPool(url);
  const adapter = await reportCharColumns(await new PrismaPg(pool).connect());
  // adapter-pg splits scripts on ';', which breaks dollar-quoted function bodies: send the whole
  // script as one simple-protocol query instead (multi-statement, like the native engine).
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (e) {
      adapter.onError(e);
    }
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await pool.end().catch(() => {});
    if (onDispose) await onDispose();
  };
  return adapter;
}

async function adminQuery(url, sql) {
  const { Client } = await pg();
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

function charSafePglite(db) {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "query") return async (...a) => fixCharFields(await target.query(...a));
      if (prop === "transaction") return (fn) => target.transaction((tx) => fn(charSafePglite(tx)));
      const v = Reflect.get(target, prop, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

async function pgliteAdapter(dataDir) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const db = new PGlite(dataDir && dataDir !== "memory" ? { dataDir } : undefined);
  await db.waitReady;
  const adapter = await reportCharColumns(await new PrismaPGlite(charSafePglite(db)).connect());
  // The published adapter does not await exec(): errors would be lost.
  adapter.executeScript = async (script) => {
    try {
      await db.exec(script);
    } catch (e) {
      adapter.onError(e);
    }
  };
  adapter.dispose = async () => {
    await db.close().catch(() => {});
  };
  return adapter;
}

function unconnectedAdapter(message) {
  const fail = async () => {
    throw new Error(message);
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      // The connection probe: SELECT EXISTS(... pg_namespace ...), version(), server_version_num
      if (/version\(\)/.test(query.sql) && /pg_namespace/.test(query.sql)) {
        const { ColumnTypeEnum } = await import("@prisma/driver-adapter-utils");
        return {
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, "PostgreSQL 15.0 (no database: schema engine bridge offline mode)", 150000]],
        };
      }
      return fail();
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

/** A migration-aware adapter factory (connect + connectToShadowDb) for the given datasource. */
function adapterFactory(datasource) {
  const url = datasource?.url || "";
  const shadowUrl = datasource?.shadowDatabaseUrl || process.env.SHADOW_DATABASE_URL || "";
  const shadowMode = process.env.PRISMA_BRIDGE_SHADOW ?? "auto"; // auto | server | pglite
  let pgliteMain = null;
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      if (isPgUrl(url)) return pgAdapter(url);
      if (isPgliteUrl(url)) return (pgliteMain ??= await pgliteAdapter(url.replace(/^pglite:(\/\/)?/i, "")));
      const message = url
        ? `Unsupported datasource URL for the WebAssembly schema engine: ${url.split(":")[0]}:`
        : "No datasource URL: set DATABASE_URL (see prisma.config.ts).";
      // The engine connects and probes version() even for commands that never touch the database,
      // such as `migrate diff --from-empty --to-schema ...`: without a URL it gets an adapter that
      // answers that probe and fails on anything else.
      return unconnectedAdapter(message);
    },
    async connectToShadowDb() {
      if (shadowUrl && isPgUrl(shadowUrl)) {
        debug("shadow: external", databaseOf(shadowUrl));
        return pgAdapter(shadowUrl);
      }
      if (isPgUrl(url) && shadowMode !== "pglite") {
        const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
        try {
          await adminQuery(url, `CREATE DATABASE ${quoteIdent(name)}`);
        } catch (e) {
          if (shadowMode === "server") throw e;
          debug("shadow: CREATE DATABASE failed, falling back to PGlite:", e.message);
          return pgliteAdapter("memory");
        }
        // A server that ignores the database name of a connection (PGlite behind pglite-socket
        // accepts CREATE DATABASE but always serves its one database) would make the engine reset
        // the main database as its "shadow": check where the URL really leads first.
        const shadowUrlForName = withDatabase(url, name);
        const landed = await adminQuery(shadowUrlForName, "SELECT current_database() AS db")
          .then((r) => r.rows[0]?.db)
          .catch((e) => `error: ${e.message}`);
        if (landed !== name) {
          await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`).catch(() => {});
          if (shadowMode === "server") throw new Error(`shadow database ${name} is not reachable by name (got ${landed})`);
          debug(`shadow: connecting to ${name} lands in ${landed}; using an in-memory PGlite`);
          return pgliteAdapter("memory");
        }
        debug("shadow: temporary database", name);
        // The pool names the database explicitly and is closed before the database is dropped.
        return pgAdapter(shadowUrlForName, async () => {
          await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(async () => {
            await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`).catch((e) => log("WARN", `could not drop shadow database ${name}: ${e.message}`));
          });
        });
      }
      debug("shadow: in-memory PGlite");
      return pgliteAdapter("memory");
    },
  };
}

/** With PRISMA_BRIDGE_LOG set, log every adapter call and error. */
function traced(obj, label) {
  if (!traceFile) return obj;
  return new Proxy(obj, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target);
      if (typeof v !== "function" || typeof prop !== "string") return v;
      return (...args) => {
        debug(`${label}.${prop}`, prop === "queryRaw" || prop === "executeRaw" ? args[0]?.sql : prop === "executeScript" ? String(args[0]).slice(0, 300) : "");
        let r;
        try {
          r = v.apply(target, args);
        } catch (e) {
          debug(`${label}.${prop} threw`, e);
          throw e;
        }
        if (r && typeof r.then === "function")
          return r.then(
            (x) => (x && typeof x === "object" && (typeof x.queryRaw === "function" || typeof x.commit === "function") ? traced(x, `${label}.${prop}()`) : x),
            (e) => {
              debug(`${label}.${prop} rejected`, e);
              throw e;
            },
          );
        return r;
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The WebAssembly engine
// ---------------------------------------------------------------------------------------------
async function loadWasm() {
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
  const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

// ---------------------------------------------------------------------------------------------
// `cli` subcommands (used by `migrate dev`, `db push`, `migrate reset` to create the database)
// ---------------------------------------------------------------------------------------------
function cliFail(errorCode, message) {
  // The CLI skips the first stderr line, then looks for an ERROR line from schema_engine::logger.
  process.stderr.write(JSON.stringify({ level: "INFO", target: "schema_engine", fields: { message: "starting" } }) + "\n");
  log("ERROR", message, errorCode ? { error_code: errorCode } : {});
  process.exit(1);
}

async function runCli(args, datasource) {
  const [command] = args;
  const url = datasource?.url || "";
  if (isPgliteUrl(url)) return; // an in-process PGlite always exists
  if (!isPgUrl(url)) cliFail("P1013", `The provided database string is invalid. Unsupported URL: ${url.split(":")[0]}:`);
  const { Client } = await pg();
  const db = databaseOf(url);
  const tryConnect = async (u) => {
    const c = new Client({ connectionString: u });
    await c.connect();
    await c.end();
  };
  const admin = async (sql) => {
    let lastErr;
    for (const adminDb of ["postgres", "template1"]) {
      try {
        return await adminQuery(withDatabase(url, adminDb), sql);
      } catch (e) {
        lastErr = e;
        if (e.code !== "3D000") throw e;
      }
    }
    throw lastErr;
  };
  try {
    if (command === "can-connect-to-database") {
      await tryConnect(url);
    } else if (command === "create-database") {
      await admin(`CREATE DATABASE ${quoteIdent(db)}`);
      process.stdout.write(JSON.stringify({ databaseName: db }) + "\n");
    } else if (command === "drop-database") {
      await admin(`DROP DATABASE IF EXISTS ${quoteIdent(db)} WITH (FORCE)`);
    } else {
      cliFail(null, `Unknown cli command: ${command}`);
    }
  } catch (e) {
    const u = new URL(url);
    if (e.code === "3D000") cliFail("P1003", `Database \`${db}\` does not exist on the database server at \`${u.hostname}:${u.port || 5432}\`.`);
    if (e.code === "ECONNREFUSED" || e.code === "ENOTFOUND")
      cliFail("P1001", `Can't reach database server at \`${u.hostname}:${u.port || 5432}\`\n\nPlease make sure your database server is running at \`${u.hostname}:${u.port || 5432}\`.`);
    if (e.code === "28P01" || e.code === "28000") cliFail("P1000", `Authentication failed against database server: ${e.message}`);
    if (e.code === "42P04") cliFail("P1009", `Database \`${db}\` already exists on the database server`);
    cliFail(null, e.message);
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC server
// ---------------------------------------------------------------------------------------------
let externalErrors = null; // the bound factory's registry of JS errors, for "External error id#N"

function errorPayload(e) {
  const ext = /External error id#(\d+)/.exec(String(e?.message ?? ""));
  if (ext && externalErrors) {
    const original = externalErrors.consumeError?.(Number(ext[1]))?.error;
    if (original) e = original;
  }
  // wasm-bindgen errors from the engine carry the user-facing error as fields or as JSON text.
  let data = { is_panic: false, message: String(e?.message ?? e), meta: null, error_code: null };
  const src = e && typeof e === "object" ? e : {};
  const candidates = [src, src.cause];
  for (const c of candidates) {
    if (!c || typeof c !== "object") continue;
    if (typeof c.message === "string") data.message = c.message;
    const code = c.error_code ?? c.errorCode ?? c.code;
    if (typeof code === "string" && /^P\d{4}$/.test(code)) data.error_code = code;
    if (c.meta !== undefined) data.meta = c.meta;
    if (c.is_panic || c.isPanic) data.is_panic = true;
  }
  try {
    const parsed = JSON.parse(data.message);
    if (parsed && typeof parsed === "object") {
      data.message = parsed.message ?? data.message;
      data.error_code = parsed.error_code ?? parsed.errorCode ?? data.error_code;
      data.meta = parsed.meta ?? data.meta;
      data.is_panic = !!(parsed.is_panic ?? data.is_panic);
    }
  } catch {
    /* plain text */
  }
  if (e instanceof WebAssembly.RuntimeError) {
    data.is_panic = true;
    data.error = { message: globalThis.PRISMA_WASM_PANIC_REGISTRY?.get?.() || data.message };
  }
  if (!data.error_code) delete data.error_code;
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

async function runRpc(opts) {
  // Panic messages from Rust land here (the wasm module calls global.PRISMA_WASM_PANIC_REGISTRY).
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    get() {
      return this.message;
    },
    set_message(m) {
      this.message = `RuntimeError: ${m}`;
    },
  };
  const wasm = await loadWasm();
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const datamodels = opts.datamodels.map((p) => [p, readFileSync(p, "utf8")]);
  const factory = bindMigrationAwareSqlAdapterFactory(traced(adapterFactory(opts.datasource), "factory"));
  externalErrors = factory.errorRegistry;
  const onLog = (line) => {
    // JSON tracing lines from the engine: forward as-is (the CLI collects them for error reports).
    if (typeof line === "string") process.stderr.write(line.endsWith("\n") ? line : line + "\n");
  };
  let enginePromise = null;
  const engine = () => (enginePromise ??= wasm.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, onLog, factory));

  const unsupported = (m) => {
    throw Object.assign(new Error(`The WebAssembly schema engine bridge does not support \`${m}\`.`), {});
  };
  const handlers = {
    getDatabaseVersion: async (p) => (await engine()).version(p ?? null),
    version: async (p) => (await engine()).version(p ?? null),
    createDatabase: async (p) => {
      const url = p?.datasource?.url ?? opts.datasource?.url;
      const db = databaseOf(url);
      await adminQuery(withDatabase(url, "postgres"), `CREATE DATABASE ${quoteIdent(db)}`);
      return { databaseName: db };
    },
    getDatabaseDescription: () => unsupported("getDatabaseDescription"),
  };
  const engineMethods = [
    "applyMigrations",
    "createMigration",
    "dbExecute",
    "debugPanic",
    "devDiagnostic",
    "diagnoseMigrationHistory",
    "diff",
    "ensureConnectionValidity",
    "evaluateDataLoss",
    "introspect",
    "introspectSql",
    "markMigrationApplied",
    "markMigrationRolledBack",
    "reset",
    "schemaPush",
  ];
  for (const m of engineMethods) handlers[m] ??= async (p) => (await engine())[m](p ?? {});

  const write = (msg) => process.stdout.write(JSON.stringify(msg) + "\n");
  let queue = Promise.resolve();
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let req;
    try {
      req = JSON.parse(line);
    } catch {
      write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (req.method === undefined) return; // a response to one of our requests (none are sent)
    // The native engine handles one request at a time; so do we.
    queue = queue.then(async () => {
      debug("->", req.method, req.params);
      const handler = handlers[req.method];
      if (!handler) {
        write({ jsonrpc: "2.0", id: req.id, error: { code: -32601, message: `Method not found: ${req.method}` } });
        return;
      }
      try {
        let result = await handler(req.params);
        if (result === undefined) result = null;
        if (req.method === "diff" && result && typeof result.stdout === "string") {
          // The native engine prints the diff through a `print` request to the CLI (which also
          // lets `migrate diff --output` capture it); the wasm engine returns it instead.
          const content = result.stdout.replace(/\n$/, "");
          result = { ...result, stdout: null };
          write({ jsonrpc: "2.0", id: `print-${req.id}`, method: "print", params: { content } });
        }
        debug("<-", req.method, result);
        write({ jsonrpc: "2.0", id: req.id, result: result ?? {} });
      } catch (e) {
        debug("<- error", req.method, e?.message ?? e, e);
        write({ jsonrpc: "2.0", id: req.id, error: errorPayload(e) });
      }
    });
  });
  rl.on("close", async () => {
    await queue;
    try {
      const eng = enginePromise ? await enginePromise.catch(() => null) : null;
      eng?.free?.();
    } catch {
      /* ignore */
    }
    process.exit(0);
  });
}

// ---------------------------------------------------------------------------------------------
process.on("uncaughtException", (e) => {
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.get?.();
  debug("uncaughtException", panic ?? "", e);
  log("ERROR", panic ? `schema engine panic: ${panic}` : `schema engine bridge: ${e?.stack ?? e}`);
  process.exit(101);
});
process.on("unhandledRejection", (e) => {
  debug("unhandledRejection", e);
  log("ERROR", `schema engine bridge: ${e?.stack ?? e}`);
  process.exit(101);
});
process.on("exit", (code) => debug("exit", code));

const opts = parseArgs(process.argv.slice(2));
if (opts.version) {
  const wasm = await loadWasm();
  process.stdout.write(`schema-engine-wasm ${wasm.version()}\n`);
} else if (opts.help) {
  process.stdout.write("prisma-schema-engine.mjs: WebAssembly schema engine bridge for the Prisma CLI. See docs/decisions/003.\n");
} else if (opts.cli) {
  await runCli(opts.cli, opts.datasource);
  process.exit(0);
} else {
  await runRpc(opts);
}

