import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { regionWhere } from "@/lib/regions/scope";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The same region rule as every other query (the row's region at or below the actor's), plus the
 * deployment-wide rows that belong to no region — a sign-in attempt for a name that is no account,
 * the demo seed — which every county's auditors and administrators see (docs/decisions/006).
 */
export function auditWhere(actor: Actor): Prisma.AuditLogWhereInput {
  if (!hasPermission(actor.role, "audit:read")) return { id: { lt: 0 } };
  return { OR: [{ region: regionWhere(actor) }, { regionCode: null }] };
}

export async function listAudit(actor: Actor, page: number) {
  const where = auditWhere(actor);
  const [total, rows] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { total, rows, pageSize: AUDIT_PAGE_SIZE };
}
