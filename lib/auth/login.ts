import { writeAudit } from "@/lib/audit/write-audit";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import {
  ADDRESS_THROTTLE_FAILURES,
  ADDRESS_THROTTLE_WINDOW_MINUTES,
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
} from "@/lib/auth/security-settings";
import { releaseFailure, reserveFailure } from "@/lib/auth/throttle";
import type { Db } from "@/lib/db";

export type LoginResult =
  | { ok: true; userId: string; passwordChangedAt: Date; sessionVersion: number }
  | { ok: false; reason: "INVALID" | "THROTTLED" };

export type LoginAttempt = { username: string; password: string; address?: string | null | undefined };

const ADDRESS_MAX = 64;
const UNKNOWN_ADDRESS = "unknown";

/** The client address as the throttle keys it: bounded, never empty. */
export function throttleKey(address: string | null | undefined): string {
  const trimmed = (address ?? "").replace(/[^0-9A-Za-z.:_-]/g, "").slice(0, ADDRESS_MAX);
  return trimmed || UNKNOWN_ADDRESS;
}

/**
 * Verifies a credential pair, keeps the lockout counter of the account and the throttle of the
 * client address. Unknown, deactivated and locked accounts cost the same bcrypt and get the same
 * answer as a wrong password, so neither the time nor the text tells them apart; the holder of a
 * locked account learns it from the administrator (docs/decisions/008).
 */
export async function verifyLogin(db: Db, attempt: LoginAttempt, now = new Date()): Promise<LoginResult> {
  const { username, password } = attempt;
  const address = throttleKey(attempt.address);
  const anonymous = { kind: "anonymous", username } as const;

  const throttle = `ip:${address}`;
  const failures = await reserveFailure(db, throttle, ADDRESS_THROTTLE_WINDOW_MINUTES, now);
  if (failures > ADDRESS_THROTTLE_FAILURES) {
    // Only the attempt that crosses the limit is audited: a flood must not grow the log without bound.
    if (failures === ADDRESS_THROTTLE_FAILURES + 1) {
      await db.$transaction((tx) =>
        writeAudit(tx, anonymous, { action: "auth.login.throttled", entityId: username, after: { address, failures: ADDRESS_THROTTLE_FAILURES } }),
      );
    }
    return { ok: false, reason: "THROTTLED" };
  }

  const user = await db.user.findUnique({ where: { username } });
  if (!user) {
    await burnPasswordCheck(password);
    await db.$transaction((tx) => writeAudit(tx, anonymous, { action: "auth.login.failure", entityId: username, after: { address } }));
    return { ok: false, reason: "INVALID" };
  }

  const good = await verifyPassword(password, user.passwordHash);
  const asUser = { kind: "user", id: user.id, username: user.username } as const;
  if (!user.active) {
    await db.$transaction((tx) =>
      writeAudit(tx, asUser, { action: "auth.login.inactive", entityId: user.id, regionCode: user.regionCode, after: { address } }),
    );
    return { ok: false, reason: "INVALID" };
  }

  if (good) {
    // Cleared only while the account is not locked, in the same statement that checks it.
    const cleared = await db.$queryRaw<{ id: string }[]>`
      UPDATE app_user SET failed_login_count = 0, locked_until = NULL
      WHERE id = ${user.id}::uuid AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
      RETURNING id`;
    if (cleared.length === 1) {
      await releaseFailure(db, throttle);
      await db.$transaction((tx) =>
        writeAudit(tx, asUser, { action: "auth.login.success", entityId: user.id, regionCode: user.regionCode, after: { address } }),
      );
      return { ok: true, userId: user.id, passwordChangedAt: user.passwordChangedAt, sessionVersion: user.sessionVersion };
    }
  } else {
    // One statement reads and raises the count: parallel wrong passwords each count once, and a
    // locked account's counter does not move (the WHERE no longer matches once it is locked).
    const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    const counted = await db.$queryRaw<{ failed_login_count: number; locked_until: Date | null }[]>`
      UPDATE app_user SET
        failed_login_count = CASE WHEN failed_login_count + 1 >= ${LOCKOUT_THRESHOLD} THEN 0 ELSE failed_login_count + 1 END,
        locked_until = CASE WHEN failed_login_count + 1 >= ${LOCKOUT_THRESHOLD} THEN ${lockUntil}::timestamptz ELSE NULL END
      WHERE id = ${user.id}::uuid AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
      RETURNING failed_login_count, locked_until`;
    const row = counted[0];
    if (row) {
      const locks = row.locked_until !== null;
      const after = locks ? LOCKOUT_THRESHOLD : row.failed_login_count;
      await db.$transaction((tx) =>
        writeAudit(tx, asUser, {
          action: locks ? "auth.lockout" : "auth.login.failure",
          entityId: user.id,
          regionCode: user.regionCode,
          before: { failedLoginCount: after - 1 },
          after: { failedLoginCount: after, locked: locks, address },
        }),
      );
      return { ok: false, reason: "INVALID" };
    }
  }
  // The account is locked: the attempt is recorded, the counter stays, the answer is the usual one.
  await db.$transaction((tx) =>
    writeAudit(tx, asUser, { action: "auth.login.locked", entityId: user.id, regionCode: user.regionCode, after: { address, passwordMatched: good } }),
  );
  return { ok: false, reason: "INVALID" };
}
