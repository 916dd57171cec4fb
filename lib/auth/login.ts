import { writeAudit } from "@/lib/audit/write-audit";
import { verifyPassword } from "@/lib/auth/password";
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from "@/lib/auth/security-settings";
import type { Db } from "@/lib/db";

export type LoginResult =
  | { ok: true; userId: string; passwordChangedAt: Date }
  | { ok: false; reason: "INVALID" | "LOCKED" };

// Verifies a credential pair and keeps the lockout counter. A wrong password and an unknown
// username answer the same, so the form does not reveal which usernames exist.
export async function verifyLogin(db: Db, username: string, password: string, now = new Date()): Promise<LoginResult> {
  const user = await db.user.findUnique({ where: { username } });
  if (!user || !user.active) {
    await db.$transaction((tx) =>
      writeAudit(tx, { kind: "anonymous", username }, { action: "auth.login.failure", entityId: username }),
    );
    return { ok: false, reason: "INVALID" };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "LOCKED" };

  const good = await verifyPassword(password, user.passwordHash);
  if (good) {
    await db.$transaction(async (tx) => {
      if (user.failedLoginCount > 0 || user.lockedUntil) {
        await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
      }
      await writeAudit(tx, { kind: "user", id: user.id, username: user.username }, {
        action: "auth.login.success",
        entityId: user.id,
        regionCode: user.regionCode,
      });
    });
    return { ok: true, userId: user.id, passwordChangedAt: user.passwordChangedAt };
  }

  const failed = user.failedLoginCount + 1;
  const locks = failed >= LOCKOUT_THRESHOLD;
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        failedLoginCount: locks ? 0 : failed,
        lockedUntil: locks ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null,
      },
    });
    await writeAudit(tx, { kind: "user", id: user.id, username: user.username }, {
      action: locks ? "auth.lockout" : "auth.login.failure",
      entityId: user.id,
      regionCode: user.regionCode,
      before: { failedLoginCount: user.failedLoginCount },
      after: { failedLoginCount: locks ? 0 : failed, locked: locks },
    });
  });
  return { ok: false, reason: locks ? "LOCKED" : "INVALID" };
}
