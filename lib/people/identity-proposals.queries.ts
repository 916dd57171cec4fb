import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { regionWhere } from "@/lib/regions/scope";
import { isUuid } from "@/lib/uuid";

const LIST_SELECT = {
  id: true,
  type: true,
  validFrom: true,
  reason: true,
  attachment: true,
  state: true,
  proposedBy: true,
  proposedAt: true,
  person: { select: { id: true, name: true, idNumber: true, region: { select: { name: true, parent: { select: { name: true } } } } } },
} as const;

/** Proposals waiting for the bureau, oldest first, in its county. */
export async function pendingProposals(actor: Actor, bureau: Role, take = 200) {
  return prisma.identityProposal.findMany({
    where: { bureau, state: "PENDING", person: { region: regionWhere(actor) } },
    select: LIST_SELECT,
    orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    take,
  });
}

export async function countPendingProposals(actor: Actor, bureau: Role) {
  return prisma.identityProposal.count({ where: { bureau, state: "PENDING", person: { region: regionWhere(actor) } } });
}

/** One proposal whose person is in the actor's region; null otherwise (the page says 404). */
export async function getProposal(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return prisma.identityProposal.findFirst({
    where: { id, person: { region: regionWhere(actor) } },
    include: {
      person: { select: { id: true, name: true, idNumber: true, sex: true, birthDate: true, region: { select: { name: true, parent: { select: { name: true } } } } } },
      identity: { select: { id: true, certificate: true } },
    },
  });
}

/** A person's proposals, newest first (the person is already in scope). */
export async function personProposals(personId: string) {
  return prisma.identityProposal.findMany({ where: { personId }, orderBy: [{ proposedAt: "desc" }, { id: "desc" }], take: 50 });
}
