import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { assertAssignableRegion } from "@/lib/users/assignable-region";
import { userSnapshot } from "@/lib/users/user-audit";
import { updateUserSchema } from "@/lib/users/users.schema";

export const updateUser = defineCommand({ permission: "user:update", schema: updateUserSchema }, async (tx, input, { actor, requestId }) => {
  const before = await tx.user.findUnique({ where: { id: input.id }, include: { region: { select: { path: true } } } });
  if (!before) throw new NotFoundError({ action: "user:update", entity: "user", entityId: input.id });
  assertCan(actor, "user:update", { entity: "user", id: before.id, regionPath: before.region.path });
  // An administrator cannot lock themselves out and leave the county with nobody to manage it.
  if (actor.kind === "user" && input.id === actor.id && !input.active) throw new DomainError("users.cannotDeactivateSelf");
  await assertAssignableRegion(tx, actor, "user:update", input.role, input.regionCode, before.regionCode);
  // Optimistic lock: two admins editing the same user cannot both win.
  const { count } = await tx.user.updateMany({
    where: { id: input.id, version: input.version },
    data: { displayName: input.displayName, role: input.role, regionCode: input.regionCode, active: input.active, version: { increment: 1 } },
  });
  if (count !== 1) throw new ConflictError();
  const after = { ...before, displayName: input.displayName, role: input.role, regionCode: input.regionCode, active: input.active };
  await writeAudit(tx, actor, { action: "user.update", entityId: before.id, regionCode: input.regionCode, before: userSnapshot(before), after: userSnapshot(after) }, requestId);
  return { id: before.id };
});
