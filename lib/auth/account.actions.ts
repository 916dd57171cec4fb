"use server";

import { defineAction } from "@/lib/action";
import { changePasswordSchema, PASSWORD_FIELD_LABELS } from "@/lib/auth/account.schema";
import { signIn } from "@/lib/auth/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";

export const changePasswordAction = defineAction(
  { permission: "account:self", schema: changePasswordSchema, fieldLabels: PASSWORD_FIELD_LABELS },
  async (input, { actor, requestId }) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
    if (!(await verifyPassword(input.current, user.passwordHash))) throw new DomainError("account.currentWrong");
    const passwordHash = await hashPassword(input.next);
    await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: actor.id },
        data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, version: { increment: 1 } },
      });
      await writeAudit(tx, actor, { action: "user.changePassword", entity: "user", entityId: actor.id, regionCode: actor.regionCode }, requestId);
    });
    // Every older session (other browsers included) ends with the change; this one signs in anew.
    await signIn("credentials", { username: actor.username, password: input.next, redirectTo: "/account/password?changed=1" });
    return null;
  },
);
