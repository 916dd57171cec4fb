"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_REGION_LEVEL } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit";
import { prisma, type Tx } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { regionWhere } from "@/lib/regions/scope";
import { createUserSchema, resetPasswordSchema, updateUserSchema, USER_FIELD_LABELS } from "@/lib/users/users.schema";

async function assertAssignable(tx: Tx, actor: Actor, role: Role, regionCode: string) {
  const region = await tx.region.findFirst({ where: { AND: [{ code: regionCode }, regionWhere(actor)] } });
  if (!region) throw new DomainError("users.regionOutOfScope");
  if (region.level !== ROLE_REGION_LEVEL[role]) throw new DomainError("users.regionLevelMismatch");
}

const audited = (u: { username: string; displayName: string; role: Role; regionCode: string; active: boolean }) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  regionCode: u.regionCode,
  active: u.active,
});

export const createUserAction = defineAction(
  { permission: "user:manage", schema: createUserSchema, fieldLabels: USER_FIELD_LABELS },
  async (input, { actor, requestId }) => {
    const passwordHash = await hashPassword(input.password);
    const user = await prisma.$transaction(async (tx) => {
      await assertAssignable(tx, actor, input.role, input.regionCode);
      if (await tx.user.findUnique({ where: { username: input.username } })) throw new DomainError("users.usernameTaken");
      const created = await tx.user.create({
        data: { username: input.username, displayName: input.displayName, role: input.role, regionCode: input.regionCode, passwordHash, mustChangePassword: true },
      });
      await writeAudit(tx, actor, { action: "user.create", entity: "user", entityId: created.id, regionCode: created.regionCode, after: audited(created) }, requestId);
      return created;
    });
    revalidatePath("/admin/users");
    return { id: user.id, username: user.username };
  },
);

export const updateUserAction = defineAction(
  { permission: "user:manage", schema: updateUserSchema, fieldLabels: USER_FIELD_LABELS },
  async (input, { actor, requestId }) => {
    if (input.id === actor.id && !input.active) throw new DomainError("users.cannotDeactivateSelf");
    await prisma.$transaction(async (tx) => {
      const before = await tx.user.findFirst({ where: { id: input.id, region: regionWhere(actor) } });
      if (!before) throw new NotFoundError();
      await assertAssignable(tx, actor, input.role, input.regionCode);
      // Optimistic lock: two admins editing the same user cannot both win.
      const { count } = await tx.user.updateMany({
        where: { id: input.id, version: input.version },
        data: { displayName: input.displayName, role: input.role, regionCode: input.regionCode, active: input.active, version: { increment: 1 } },
      });
      if (count !== 1) throw new ConflictError();
      const after = { ...before, displayName: input.displayName, role: input.role, regionCode: input.regionCode, active: input.active };
      await writeAudit(tx, actor, { action: "user.update", entity: "user", entityId: before.id, regionCode: input.regionCode, before: audited(before), after: audited(after) }, requestId);
    });
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${input.id}`);
    return null;
  },
);

export const resetPasswordAction = defineAction(
  { permission: "user:manage", schema: resetPasswordSchema, fieldLabels: USER_FIELD_LABELS },
  async (input, { actor, requestId }) => {
    const passwordHash = await hashPassword(input.password);
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.findFirst({ where: { id: input.id, region: regionWhere(actor) } });
      if (!user) throw new NotFoundError();
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, version: { increment: 1 } },
      });
      await writeAudit(tx, actor, {
        action: "user.resetPassword",
        entity: "user",
        entityId: user.id,
        regionCode: user.regionCode,
        before: { locked: Boolean(user.lockedUntil) },
        after: { locked: false, mustChangePassword: true },
      }, requestId);
    });
    revalidatePath(`/admin/users/${input.id}`);
    return null;
  },
);
