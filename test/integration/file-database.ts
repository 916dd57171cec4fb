// Before each integration test file (vitest setupFiles): a database of the file's own, cloned
// from the migrated template of global-setup.ts, and DATABASE_URL pointing at it before any of the
// file's modules load (lib/db.ts reads it on first use). Files therefore never see each other's
// rows and may run in parallel. Dropped when the file is done.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { cloneDatabase, databaseUrl, dropDatabase } from "../../scripts/test-db.mjs";

const { adminUrl, template, prefix, ownerPid } = inject("testDb");
const name = `${prefix}_f${randomBytes(4).toString("hex")}`;
process.env.DATABASE_URL = await cloneDatabase(adminUrl, template, name, { ownerPid });
process.env.TEST_DB_PREFIX = prefix;
// The superuser door of clean-database.ts, on this file's database.
process.env.PG_ADMIN_URL = adminUrl;
process.env.TEST_DB_SUPERUSER_URL = databaseUrl(adminUrl, name);

afterAll(async () => {
  // The app's shared client (lib/db.ts `prisma`) would otherwise see its connections killed.
  const shared = (globalThis as { __prisma?: { $disconnect(): Promise<void> } }).__prisma;
  await shared?.$disconnect();
  await dropDatabase(adminUrl, name);
});
