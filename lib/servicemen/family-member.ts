import type { CommandActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/decide";
import type { Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/** The family member a link is about, in the bureau's county. */
export async function loadFamilyMember(tx: Tx, actor: CommandActor, personId: string) {
  const person = await tx.person.findUnique({ where: { id: personId }, include: { region: { select: { path: true } } } });
  if (!person || person.mergedIntoId) throw new NotFoundError({ action: "serviceman:manage", entity: "person", entityId: personId });
  assertCan(actor, "serviceman:manage", { entity: "person", id: person.id, regionPath: person.region.path });
  return person;
}

export async function loadServiceman(tx: Tx, actor: CommandActor, servicemanId: string) {
  const serviceman = await tx.serviceman.findUnique({ where: { id: servicemanId }, include: { region: { select: { path: true } } } });
  if (!serviceman) throw new NotFoundError({ action: "serviceman:manage", entity: "serviceman", entityId: servicemanId });
  assertCan(actor, "serviceman:manage", { entity: "serviceman", id: serviceman.id, regionPath: serviceman.region.path });
  return serviceman;
}
