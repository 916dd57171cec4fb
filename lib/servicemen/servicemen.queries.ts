import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { regionWhere } from "@/lib/regions/scope";
import { escapeLike } from "@/lib/text-input";
import { isUuid } from "@/lib/uuid";

export const SERVICEMEN_PAGE_SIZE = 20;

/** The county's serviceman records, by name (his person record's where he is on the register). */
export async function listServicemen(actor: Actor, search: { q?: string | undefined; page: number }) {
  const where: Prisma.ServicemanWhereInput = {
    region: regionWhere(actor),
    ...(search.q ? { OR: [{ name: { contains: escapeLike(search.q) } }, { person: { name: { contains: escapeLike(search.q) } } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.serviceman.count({ where }),
    prisma.serviceman.findMany({
      where,
      orderBy: [{ personId: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
      skip: (search.page - 1) * SERVICEMEN_PAGE_SIZE,
      take: SERVICEMEN_PAGE_SIZE,
      select: { id: true, name: true, kind: true, diedOn: true, certificate: true, hukouProvince: true, person: { select: { name: true, hukouProvince: true } }, _count: { select: { family: true } } },
    }),
  ]);
  return { total, rows, pageSize: SERVICEMEN_PAGE_SIZE };
}

/** One record of the actor's county, with the family members the actor may see. */
export async function getServiceman(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return prisma.serviceman.findFirst({
    where: { id, region: regionWhere(actor) },
    include: {
      region: { select: { name: true } },
      person: { select: { id: true, name: true, idNumber: true, hukouProvince: true, diedOn: true, region: { select: { path: true } } } },
      family: {
        where: { region: regionWhere(actor), mergedIntoId: null },
        select: { id: true, name: true, idNumber: true, relationToServiceman: true, region: { select: { name: true, parent: { select: { name: true } } } } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      },
    },
  });
}

/** Records of servicemen on no register, for the link form (one on the register is named by his ID number). */
export async function servicemanOptions(actor: Actor) {
  return prisma.serviceman.findMany({
    where: { region: regionWhere(actor), personId: null },
    select: { id: true, name: true, kind: true, certificate: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
}

/** A family member's serviceman, read through the member (already in the actor's scope). */
export async function servicemanOfMember(servicemanId: string) {
  return prisma.serviceman.findUnique({
    where: { id: servicemanId },
    include: { person: { select: { id: true, name: true, idNumber: true, hukouProvince: true, diedOn: true, region: { select: { path: true } } } } },
  });
}

/** The record's own audit rows (created, corrected), newest first. */
export async function servicemanHistory(id: string, take = 50) {
  return prisma.auditLog.findMany({ where: { entity: "serviceman", entityId: id }, select: { id: true, action: true, actorName: true, at: true }, orderBy: { id: "desc" }, take });
}
