// npm run county -- add <6-digit code> --jurisdiction <code|none> --admin <username> [--admin-name <显示名>]
// npm run county -- show <6-digit code>
// The county set-up CLI (lib/regions/county-cli.ts, docs/decisions/019). The database is
// DATABASE_URL, else the demo's embedded one (the running demo's, or started for this call).
import { existsSync } from "node:fs";
import { createPrisma, type Db } from "../lib/db";
import { runCountyCli } from "../lib/regions/county-cli";
import { DEFAULT_PORT, defaultDataDir, passwordFor, startEmbeddedDb } from "./embedded-db.mjs";

// What this call opened, closed at the end.
const opened: { db: Db | null; stopEmbedded: (() => Promise<void>) | null } = { db: null, stopEmbedded: null };

async function databaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  try {
    const embedded = await startEmbeddedDb();
    opened.stopEmbedded = embedded.stop;
    return embedded.url;
  } catch (error) {
    // `npm run demo` serves the embedded database on its port without a state file: use that one.
    if (!(error instanceof Error) || !/is taken/.test(error.message)) throw error;
    const port = Number(process.env.EMBEDDED_DB_PORT ?? DEFAULT_PORT);
    const dataDir = process.env.EMBEDDED_DB_DIR ?? defaultDataDir;
    if (!existsSync(`${dataDir}.password`)) throw new Error(`${error.message}, and ${dataDir}.password is not there: set DATABASE_URL`);
    return `postgresql://postgres:${encodeURIComponent(passwordFor(dataDir))}@127.0.0.1:${port}/postgres`;
  }
}

const code = await runCountyCli(
  async () => (opened.db = createPrisma(await databaseUrl())),
  process.argv.slice(2),
  { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) },
).catch((error: unknown) => {
  process.stderr.write(`county: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
await opened.db?.$disconnect();
await opened.stopEmbedded?.();
process.exit(code);
