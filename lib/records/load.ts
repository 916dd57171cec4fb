// Reads people and claims for the rules module in batches: a fixed number of queries per call
// whatever the number of ids (one per table: person, region, identities, enrolments, conditions,
// claims, hospitals, items), so a job that works through all claims 200 at a time makes no N+1.
import type { Db, Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseFile, Claim, Jurisdiction, Person } from "@/lib/rules/domain";
import { CLAIM_FOR_RULES, CLAIM_ORDER, PERSON_FOR_RULES, isJurisdiction, toRulesClaim, toRulesPerson, type JurisdictionIndex } from "./to-rules";
import type { ClaimSource } from "@/lib/generated/prisma/enums";

type Reader = Db | Tx;

async function jurisdictionIndex(db: Reader): Promise<JurisdictionIndex> {
  const rows = await db.region.findMany({ where: { jurisdiction: { not: null } }, select: { code: true, jurisdiction: true } });
  const index = new Map<string, Jurisdiction>();
  for (const row of rows) {
    // The column's CHECK constraint lists the same values; this guards a database that is ahead.
    if (row.jurisdiction === null || !isJurisdiction(row.jurisdiction)) throw new Error(`region ${row.code}: unknown jurisdiction ${row.jurisdiction}`);
    index.set(row.code, row.jurisdiction);
  }
  return index;
}

/** The rules' Person for each id found (ids not on record are absent from the map). */
export async function loadPeopleForRules(db: Reader, personIds: readonly string[]): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  if (personIds.length === 0) return people;
  const [index, rows] = await Promise.all([
    jurisdictionIndex(db),
    db.person.findMany({ where: { id: { in: [...personIds] } }, ...PERSON_FOR_RULES }),
  ]);
  for (const row of rows) people.set(row.id, toRulesPerson(row, index));
  return people;
}

/** One person; NotFoundError when there is no such record. */
export async function loadPersonForRules(db: Reader, personId: string): Promise<Person> {
  const person = (await loadPeopleForRules(db, [personId])).get(personId);
  if (!person) throw new NotFoundError();
  return person;
}

/** By claim ids, or all of some people's claims (optionally only those of one source: ONE_STOP bills settled at the hospital, APPLICATION bills entered on a case). */
export type ClaimSelection = { claimIds: readonly string[] } | { personIds: readonly string[]; source?: ClaimSource | undefined };

/**
 * Claims by person id, each list in the rules' replay (settlement) order. By claim ids: just those
 * claims (a replay that needs the year's accumulators takes the person's claims, or a ledger).
 */
export async function loadClaimsForRules(db: Reader, selection: ClaimSelection): Promise<Map<string, Claim[]>> {
  const byPerson = new Map<string, Claim[]>();
  const ids = "claimIds" in selection ? selection.claimIds : selection.personIds;
  if (ids.length === 0) return byPerson;
  const where = "claimIds" in selection ? { id: { in: [...ids] } } : { personId: { in: [...ids] }, ...(selection.source ? { source: selection.source } : {}) };
  const rows = await db.claim.findMany({ where, orderBy: [...CLAIM_ORDER], ...CLAIM_FOR_RULES });
  for (const row of rows) {
    const list = byPerson.get(row.personId);
    if (list) list.push(toRulesClaim(row));
    else byPerson.set(row.personId, [toRulesClaim(row)]);
  }
  return byPerson;
}

/**
 * Each person with all their claims, as the rules' case file (id = person id, no entitlement
 * requests), in the order of `personIds`; NotFoundError when one is not on record.
 */
export async function loadCaseFilesForRules(db: Reader, personIds: readonly string[]): Promise<CaseFile[]> {
  const [people, claims] = await Promise.all([loadPeopleForRules(db, personIds), loadClaimsForRules(db, { personIds })]);
  return personIds.map((id) => {
    const person = people.get(id);
    if (!person) throw new NotFoundError();
    return { id, person, claims: claims.get(id) ?? [], entitlements: [] };
  });
}
