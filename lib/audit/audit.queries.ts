import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

// Division codes nest by prefix (county 140322 → township 140322100 → village 140322100201), so
// an audit row's region is in scope when its code starts with the actor's.
export async function listAudit(actor: Actor, page: number) {
  const where = { regionCode: { startsWith: actor.regionCode } };
  const [total, rows] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { total, rows, pageSize: AUDIT_PAGE_SIZE };
}
