import { assertCan } from "@/lib/auth/decide";
import type { CommandActor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Relation } from "@/lib/generated/prisma/enums";

/**
 * The household, locked for the rest of the transaction (FOR UPDATE), so that two clerks changing
 * its members are taken one after the other: the one-head check sees the other's change.
 */
export async function lockHousehold(tx: Tx, actor: CommandActor, householdId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM household WHERE id = ${householdId}::uuid FOR UPDATE`;
  const household = locked.length === 1 ? await tx.household.findUnique({ where: { id: householdId }, include: { region: { select: { path: true } } } }) : null;
  if (!household) throw new NotFoundError({ action: "household:update", entity: "household", entityId: householdId });
  assertCan(actor, "household:update", { entity: "household", id: household.id, regionPath: household.region.path });
  return household;
}

/** A member of this household (a person of another household, or out of reach, is not found). */
export async function loadMember(tx: Tx, actor: CommandActor, householdId: string, personId: string) {
  const person = await tx.person.findUnique({ where: { id: personId }, include: { region: { select: { path: true } } } });
  if (!person || person.householdId !== householdId || person.mergedIntoId) throw new NotFoundError({ action: "household:update", entity: "person", entityId: personId });
  assertCan(actor, "household:update", { entity: "person", id: person.id, regionPath: person.region.path });
  return person;
}

/** At most one head: a second one is refused at the field, naming who is head now. */
export async function assertHeadFree(tx: Tx, householdId: string, relation: Relation, exceptId: string | null) {
  if (relation !== "HEAD") return;
  const head = await tx.person.findFirst({ where: { householdId, relationToHead: "HEAD", mergedIntoId: null, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  if (head) throw new ValidationError([{ path: ["relationToHead"], message: "validation.householdHasHead" }]);
}

/** What the audit log keeps of a person's place in a household. */
export function membership(p: { householdId: string | null; relationToHead: Relation }) {
  return { householdId: p.householdId, relationToHead: p.relationToHead };
}
