// A clean state for one test: empties every table of the file's database except Prisma's
// migration history. audit_log refuses TRUNCATE through a trigger (the init migration), on
// purpose, for every database user, so the app can never do this. The door used here is
// superuser-only: `SET LOCAL session_replication_role = replica` stops ordinary triggers for this
// one transaction, and only a superuser may set it (PostgreSQL: PGC_SUSET). The test server's
// `postgres` user is one; a production app role is not. Afterwards the trigger stands as before.
import pg from "pg";

export async function cleanDatabase(url: string | undefined = process.env.TEST_DB_SUPERUSER_URL): Promise<void> {
  if (!url) throw new Error("TEST_DB_SUPERUSER_URL is not set: cleanDatabase runs inside the integration tests only");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length === 0) return;
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(`TRUNCATE ${rows.map((r) => r.name).join(", ")} RESTART IDENTITY CASCADE`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
