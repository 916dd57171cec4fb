import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { regionWhere } from "@/lib/regions/scope";
import { isUuid } from "@/lib/uuid";

/**
 * A household in the actor's region, with the members the actor may see (a merged duplicate is
 * no member any more); head first. Outside the region: null, and the page says 404.
 */
export async function getHousehold(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return prisma.household.findFirst({
    where: { id, region: regionWhere(actor) },
    include: {
      region: { select: { code: true, name: true, parent: { select: { name: true } } } },
      members: {
        where: { region: regionWhere(actor), mergedIntoId: null },
        select: { id: true, name: true, idNumber: true, sex: true, birthDate: true, relationToHead: true, diedOn: true, movedOutOn: true },
        orderBy: [{ relationToHead: "asc" }, { name: "asc" }, { id: "asc" }],
      },
    },
  });
}

/** Where a household of this township may lie: the township and its current villages (and the one it is in). */
export async function householdRegionOptions(actor: Actor, regionCode: string) {
  return prisma.region.findMany({
    where: { level: { in: ["TOWNSHIP", "VILLAGE"] }, code: { startsWith: regionCode.slice(0, 9) }, ...regionWhere(actor), AND: [{ OR: [{ retiredAt: null }, { code: regionCode }] }] },
    select: { code: true, name: true, level: true, parent: { select: { name: true } } },
    orderBy: { code: "asc" },
  });
}
