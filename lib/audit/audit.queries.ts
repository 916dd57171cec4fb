import "server-only";
import type { Actor, CommandActor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import type { AuditFilter } from "@/lib/audit/audit.schema";
import { prisma, type Db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { regionWhere } from "@/lib/regions/scope";
import { escapeLike } from "@/lib/text-input";

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one export holds; narrow the filter for more. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

/** The start of a day in Beijing time (the county's day), as the instant it is. */
function beijingDayStart(day: string, plusDays = 0): Date {
  const start = new Date(`${day}T00:00:00+08:00`);
  return new Date(start.getTime() + plusDays * 86_400_000);
}

/**
 * The same region rule as every other query (the row's region at or below the actor's), plus the
 * deployment-wide rows that belong to no region — a sign-in attempt for a name that is no account,
 * the demo seed — which every county's auditors and administrators see (docs/decisions/006).
 */
export function auditWhere(actor: CommandActor, filter: AuditFilter = {}): Prisma.AuditLogWhereInput {
  if (actor.kind !== "user" || !hasPermission(actor.role, "audit:read")) return { id: { lt: 0 } };
  const and: Prisma.AuditLogWhereInput[] = [{ OR: [{ region: regionWhere(actor) }, { regionCode: null }] }];
  if (filter.actor) and.push({ actorName: { contains: escapeLike(filter.actor) } });
  if (filter.action) and.push({ action: filter.action });
  if (filter.entity) and.push({ entity: filter.entity });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  if (filter.from) and.push({ at: { gte: beijingDayStart(filter.from) } });
  if (filter.to) and.push({ at: { lt: beijingDayStart(filter.to, 1) } });
  return { AND: and };
}

export async function listAudit(actor: Actor, page: number, filter: AuditFilter = {}) {
  const where = auditWhere(actor, filter);
  const [total, rows] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { total, rows, pageSize: AUDIT_PAGE_SIZE };
}

export function exportAuditRows(db: Db | Tx, actor: CommandActor, filter: AuditFilter) {
  return db.auditLog.findMany({ where: auditWhere(actor, filter), orderBy: { id: "desc" }, take: AUDIT_EXPORT_MAX_ROWS });
}
