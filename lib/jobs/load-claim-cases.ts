// Database rows → the rules module's Person and Claims, for the recompute job only, and kept
// simple on purpose: the official mapper (lib/records/, issue 6 step 4) replaces this file when
// it lands. Rows go through the case-file schema (lib/rules/case.schema.ts), so amounts become
// fen and rates fractions exactly as for a JSON case file. Not yet in the database, hence absent
// here: the jurisdiction (taken from the demo county in the region path), the relation to the
// serviceman, the veteran's hukou province and the pharmacy-card application date.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEMO_COUNTIES } from "@/lib/demo/regions";
import { caseFileSchema } from "@/lib/rules/case.schema";
import type { Claim, Person } from "@/lib/rules/domain";

export type ClaimCase = { personId: string; person: Person; claims: Claim[] };

const day = (d: Date) => d.toISOString().slice(0, 10);
const yuan = (d: Prisma.Decimal) => d.toFixed(2);

function jurisdictionOf(regionPath: string): string {
  const codes = new Set(regionPath.split("/"));
  const county = DEMO_COUNTIES.find((c) => codes.has(c.code));
  if (!county) throw new Error(`no jurisdiction known for region ${regionPath}`);
  return county.jurisdiction;
}

/**
 * The cases of the people these claims belong to, each with exactly the given claims of that
 * person in settlement order. Callers pass all of a person's claims when accumulators matter.
 */
export async function loadClaimCases(db: Db, claimIds: readonly string[]): Promise<ClaimCase[]> {
  if (claimIds.length === 0) return [];
  const claims = await db.claim.findMany({
    where: { id: { in: [...claimIds] } },
    include: { items: { orderBy: { position: "asc" } }, hospital: true },
    orderBy: [{ personId: "asc" }, { settledOn: "asc" }, { id: "asc" }],
  });
  const personIds = [...new Set(claims.map((c) => c.personId))];
  const people = await db.person.findMany({
    where: { id: { in: personIds } },
    include: { region: { select: { path: true } }, identities: true, insuranceEnrollments: true, conditions: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  return personIds.map((personId) => {
    const p = byId.get(personId);
    if (!p) throw new Error(`claim of unknown person ${personId}`);
    const own = claims.filter((c) => c.personId === personId);
    const parsed = caseFileSchema.safeParse({
      id: personId,
      person: {
        jurisdiction: jurisdictionOf(p.region.path),
        birthDate: day(p.birthDate),
        sex: p.sex,
        ruralHukou: p.ruralHukou,
        identities: p.identities.map((i) => ({ type: i.type, from: day(i.validFrom), to: i.validTo ? day(i.validTo) : null })),
        insurance: p.insuranceEnrollments.map((e) => ({ scheme: e.scheme, from: day(e.validFrom), to: e.validTo ? day(e.validTo) : null })),
        conditions: [...new Set(p.conditions.map((c) => c.condition))],
        hukouProvince: p.hukouProvince,
      },
      claims: own.map((c) => ({
        id: c.id,
        type: c.type,
        date: day(c.settledOn),
        ...(c.admittedOn ? { admitted: day(c.admittedOn) } : {}),
        ...(c.hospital
          ? {
              hospital: { level: c.hospital.level, priceClass: c.hospital.priceClass, runBy: c.hospital.runBy, public: c.hospital.isPublic, province: c.hospital.province, cardDesignated: c.hospital.cardDesignated },
              route: c.route,
            }
          : {}),
        diagnoses: c.diagnoses,
        items: c.items.map((i) => ({
          fee: i.fee,
          class: i.class,
          amount: yuan(i.amount),
          ...(i.days !== null ? { days: i.days } : {}),
          ...(i.cardRate !== null ? { cardRate: i.cardRate.toString() } : {}),
        })),
        ...(c.quota !== null ? { quota: yuan(c.quota) } : {}),
        ...(c.memberPrice !== null ? { memberPrice: yuan(c.memberPrice) } : {}),
        settled: {
          ...(c.settledPolicyScope !== null ? { policyScope: yuan(c.settledPolicyScope) } : {}),
          ...(c.settledInsurance !== null ? { insurance: yuan(c.settledInsurance) } : {}),
          ...(c.settledCriticalIllness !== null ? { criticalIllness: yuan(c.settledCriticalIllness) } : {}),
          ...(c.settledAssistance !== null ? { assistance: yuan(c.settledAssistance) } : {}),
        },
      })),
    });
    if (!parsed.success) throw new Error(`person ${personId}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return { personId, person: parsed.data.person, claims: parsed.data.claims };
  });
}
