import { assertCan } from "@/lib/auth/decide";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError } from "@/lib/errors";
import { resetPasswordSchema } from "@/lib/users/users.schema";

// A reset also unlocks the account; its holder must choose a new password at the next sign-in.
export const resetPassword = defineCommand({ permission: "user:reset-password", schema: resetPasswordSchema }, async (tx, input, { actor, requestId }) => {
  const user = await tx.user.findUnique({ where: { id: input.id }, include: { region: { select: { path: true } } } });
  if (!user) throw new NotFoundError({ action: "user:reset-password", entity: "user", entityId: input.id });
  assertCan(actor, "user:reset-password", { entity: "user", id: user.id, regionPath: user.region.path, state: user.active ? "ACTIVE" : "INACTIVE" });
  await tx.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(), mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, version: { increment: 1 } },
  });
  await writeAudit(tx, actor, {
    action: "user.resetPassword",
    entityId: user.id,
    regionCode: user.regionCode,
    before: { locked: Boolean(user.lockedUntil) },
    after: { locked: false, mustChangePassword: true },
  }, requestId);
  return { id: user.id };
});
