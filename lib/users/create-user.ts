import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError } from "@/lib/errors";
import { assertAssignableRegion } from "@/lib/users/assignable-region";
import { userSnapshot } from "@/lib/users/user-audit";
import { createUserSchema } from "@/lib/users/users.schema";

// The administrator creates an account in their county; its holder must choose a new password.
export const createUser = defineCommand({ permission: "user:create", schema: createUserSchema }, async (tx, input, { actor, requestId }) => {
  await assertAssignableRegion(tx, actor, "user:create", input.role, input.regionCode);
  if (await tx.user.findUnique({ where: { username: input.username } })) throw new DomainError("users.usernameTaken");
  const created = await tx.user.create({
    data: {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      regionCode: input.regionCode,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
    },
  });
  await writeAudit(tx, actor, { action: "user.create", entityId: created.id, regionCode: created.regionCode, after: userSnapshot(created) }, requestId);
  return { id: created.id, username: created.username };
});
