import { z } from "zod";
import { writeAudit } from "@/lib/audit/write-audit";
import type { SessionClaims } from "@/lib/auth/session-standing";
import { defineCommand } from "@/lib/command";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";

/**
 * Signing out ends the session on the server: the account's session version is raised, so this
 * cookie (and every other issued before) no longer opens a page or renews (lib/auth/session.ts).
 */
export const logout = defineCommand({ permission: "account:self", schema: z.object({}) }, async (tx, _input, { actor, requestId }) => {
  if (actor.kind !== "user") throw new ForbiddenError({ action: "account:self" });
  const user = await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } }, select: { regionCode: true } });
  await writeAudit(tx, actor, { action: "auth.logout", entityId: actor.id, regionCode: user.regionCode }, requestId);
});

/**
 * A session past its lifetime, seen on a request: audited once and revoked in one statement (the
 * version moves only if it still is the cookie's, so parallel requests with the same cookie write
 * one row).
 */
export async function endExpiredSession(db: Db, claims: SessionClaims): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ username: string; region_code: string }[]>`
      UPDATE app_user SET session_version = session_version + 1
      WHERE id = ${claims.uid}::uuid AND session_version = ${claims.sv}
      RETURNING username, region_code`;
    const row = rows[0];
    if (!row) return;
    await writeAudit(tx, { kind: "user", id: claims.uid, username: row.username }, {
      action: "auth.session.expired",
      entityId: claims.uid,
      regionCode: row.region_code,
      after: { signedInAt: new Date(claims.loginAt).toISOString() },
    });
  });
}
