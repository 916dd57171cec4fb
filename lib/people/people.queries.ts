import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { regionWhere } from "@/lib/regions/scope";
import { escapeLike } from "@/lib/text-input";
import { isUuid } from "@/lib/uuid";
import type { PeopleSearch } from "@/lib/people/people.schema";

export const PEOPLE_PAGE_SIZE = 20;

function searchWhere(actor: Actor, q: string): Prisma.PersonWhereInput {
  const scope: Prisma.PersonWhereInput = { region: regionWhere(actor) };
  if (!q) return scope;
  // A full ID number is an exact lookup; anything else matches a name or the last digits of an ID.
  const match: Prisma.PersonWhereInput = /^\d{17}[\dXx]$/.test(q)
    ? { idNumber: q.toUpperCase() }
    : // Exactly the last 4 (shown on the list anyway): longer suffixes would let a user read the
      // hidden birth-date digits one search at a time.
      /^\d{3}[\dXx]$/.test(q)
      ? { idNumber: { endsWith: q.toUpperCase() } }
      : { name: { contains: escapeLike(q) } };
  return { AND: [scope, match] };
}

export async function listPeople(actor: Actor, search: PeopleSearch, today = new Date()) {
  const where = searchWhere(actor, search.q);
  const [total, rows] = await Promise.all([
    prisma.person.count({ where }),
    prisma.person.findMany({
      where,
      orderBy: [{ regionCode: "asc" }, { name: "asc" }, { id: "asc" }],
      skip: (search.page - 1) * PEOPLE_PAGE_SIZE,
      take: PEOPLE_PAGE_SIZE,
      include: {
        region: { select: { name: true, parent: { select: { name: true } } } },
        identities: {
          where: { validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] },
          select: { type: true },
        },
      },
    }),
  ]);
  return { total, rows, pageSize: PEOPLE_PAGE_SIZE };
}

/** A person outside the actor's region does not exist for them: null, and the page says 404. */
export async function getPerson(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return prisma.person.findFirst({
    where: { id, region: regionWhere(actor) },
    include: {
      region: { select: { name: true, code: true, parent: { select: { name: true } } } },
      household: { include: { members: { where: { region: regionWhere(actor) }, select: { id: true, name: true, relationToHead: true }, orderBy: { name: "asc" } } } },
      identities: { orderBy: { validFrom: "asc" } },
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

/** Where a person of the actor's region can be registered: its townships and their villages, in code order. */
export async function personRegionOptions(actor: Actor) {
  return prisma.region.findMany({
    where: { level: { in: ["TOWNSHIP", "VILLAGE"] }, ...regionWhere(actor) },
    select: { code: true, name: true, level: true, parent: { select: { name: true } } },
    orderBy: { code: "asc" },
  });
}
