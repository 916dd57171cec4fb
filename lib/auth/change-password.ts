import { changePasswordSchema } from "@/lib/auth/account.schema";
import { assertCan } from "@/lib/auth/decide";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError, ForbiddenError } from "@/lib/errors";

// A signed-in user changes their own password; every older session ends with it (lib/auth/session.ts).
export const changePassword = defineCommand({ permission: "account:self", schema: changePasswordSchema }, async (tx, input, { actor, requestId }) => {
  if (actor.kind !== "user") throw new ForbiddenError({ action: "account:self" });
  const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, include: { region: { select: { path: true } } } });
  assertCan(actor, "account:self", { entity: "user", id: user.id, regionPath: user.region.path });
  if (!(await verifyPassword(input.current, user.passwordHash))) throw new DomainError("account.currentWrong");
  await tx.user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(input.next), passwordChangedAt: new Date(), mustChangePassword: false, version: { increment: 1 } },
  });
  await writeAudit(tx, actor, { action: "user.changePassword", entityId: actor.id, regionCode: user.regionCode }, requestId);
  return { username: user.username };
});
