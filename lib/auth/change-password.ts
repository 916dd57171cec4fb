import { changePasswordSchema } from "@/lib/auth/account.schema";
import { assertCan } from "@/lib/auth/decide";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { CURRENT_PASSWORD_FAILURES, CURRENT_PASSWORD_WINDOW_MINUTES } from "@/lib/auth/security-settings";
import { clearFailures, reserveFailure } from "@/lib/auth/throttle";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError, ForbiddenError } from "@/lib/errors";

export type ChangePasswordResult = { changed: true; username: string } | { changed: false };

/**
 * A signed-in user changes their own password; every older session ends with it
 * (lib/auth/session.ts). The current password is a guessable secret like a sign-in: each wrong
 * one is counted (per user, in the database) and audited, and the check is refused once the count
 * passes CURRENT_PASSWORD_FAILURES. A wrong one commits its count and audit row and returns
 * `changed: false` (a thrown refusal would roll both back); the action shows it as an error.
 */
export const changePassword = defineCommand({ permission: "account:self", schema: changePasswordSchema }, async (tx, input, { actor, requestId }): Promise<ChangePasswordResult> => {
  if (actor.kind !== "user") throw new ForbiddenError({ action: "account:self" });
  const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, include: { region: { select: { path: true } } } });
  assertCan(actor, "account:self", { entity: "user", id: user.id, regionPath: user.region.path });
  const key = `pw:${user.id}`;
  const failures = await reserveFailure(tx, key, CURRENT_PASSWORD_WINDOW_MINUTES, new Date());
  if (failures > CURRENT_PASSWORD_FAILURES) throw new DomainError("account.tooManyAttempts");
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    await writeAudit(tx, actor, { action: "account.currentPasswordWrong", entityId: actor.id, regionCode: user.regionCode, after: { failures } }, requestId);
    return { changed: false };
  }
  await clearFailures(tx, key);
  await tx.user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(input.next), passwordChangedAt: new Date(), mustChangePassword: false, version: { increment: 1 } },
  });
  await writeAudit(tx, actor, { action: "user.changePassword", entityId: actor.id, regionCode: user.regionCode }, requestId);
  return { changed: true, username: user.username };
});
