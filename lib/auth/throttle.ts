import type { Db, Tx } from "@/lib/db";

/**
 * Reserves one failure under `key` before the secret is checked (a success gives it back with
 * releaseFailure), atomically in the database, so that parallel requests cannot all read a count
 * below the limit. Returns the count including this attempt; a window older than `windowMinutes`
 * starts again at 1.
 */
export async function reserveFailure(db: Db | Tx, key: string, windowMinutes: number, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO auth_throttle (key, failures, window_start) VALUES (${key}, 1, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN auth_throttle.window_start < ${windowStart}::timestamptz THEN 1 ELSE auth_throttle.failures + 1 END,
      window_start = CASE WHEN auth_throttle.window_start < ${windowStart}::timestamptz THEN ${now}::timestamptz ELSE auth_throttle.window_start END
    RETURNING failures`;
  return rows[0]?.failures ?? 1;
}

export async function releaseFailure(db: Db | Tx, key: string): Promise<void> {
  await db.$executeRaw`UPDATE auth_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = ${key}`;
}

/** After a success that proves the secret (a changed password): the window starts afresh. */
export async function clearFailures(db: Db | Tx, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM auth_throttle WHERE key = ${key}`;
}
