// The embedded database's own guarantees (decision 014): a password, and sessions kept apart on
// its one shared backend.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordFor, redactUrl, startEmbeddedDb, type EmbeddedDb } from "./embedded-db.mjs";

let db: EmbeddedDb;

beforeAll(async () => {
  db = await startEmbeddedDb({ port: 0, dataDir: "memory" });
});
afterAll(() => db?.stop());

async function connect(url = db.url): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

function withPassword(password: string | null): string {
  const url = new URL(db.url);
  url.password = password ?? "";
  return url.toString();
}

describe("the embedded database", () => {
  it("requires the password it generated", async () => {
    expect(new URL(db.url).password).toMatch(/^[\w-]{20,}$/);
    await expect(connect(withPassword("wrong"))).rejects.toThrow(/password authentication failed/);
    await expect(connect(withPassword(null))).rejects.toThrow();
    const client = await connect();
    expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await client.end();
  });

  it("keeps the password of a data directory beside it, readable by its owner only, and out of logs", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "yfyb-edb-"));
    try {
      const dataDir = path.join(dir, "pglite");
      const first = passwordFor(dataDir);
      expect(passwordFor(dataDir)).toBe(first);
      expect(statSync(`${dataDir}.password`).mode & 0o777).toBe(0o600);
      expect(redactUrl(`postgresql://postgres:${first}@127.0.0.1:1/postgres`)).toBe("postgresql://postgres:***@127.0.0.1:1/postgres");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps one client's SET from another's session while the first stays connected", async () => {
    const setup = await connect();
    await setup.query("CREATE TABLE IF NOT EXISTS hygiene (n int)");
    await setup.end();
    const psql = await connect();
    await psql.query("SET default_transaction_read_only = on");
    const app = await connect();
    await app.query("INSERT INTO hygiene VALUES (1)");
    expect((await app.query("SELECT count(*)::int AS n FROM hygiene")).rows).toEqual([{ n: 1 }]);
    await app.end();
    await psql.end();
  });

  it("rolls back a transaction a client leaves open and resets its session", async () => {
    const psql = await connect();
    await psql.query("SET default_transaction_read_only = off");
    await psql.query("BEGIN");
    await psql.query("INSERT INTO hygiene VALUES (99)");
    await psql.query("SET LOCAL statement_timeout = 1");
    await psql.query("SET SESSION default_transaction_read_only = on");
    // Gone without COMMIT, as a killed psql would be.
    psql.on("error", () => {});
    (psql as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const app = await connect();
    await app.query("INSERT INTO hygiene VALUES (2)");
    expect((await app.query("SELECT n FROM hygiene ORDER BY n")).rows).toEqual([{ n: 1 }, { n: 2 }]);
    expect((await app.query("SHOW default_transaction_read_only")).rows).toEqual([{ default_transaction_read_only: "off" }]);
    await app.end();
  });
});
