import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { regionWhere } from "@/lib/regions/scope";
import { cleanText, escapeLike } from "@/lib/text-input";
import { isUuid } from "@/lib/uuid";

export const HOSPITALS_PAGE_SIZE = 20;

export const hospitalSearchSchema = z.object({
  q: z.string().trim().pipe(cleanText(40)).optional().default(""),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});
export type HospitalSearch = z.output<typeof hospitalSearchSchema>;

// The administrator keeps the entries of the county (and its townships); the city's and the
// province's hospitals, which the county's patients use too, are listed for reference and kept by
// those regions' administrators.
function ancestorPaths(actor: Actor): string[] {
  const codes = actor.regionPath.split("/");
  return codes.slice(0, -1).map((_, i) => codes.slice(0, i + 1).join("/"));
}

function listWhere(actor: Actor, q: string): Prisma.HospitalWhereInput {
  const parts: Prisma.HospitalWhereInput[] = [{ region: { OR: [...regionWhere(actor).OR, { path: { in: ancestorPaths(actor) } }] } }];
  if (q) parts.push({ OR: [{ name: { contains: escapeLike(q) } }, { code: { startsWith: escapeLike(q.toUpperCase()) } }] });
  return { AND: parts };
}

export async function listHospitals(actor: Actor, search: HospitalSearch) {
  const where = listWhere(actor, search.q);
  const [total, rows] = await Promise.all([
    prisma.hospital.count({ where }),
    prisma.hospital.findMany({
      where,
      orderBy: [{ code: "asc" }],
      skip: (search.page - 1) * HOSPITALS_PAGE_SIZE,
      take: HOSPITALS_PAGE_SIZE,
      include: { region: { select: { name: true, path: true } } },
    }),
  ]);
  return { total, pageSize: HOSPITALS_PAGE_SIZE, rows: rows.map((r) => ({ ...r, editable: r.region.path === actor.regionPath || r.region.path.startsWith(`${actor.regionPath}/`) })) };
}

/** An entry the administrator keeps; another region's is not found. */
export function getHospital(actor: Actor, id: string) {
  if (!isUuid(id)) return Promise.resolve(null);
  return prisma.hospital.findFirst({ where: { id, region: regionWhere(actor) } });
}

/** Where an entry may be placed: the county and its townships. */
export function hospitalRegionOptions(actor: Actor) {
  return prisma.region.findMany({
    where: { AND: [regionWhere(actor), { level: { in: ["COUNTY", "TOWNSHIP"] } }] },
    orderBy: { code: "asc" },
    select: { code: true, name: true, level: true },
  });
}

/** The province letters the county's own entries mostly carry (SX, CQ): the new-entry form's default. */
export async function countyProvince(actor: Actor): Promise<string> {
  const rows = await prisma.hospital.groupBy({ by: ["province"], where: { region: regionWhere(actor) }, _count: { _all: true }, orderBy: { _count: { province: "desc" } }, take: 1 });
  return rows[0]?.province ?? "";
}
