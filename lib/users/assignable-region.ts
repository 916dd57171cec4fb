import type { CommandActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/decide";
import type { Permission } from "@/lib/auth/permissions";
import { ROLE_REGION_LEVEL } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * A role is given at its own level (a clerk at a township, a bureau at the county) inside the actor's
 * region, and in a current one: a township a reload retired keeps its users (`current`) but gets no new one.
 */
export async function assertAssignableRegion(tx: Tx, actor: CommandActor, permission: Permission, role: Role, regionCode: string, current?: string) {
  const region = await tx.region.findUnique({ where: { code: regionCode } });
  if (!region) throw new DomainError("users.regionOutOfScope");
  assertCan(actor, permission, { entity: "region", id: region.code, regionPath: region.path });
  if (region.level !== ROLE_REGION_LEVEL[role]) throw new DomainError("users.regionLevelMismatch");
  if (region.retiredAt && region.code !== current) throw new DomainError("users.regionRetired");
  return region;
}
