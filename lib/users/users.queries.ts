import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { regionWhere } from "@/lib/regions/scope";
import { isUuid } from "@/lib/uuid";

const userSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  regionCode: true,
  active: true,
  lockedUntil: true,
  version: true,
  region: { select: { name: true, level: true } },
} as const;

export function listUsers(actor: Actor) {
  return prisma.user.findMany({ where: { region: regionWhere(actor) }, orderBy: [{ regionCode: "asc" }, { username: "asc" }], select: userSelect });
}

export function getUser(actor: Actor, id: string) {
  if (!isUuid(id)) return Promise.resolve(null);
  return prisma.user.findFirst({ where: { id, region: regionWhere(actor) }, select: userSelect });
}

export function countUsers(actor: Actor) {
  return prisma.user.count({ where: { region: regionWhere(actor) } });
}

/** Regions a user can be assigned to: the actor's county and its current townships (and `keep`, the user's own). */
export function listAssignableRegions(actor: Actor, keep?: string) {
  return prisma.region.findMany({
    where: { AND: [regionWhere(actor), { level: { in: ["COUNTY", "TOWNSHIP"] } }, { OR: [{ retiredAt: null }, ...(keep ? [{ code: keep }] : [])] }] },
    orderBy: { code: "asc" },
    select: { code: true, name: true, level: true },
  });
}
