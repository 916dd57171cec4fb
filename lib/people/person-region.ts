import type { CommandActor } from "@/lib/auth/actor";
import { assertCan, type EntityKind } from "@/lib/auth/decide";
import type { Permission } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";

/**
 * A person's household registration is a township or one of its villages, inside the actor's
 * region. An unknown code is the same "not found" as one outside the region, so codes of other
 * counties cannot be probed.
 */
export async function assertPersonRegion(tx: Tx, actor: CommandActor, permission: Permission, entity: Extract<EntityKind, "region" | "person">, regionCode: string) {
  const region = await tx.region.findUnique({ where: { code: regionCode }, select: { code: true, path: true, level: true, retiredAt: true } });
  if (!region) throw new NotFoundError({ action: permission, entity: "region", entityId: regionCode });
  assertCan(actor, permission, { entity, id: region.code, regionPath: region.path });
  if (region.level !== "TOWNSHIP" && region.level !== "VILLAGE") throw new ValidationError([{ path: ["regionCode"], message: "validation.personRegion" }]);
  // Callers check only a new region: a person already in a retired one stays there until moved.
  if (region.retiredAt) throw new ValidationError([{ path: ["regionCode"], message: "validation.regionRetired" }]);
  return region;
}

/** The same ID number twice is one person registered twice: refused at the field. */
export async function assertIdNumberFree(tx: Tx, idNumber: string, exceptId: string | null) {
  const holder = await tx.person.findUnique({ where: { idNumber }, select: { id: true } });
  if (holder && holder.id !== exceptId) throw new ValidationError([{ path: ["idNumber"], message: "validation.idNumberTaken" }]);
}
