// Once per `vitest run --config vitest.integration.config.ts`: a template database with every
// migration applied, which each test file then clones into a database of its own
// (test/integration/file-database.ts). The server is PG_ADMIN_URL's, else DATABASE_URL's (only
// its server is used, never that database itself), else a running or throwaway one
// (ensurePostgres). Names come from TEST_DB_PREFIX (set by scripts/test.mjs) or a fresh
// `yfyb_run_<pid>_<hex>`; everything under the prefix is dropped at the end.
import type { TestProject } from "vitest/node";
import { createTestDatabase, databaseUrl, dropRunDatabases, dropStaleTestDatabases, ensurePostgres, newRunPrefix } from "../../scripts/test-db.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { adminUrl: string; template: string; prefix: string; ownerPid: number };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = Date.now();
  const given = process.env.PG_ADMIN_URL ?? (process.env.DATABASE_URL ? databaseUrl(process.env.DATABASE_URL, "postgres") : undefined);
  const server = given ? null : await ensurePostgres();
  const adminUrl = given ?? server?.adminUrl ?? "";
  const prefix = process.env.TEST_DB_PREFIX ?? newRunPrefix();
  const ownerPid = Number(process.env.TEST_DB_OWNER_PID ?? process.pid);
  await dropStaleTestDatabases(adminUrl);
  const template = `${prefix}_tpl`;
  await createTestDatabase(adminUrl, template, { ownerPid });
  project.provide("testDb", { adminUrl, template, prefix, ownerPid });
  process.stderr.write(`[test-db] template ${template} migrated in ${Date.now() - t0} ms\n`);
  return async () => {
    await dropRunDatabases(adminUrl, prefix);
    await server?.stop();
  };
}
