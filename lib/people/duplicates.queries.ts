import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { regionWhere } from "@/lib/regions/scope";
import { isUuid } from "@/lib/uuid";
import { townshipOf } from "@/lib/people/possible-duplicates";

export const DUPLICATE_GROUPS_PAGE_SIZE = 20;

type GroupKey = { name: string; birth_date: Date; township: string };

/**
 * Records of the same name, birth date and township, none merged away: the county's list of
 * possible duplicates, a group per person, in township order. Flagged when a clerk registered one
 * beside the other, or when they came in by a list or the demo data.
 */
export async function listDuplicateGroups(actor: Actor, page: number) {
  const scope = `${actor.regionPath}/%`;
  const [counted, keys] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM (
        SELECT 1 FROM person p JOIN region r ON r.code = p.region_code
        WHERE p.merged_into_id IS NULL AND (r.path = ${actor.regionPath} OR r.path LIKE ${scope})
        GROUP BY p.name, p.birth_date, left(p.region_code, 9) HAVING count(*) > 1) g`,
    prisma.$queryRaw<GroupKey[]>`
      SELECT p.name, p.birth_date, left(p.region_code, 9) AS township FROM person p JOIN region r ON r.code = p.region_code
      WHERE p.merged_into_id IS NULL AND (r.path = ${actor.regionPath} OR r.path LIKE ${scope})
      GROUP BY p.name, p.birth_date, left(p.region_code, 9) HAVING count(*) > 1
      ORDER BY township, p.name, p.birth_date
      LIMIT ${DUPLICATE_GROUPS_PAGE_SIZE} OFFSET ${(page - 1) * DUPLICATE_GROUPS_PAGE_SIZE}`,
  ]);
  const total = counted[0]?.total ?? 0;
  if (keys.length === 0) return { total, pageSize: DUPLICATE_GROUPS_PAGE_SIZE, groups: [] };
  const [people, townships] = await Promise.all([
    prisma.person.findMany({
      where: { AND: [{ region: regionWhere(actor), mergedIntoId: null }, { OR: keys.map((k) => ({ name: k.name, birthDate: k.birth_date, regionCode: { startsWith: k.township } })) }] },
      select: { id: true, name: true, idNumber: true, birthDate: true, regionCode: true, createdAt: true, region: { select: { name: true } }, _count: { select: { claims: true, cases: true, identities: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma.region.findMany({ where: { code: { in: [...new Set(keys.map((k) => k.township))] } }, select: { code: true, name: true } }),
  ]);
  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const groups = keys.map((k) => ({
    key: `${k.township}:${k.name}:${k.birth_date.toISOString().slice(0, 10)}`,
    name: k.name,
    township: townshipName.get(k.township) ?? k.township,
    members: people.filter((p) => p.name === k.name && p.birthDate.getTime() === k.birth_date.getTime() && townshipOf(p.regionCode) === k.township),
  }));
  return { total, pageSize: DUPLICATE_GROUPS_PAGE_SIZE, groups };
}

/** Other records of the same name, birth date and township (for the person page's hint). */
export function possibleDuplicatesOf(actor: Actor, person: { id: string; name: string; birthDate: Date; regionCode: string }) {
  return prisma.person.findMany({
    where: { id: { not: person.id }, name: person.name, birthDate: person.birthDate, regionCode: { startsWith: townshipOf(person.regionCode) }, mergedIntoId: null, region: regionWhere(actor) },
    select: { id: true, idNumber: true },
    orderBy: { id: "asc" },
    take: 20,
  });
}

const SIDE_SELECT = {
  id: true,
  name: true,
  idNumber: true,
  birthDate: true,
  sex: true,
  regionCode: true,
  mergedIntoId: true,
  diedOn: true,
  createdAt: true,
  region: { select: { name: true, parent: { select: { name: true } } } },
  identities: { select: { id: true, type: true, validFrom: true, validTo: true }, orderBy: [{ validFrom: "asc" }, { id: "asc" }] },
  ledger: { select: { personId: true } },
  servicemanRecord: { select: { id: true, _count: { select: { family: true } } } },
  _count: { select: { claims: true, cases: true, identities: true, insuranceEnrollments: true, conditions: true, identityProposals: true, payouts: true } },
} satisfies Prisma.PersonSelect;

/** Both records of a merge as the county sees them before confirming; null when either is not theirs. */
export async function mergePreview(actor: Actor, keepId: string, mergeId: string) {
  if (!isUuid(keepId) || !isUuid(mergeId) || keepId === mergeId) return null;
  const [keep, merge] = await Promise.all([keepId, mergeId].map((id) => prisma.person.findFirst({ where: { id, region: regionWhere(actor) }, select: SIDE_SELECT })));
  if (!keep || !merge) return null;
  return { keep, merge };
}

/** Which record a duplicate was merged into, and which duplicates were merged into this one. */
export async function mergeLinks(actor: Actor, personId: string) {
  const row = await prisma.person.findFirst({
    where: { id: personId, region: regionWhere(actor) },
    select: {
      mergedAt: true,
      mergedInto: { select: { id: true, name: true, idNumber: true } },
      mergedFrom: { where: { region: regionWhere(actor) }, select: { id: true, name: true, idNumber: true, mergedAt: true }, orderBy: { mergedAt: "asc" } },
    },
  });
  return row ?? { mergedAt: null, mergedInto: null, mergedFrom: [] };
}
