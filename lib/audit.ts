import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: string;
  regionCode?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

type AuditActor = Pick<Actor, "id" | "username"> | { id: null; username: string };

// Written in the same transaction as the change it records; the table refuses UPDATE and DELETE.
export async function writeAudit(tx: Tx, actor: AuditActor, entry: AuditEntry, requestId?: string): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorName: actor.username,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      regionCode: entry.regionCode ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      requestId: requestId ?? null,
    },
  });
}
