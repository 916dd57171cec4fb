import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { codesUnder, regionWhere } from "@/lib/regions/scope";
import { chinaToday } from "@/lib/roster/roster-dates";
import { escapeLike } from "@/lib/text-input";
import { isUuid } from "@/lib/uuid";
import type { PeopleSearch } from "@/lib/people/people.schema";

export const PEOPLE_PAGE_SIZE = 20;

const FULL_ID_NUMBER = /^\d{17}[\dXx]$/;

function nameOrNumber(q: string): Prisma.PersonWhereInput {
  // A full ID number is an exact lookup; anything else matches a name or the last digits of an ID.
  if (FULL_ID_NUMBER.test(q)) return { idNumber: q.toUpperCase() };
  // Exactly the last 4 (shown on the list anyway): longer suffixes would let a user read the
  // hidden birth-date digits one search at a time.
  if (/^\d{3}[\dXx]$/.test(q)) return { idNumber: { endsWith: q.toUpperCase() } };
  // Latin letters are pinyin initials (zsf finds 张三丰), or a name written in letters.
  if (/^[a-zA-Z]{1,20}$/.test(q)) return { OR: [{ nameInitials: { startsWith: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" } }] };
  return { name: { contains: escapeLike(q) } };
}

function statusWhere(search: PeopleSearch, today: Date): Prisma.PersonWhereInput {
  const type: Prisma.PersonIdentityWhereInput = search.identity ? { type: search.identity } : {};
  const covering: Prisma.PersonIdentityWhereInput = { ...type, validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] };
  const alive: Prisma.PersonWhereInput = { diedOn: null };
  const stillHere: Prisma.PersonWhereInput = { OR: [{ movedOutOn: null }, { movedOutOn: { gt: today } }] };
  switch (search.status) {
    // Holds the identity today, alive and still registered in the county.
    case "current":
      return { AND: [alive, stillHere, { identities: { some: covering } }] };
    // Held it once; today not any more (its period ended, or the person moved out).
    case "ended":
      return { AND: [alive, { identities: { some: type } }, { OR: [{ movedOutOn: { lte: today } }, { identities: { none: covering } }] }] };
    case "deceased":
      return { AND: [{ diedOn: { not: null } }, ...(search.identity ? [{ identities: { some: type } }] : [])] };
    case undefined:
      return search.identity ? { identities: { some: type } } : {};
  }
}

function searchWhere(actor: Actor, search: PeopleSearch, today: Date): Prisma.PersonWhereInput {
  // A merged duplicate lives on only in the kept record's history.
  const parts: Prisma.PersonWhereInput[] = [{ region: regionWhere(actor), mergedIntoId: null }, statusWhere(search, today)];
  if (search.township) parts.push({ regionCode: codesUnder(search.township) });
  if (search.village) parts.push({ regionCode: search.village });
  if (search.q) parts.push(nameOrNumber(search.q));
  return { AND: parts };
}

const LIST_ORDER: Prisma.PersonOrderByWithRelationInput[] = [{ regionCode: "asc" }, { name: "asc" }, { id: "asc" }];

/** What the list shows of each person besides the record: where, and the identities held today. */
const listedWith = (today: Date) =>
  ({
    region: { select: { name: true, parent: { select: { name: true } } } },
    identities: {
      where: { validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] },
      select: { type: true },
    },
  }) satisfies Prisma.PersonInclude;

export async function listPeople(actor: Actor, search: PeopleSearch, today = new Date(`${chinaToday()}T00:00:00Z`)) {
  const where = searchWhere(actor, search, today);
  const skip = (search.page - 1) * PEOPLE_PAGE_SIZE;
  // A full ID number names one person at most: no walk to cut short, so the row comes at once.
  if (FULL_ID_NUMBER.test(search.q)) {
    const rows = await prisma.person.findMany({ where, orderBy: LIST_ORDER, skip, take: PEOPLE_PAGE_SIZE, include: listedWith(today) });
    return { total: search.page === 1 ? rows.length : await prisma.person.count({ where }), rows, pageSize: PEOPLE_PAGE_SIZE };
  }
  // The page's ids first, then its rows. Every column the filters read is in the index of listed
  // people (person_listed_idx, in the list's order), so the ids come from the index alone and the
  // walk stops at the page's end; asked for whole rows, PostgreSQL would fetch every person of the
  // township to test the name (docs/decisions/018).
  const ids = (await prisma.person.findMany({ where, orderBy: LIST_ORDER, skip, take: PEOPLE_PAGE_SIZE, select: { id: true } })).map((p) => p.id);
  // A page that is not full is the last one: it gives the total, and the count need not run.
  const last = ids.length < PEOPLE_PAGE_SIZE && (ids.length > 0 || search.page === 1);
  const [total, rows] = await Promise.all([
    last ? skip + ids.length : prisma.person.count({ where }),
    ids.length === 0 ? [] : prisma.person.findMany({ where: { id: { in: ids } }, orderBy: LIST_ORDER, include: listedWith(today) }),
  ]);
  return { total, rows, pageSize: PEOPLE_PAGE_SIZE };
}

/** A person outside the actor's region does not exist for them: null, and the page says 404. */
export async function getPerson(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return prisma.person.findFirst({
    where: { id, region: regionWhere(actor) },
    include: {
      region: { select: { name: true, code: true, retiredAt: true, parent: { select: { name: true } } } },
      household: { include: { members: { where: { region: regionWhere(actor) }, select: { id: true, name: true, relationToHead: true }, orderBy: { name: "asc" } } } },
      identities: { orderBy: [{ validFrom: "asc" }, { id: "asc" }], include: { sourceCase: { select: { id: true, number: true } } } },
      insuranceEnrollments: { orderBy: { validFrom: "asc" } },
      conditions: { orderBy: { validFrom: "asc" } },
      claims: {
        orderBy: { settledOn: "asc" },
        include: { hospital: { select: { name: true } }, items: { select: { amount: true } } },
      },
    },
  });
}

export async function countPeople(actor: Actor) {
  return prisma.person.count({ where: { region: regionWhere(actor) } });
}

/**
 * Where a person of the actor's region can be registered: its townships and their villages, in code
 * order. Units a reload retired are offered to no new registration, only the one a person is in
 * (`keep`), or all of them to filter a list by (`withRetired`).
 */
export async function personRegionOptions(actor: Actor, { keep, withRetired = false }: { keep?: string; withRetired?: boolean } = {}) {
  return prisma.region.findMany({
    where: { level: { in: ["TOWNSHIP", "VILLAGE"] }, ...regionWhere(actor), ...(withRetired ? {} : { AND: [{ OR: [{ retiredAt: null }, ...(keep ? [{ code: keep }] : [])] }] }) },
    select: { code: true, name: true, level: true, retiredAt: true, parent: { select: { name: true } } },
    orderBy: { code: "asc" },
  });
}

/** What was paid to the person (posted payouts), newest first; the person is already in scope. */
export async function personPayouts(personId: string) {
  return prisma.payout.findMany({
    where: { personId },
    select: { id: true, seq: true, total: true, postedAt: true, case: { select: { id: true, number: true } } },
    orderBy: { seq: "desc" },
  });
}

/** The person's own audit rows (registration, edits, identity periods, ID views), newest first. */
export async function personHistory(personId: string, take = 50) {
  return prisma.auditLog.findMany({
    where: { entity: "person", entityId: personId },
    select: { id: true, action: true, actorName: true, at: true },
    orderBy: { id: "desc" },
    take,
  });
}
