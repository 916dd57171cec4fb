// The Prisma CLI on the WebAssembly schema engine bridge (scripts/prisma-schema-engine.mjs),
// against a real PostgreSQL server and against the embedded PGlite.
//   npx vitest run --config vitest.integration.config.ts scripts
// Uses the server of DATABASE_URL when given, else ensurePostgres(); every database it creates
// has a unique name and is dropped afterwards.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, databaseUrl, dropDatabase, ensurePostgres, newRunPrefix, type PostgresHandle } from "./test-db.mjs";
import { runPrisma, root } from "./prisma.mjs";
import { startEmbeddedDb } from "./embedded-db.mjs";

const suffix = `${process.pid}_${randomBytes(3).toString("hex")}`;
// Under the run's prefix (test/integration/file-database.ts), so a killed run's leftovers are swept.
const runPrefix = process.env.TEST_DB_PREFIX ?? newRunPrefix();
const created: string[] = [];
let server: PostgresHandle | null = null;
let adminUrl = "";

async function scratch(label: string, migrate = false): Promise<string> {
  const name = `${runPrefix}_se_${label}_${randomBytes(3).toString("hex")}`;
  created.push(name);
  return createTestDatabase(adminUrl, name, { migrate });
}

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text);
  } finally {
    await client.end();
  }
}

async function shadowDatabases(): Promise<string[]> {
  const { rows } = await sql<{ datname: string }>(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`);
  return rows.map((r) => r.datname);
}

const migrationNames = () => readdirSync(path.join(root, "prisma", "migrations")).filter((d) => /^\d{14}_/.test(d));

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    adminUrl = databaseUrl(process.env.DATABASE_URL, "postgres");
  } else {
    server = await ensurePostgres();
    adminUrl = server.adminUrl;
  }
});

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name).catch(() => {});
  await server?.stop();
});

describe("schema engine bridge on PostgreSQL", () => {
  let deployed = "";

  it("migrate deploy applies every migration to an empty database", async () => {
    deployed = await scratch("deploy");
    const r = await runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: deployed }, capture: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("All migrations have been successfully applied");
    const { rows } = await sql<{ migration_name: string; finished: boolean }>(
      deployed,
      `SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((x) => x.migration_name)).toEqual(migrationNames());
    expect(rows.every((x) => x.finished)).toBe(true);
    const tables = await sql<{ n: number }>(deployed, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('person', 'claim', 'audit_log')`);
    expect(tables.rows[0]?.n).toBe(3);

    const status = await runPrisma(["migrate", "status"], { env: { DATABASE_URL: deployed }, capture: true });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date");
  });

  it("audit_log is append-only: UPDATE, DELETE and TRUNCATE are refused", async () => {
    await sql(deployed, `INSERT INTO audit_log (actor_name, action, entity, entity_id) VALUES ('test', 'CREATE', 'person', '1')`);
    await expect(sql(deployed, `UPDATE audit_log SET action = 'X'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql(deployed, `DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql(deployed, `TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await sql<{ n: number }>(deployed, `SELECT count(*)::int AS n FROM audit_log`);
    expect(rows[0]?.n).toBe(1);
  });

  it("migrate reset --force empties the database and re-applies the migrations", async () => {
    await sql(deployed, `CREATE TABLE stray_table (x int)`);
    const r = await runPrisma(["migrate", "reset", "--force"], { env: { DATABASE_URL: deployed }, capture: true });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const stray = await sql<{ n: number }>(deployed, `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'stray_table'`);
    expect(stray.rows[0]?.n).toBe(0);
    const audit = await sql<{ n: number }>(deployed, `SELECT count(*)::int AS n FROM audit_log`);
    expect(audit.rows[0]?.n).toBe(0);
    const applied = await sql<{ n: number }>(deployed, `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
    expect(applied.rows[0]?.n).toBe(migrationNames().length);
  });

  it("migrate diff --from-empty --to-schema --script prints the DDL without a database", async () => {
    const r = await runPrisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"], {
      env: { DATABASE_URL: "" },
      capture: true,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE "person"');
    expect(r.stdout).toContain('CREATE TABLE "audit_log"');
  });

  it("migrate dev creates and applies a new migration after a schema change", async () => {
    // A private copy of schema + migrations inside the repo (so that prisma/config resolves).
    const dir = path.join(root, ".data", `migrate-dev-${suffix}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      cpSync(path.join(root, "prisma", "migrations"), path.join(dir, "migrations"), { recursive: true });
      const schema = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
      const changed = schema.replace(/model Person \{\n/, "model Person {\n  bridgeTestNote String? @map(\"bridge_test_note\")\n");
      expect(changed).not.toBe(schema);
      writeFileSync(path.join(dir, "schema.prisma"), changed);
      writeFileSync(
        path.join(dir, "prisma.config.ts"),
        `import { defineConfig } from "prisma/config";\nexport default defineConfig({ schema: "schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL ?? "" } });\n`,
      );
      const url = await scratch("dev", true);
      const before = new Set(readdirSync(path.join(dir, "migrations")));
      const shadowsBefore = await shadowDatabases();
      const r = await runPrisma(["migrate", "dev", "--name", "add_note", "--config", path.join(dir, "prisma.config.ts")], {
        env: { DATABASE_URL: url },
        cwd: dir,
        capture: true,
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const added = readdirSync(path.join(dir, "migrations")).filter((d) => !before.has(d));
      expect(added, r.stdout + r.stderr).toHaveLength(1);
      expect(added[0]).toMatch(/^\d{14}_add_note$/);
      const script = readFileSync(path.join(dir, "migrations", added[0]!, "migration.sql"), "utf8");
      expect(script).toMatch(/ALTER TABLE "person" ADD COLUMN\s+"bridge_test_note" TEXT/);
      const col = await sql<{ n: number }>(url, `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'person' AND column_name = 'bridge_test_note'`);
      expect(col.rows[0]?.n).toBe(1);
      // No shadow database left behind (by this run: the server is shared with other runs).
      expect((await shadowDatabases()).filter((name) => !shadowsBefore.includes(name))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("embedded database (PGlite behind pglite-socket)", () => {
  it("starts, migrates and answers Prisma queries, also concurrent transactions", async () => {
    const db = await startEmbeddedDb({ port: 0, dataDir: "memory" });
    try {
      expect(db.url).toMatch(/^postgresql:\/\/postgres:[\w-]+@127\.0\.0\.1:\d+\/postgres$/);
      const r = await runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: db.url }, capture: true });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
      try {
        const row = await prisma.auditLog.create({ data: { actorName: "test", action: "CREATE", entity: "person", entityId: "1" } });
        expect(await prisma.auditLog.findUnique({ where: { id: row.id } })).toMatchObject({ entityId: "1" });
        // A pg Pool opens several connections: each interactive transaction must see its own writes.
        const counts = await Promise.all(
          Array.from({ length: 8 }, (_, w) =>
            prisma.$transaction(async (tx) => {
              await tx.auditLog.create({ data: { actorName: `w${w}`, action: "TX", entity: "t", entityId: String(w) } });
              await tx.auditLog.create({ data: { actorName: `w${w}`, action: "TX", entity: "t", entityId: String(w) } });
              return tx.auditLog.count({ where: { actorName: `w${w}` } });
            }),
          ),
        );
        expect(counts).toEqual(Array(8).fill(2));
        await expect(prisma.$executeRawUnsafe(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await db.stop();
    }
  });
});
