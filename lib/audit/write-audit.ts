import type { Actor, SystemActor } from "@/lib/auth/actor";
import { AUDIT_EVENTS, AUDIT_TEXT_MAX, type AuditAction, type AuditEvent } from "@/lib/audit/audit-events";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who did it: a user, a job (the system), an import (a job applying a batch), or nobody signed in. */
export type AuditActor = Pick<Actor, "kind" | "id" | "username"> | SystemActor | { kind: "anonymous"; username: string };

/** Free text from outside (a user name typed at the login form) is cut, never stored whole. */
export function boundText(text: string, max: number): string {
  const chars = Array.from(text.replace(/\u0000/g, ""));
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function actorColumns(actor: AuditActor) {
  switch (actor.kind) {
    case "user":
      return { actorType: "USER", actorId: actor.id, actorName: actor.username, jobId: null, batchId: null } as const;
    case "system":
      return actor.batchId
        ? ({ actorType: "IMPORT", actorId: null, actorName: boundText(`import:${actor.job}`, AUDIT_TEXT_MAX.actorName), jobId: actor.jobId, batchId: actor.batchId } as const)
        : ({ actorType: "SYSTEM", actorId: null, actorName: boundText(`system:${actor.job}`, AUDIT_TEXT_MAX.actorName), jobId: actor.jobId, batchId: null } as const);
    case "anonymous":
      return { actorType: "ANONYMOUS", actorId: null, actorName: boundText(actor.username, AUDIT_TEXT_MAX.actorName), jobId: null, batchId: null } as const;
  }
}

function checked(action: AuditAction, part: "before" | "after", value: unknown): Prisma.InputJsonValue | undefined {
  const schema = (AUDIT_EVENTS[action] as { before?: { parse(v: unknown): unknown }; after?: { parse(v: unknown): unknown } })[part];
  if (!schema) {
    if (value !== undefined) throw new Error(`audit ${action} takes no ${part}`);
    return undefined;
  }
  return schema.parse(value) as Prisma.InputJsonValue;
}

/**
 * Written in the same transaction as the change it records (the table refuses UPDATE, DELETE and
 * TRUNCATE). The payload is checked against its action's shape, so a row can never hold more, or
 * other, than its action allows.
 */
export async function writeAudit(tx: Tx, actor: AuditActor, event: AuditEvent, requestId?: string | null): Promise<void> {
  const e = event as { action: AuditAction; entityId: string; regionCode?: string | null; before?: unknown; after?: unknown };
  await tx.auditLog.create({
    data: {
      ...actorColumns(actor),
      action: e.action,
      entity: AUDIT_EVENTS[e.action].entity,
      entityId: boundText(e.entityId, AUDIT_TEXT_MAX.entityId),
      regionCode: e.regionCode ?? null,
      before: checked(e.action, "before", e.before),
      after: checked(e.action, "after", e.after),
      requestId: requestId ?? null,
    },
  });
}
