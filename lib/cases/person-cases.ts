import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { hasPermission } from "@/lib/auth/permissions";
import { NoJurisdictionError } from "@/lib/errors";
import { loadPersonForRules } from "@/lib/records/load";
import { regionWhere } from "@/lib/regions/scope";
import { APPLICATION_KIND_IDS, APPLICATION_KINDS } from "@/lib/workflow/application-kinds";
import { chinaDate } from "@/lib/workflow/case-machine";
import { checkFiling } from "@/lib/workflow/check-filing";

// The person page's list of the person's applications (lib/cases/ has no per-person query; this
// reads the same rows the worklist does, kept to the actor's region).
export async function personCases(db: Db, actor: Actor, personId: string) {
  return db.case.findMany({
    where: { personId, region: regionWhere(actor) },
    select: { id: true, number: true, kind: true, state: true, receivedOn: true, updatedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

/**
 * What the filing check says for each kind before any bill is entered (the one-off window closed,
 * a kind of another jurisdiction), for the clerk's start-an-application form. Only for those who file.
 * Null when the person's county has no jurisdiction of the rules: nothing can be filed there yet.
 */
export async function filingOptions(db: Db, actor: Actor, personId: string, now = new Date()) {
  if (!hasPermission(actor.role, "case:file")) return [];
  const person = await db.person.findFirst({ where: { id: personId, region: regionWhere(actor) }, select: { id: true } });
  if (!person) return [];
  let rulesPerson;
  try {
    rulesPerson = await loadPersonForRules(db, person.id);
  } catch (error) {
    if (error instanceof NoJurisdictionError) return null;
    throw error;
  }
  const today = chinaDate(now);
  return APPLICATION_KIND_IDS.map((id) => ({ id, check: checkFiling(APPLICATION_KINDS[id], rulesPerson, null, today) }));
}
