// Writes the generated demo data through Prisma. Used by prisma/seed.ts and usable from
// integration tests. Idempotent: when the sentinel demo account exists nothing is written.
import bcrypt from "bcryptjs";
import { systemActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isoToDate } from "./dates";
import { countDemoData, generateDemoData, type DemoCounts, type DemoData } from "./index";
import { DEMO_BCRYPT_COST, DEMO_PASSWORD, DEMO_SENTINEL_USERNAME } from "./users";
import { nameInitials } from "@/lib/people/name-initials";

export type SeedResult =
  | { status: "skipped"; reason: string }
  | { status: "seeded"; counts: DemoCounts; ms: number };

export interface SeedOptions {
  /** Pre-generated data (default: generateDemoData()). */
  data?: DemoData;
  /** Rows per INSERT statement. */
  batchSize?: number;
  log?: (line: string) => void;
}

const d = isoToDate;
const dn = (iso: string | null) => (iso === null ? null : isoToDate(iso));

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function isDemoSeeded(db: PrismaClient): Promise<boolean> {
  const u = await db.user.findUnique({ where: { username: DEMO_SENTINEL_USERNAME }, select: { id: true } });
  return u !== null;
}

export async function seedDemoData(db: PrismaClient, opts: SeedOptions = {}): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  if (await isDemoSeeded(db)) {
    return { status: "skipped", reason: `demo user ${DEMO_SENTINEL_USERNAME} already exists` };
  }
  const started = Date.now();
  const data = opts.data ?? generateDemoData();
  const size = opts.batchSize ?? 1000;
  const counts = countDemoData(data);
  log(`generated ${JSON.stringify(counts)} in ${Date.now() - started} ms`);

  // Every demo account has the same, published password: one hash (cost 10, ~0.1 s in bcryptjs)
  // serves them all, where one per account would cost a couple of seconds for nothing.
  const hash = await bcrypt.hash(DEMO_PASSWORD, DEMO_BCRYPT_COST);
  log(`hashed the demo password at ${Date.now() - started} ms`);

  await db.$transaction(
    async (tx) => {
      const many = async <T>(label: string, rows: readonly T[], insert: (batch: T[]) => Promise<{ count: number }>) => {
        let n = 0;
        for (const batch of chunks(rows, size)) n += (await insert(batch)).count;
        log(`${label}: ${n} rows at ${Date.now() - started} ms`);
      };
      // Parents precede children in DEMO_REGIONS, and one statement checks its own rows' foreign keys
      // at its end, so batches in that order are safe. Regions may already exist (shared reference data).
      await many("region", data.regions, (b) =>
        tx.region.createMany({
          data: b.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, path: r.path, jurisdiction: r.jurisdiction })),
          skipDuplicates: true,
        }),
      );
      await many("app_user", data.users, (b) =>
        tx.user.createMany({
          data: b.map((u) => ({
            username: u.username,
            displayName: u.displayName,
            passwordHash: hash,
            role: u.role,
            regionCode: u.regionCode,
          })),
        }),
      );
      await many("hospital", data.hospitals, (b) =>
        tx.hospital.createMany({
          data: b.map((h) => ({
            id: h.id,
            code: h.code,
            name: h.name,
            regionCode: h.regionCode,
            level: h.level,
            priceClass: h.priceClass,
            runBy: h.runBy,
            isPublic: h.isPublic,
            province: h.province,
            cardDesignated: h.cardDesignated,
          })),
        }),
      );
      await many("household", data.households, (b) =>
        tx.household.createMany({ data: b.map((h) => ({ id: h.id, regionCode: h.regionCode, address: h.address })) }),
      );
      await many("person", data.people, (b) =>
        tx.person.createMany({
          data: b.map((p) => ({
            id: p.id,
            idNumber: p.idNumber,
            name: p.name,
            nameInitials: nameInitials(p.name),
            sex: p.sex,
            birthDate: d(p.birthDate),
            regionCode: p.regionCode,
            householdId: p.householdId,
            relationToHead: p.relationToHead,
            ruralHukou: p.ruralHukou,
            hukouProvince: p.hukouProvince,
            phone: p.phone,
            relationToServiceman: p.relationToServiceman,
            cardAppliedOn: dn(p.cardAppliedOn),
          })),
        }),
      );
      // A serviceman on the register points at his person record, and his family at his
      // serviceman record: the records follow the people, the family links follow the records.
      await many("serviceman", data.servicemen, (b) =>
        tx.serviceman.createMany({
          data: b.map((s) => ({ id: s.id, personId: s.personId, name: s.name, kind: s.kind, diedOn: dn(s.diedOn), certificate: s.certificate, hukouProvince: s.hukouProvince, regionCode: s.regionCode })),
        }),
      );
      const family = data.people.filter((p) => p.servicemanId !== null);
      for (const batch of chunks(family, size)) {
        await tx.$executeRaw`UPDATE person p SET serviceman_id = v.sid FROM unnest(${batch.map((p) => p.id)}::uuid[], ${batch.map((p) => p.servicemanId)}::uuid[]) AS v(pid, sid) WHERE p.id = v.pid`;
      }
      log(`family links: ${family.length} at ${Date.now() - started} ms`);
      await many("person_identity", data.identities, (b) =>
        tx.personIdentity.createMany({
          data: b.map((i) => ({
            id: i.id,
            personId: i.personId,
            type: i.type,
            validFrom: d(i.validFrom),
            validTo: dn(i.validTo),
            certificate: i.certificate,
          })),
        }),
      );
      await many("insurance_enrollment", data.enrollments, (b) =>
        tx.insuranceEnrollment.createMany({
          data: b.map((e) => ({ id: e.id, personId: e.personId, scheme: e.scheme, tier: e.tier, validFrom: d(e.validFrom), validTo: dn(e.validTo) })),
        }),
      );
      await many("person_condition", data.conditions, (b) =>
        tx.personCondition.createMany({
          data: b.map((c) => ({ id: c.id, personId: c.personId, condition: c.condition, validFrom: d(c.validFrom), validTo: dn(c.validTo) })),
        }),
      );
      await many("claim", data.claims, (b) =>
        tx.claim.createMany({
          data: b.map((c) => ({
            id: c.id,
            personId: c.personId,
            hospitalId: c.hospitalId,
            type: c.type,
            admittedOn: dn(c.admittedOn),
            settledOn: d(c.settledOn),
            route: c.route,
            diagnoses: c.diagnoses,
            quota: c.quota,
            memberPrice: c.memberPrice,
            settledPolicyScope: c.settledPolicyScope,
            settledInsurance: c.settledInsurance,
            settledCriticalIllness: c.settledCriticalIllness,
            settledAssistance: c.settledAssistance,
          })),
        }),
      );
      await many("claim_item", data.claimItems, (b) =>
        tx.claimItem.createMany({
          data: b.map((i) => ({
            id: i.id,
            claimId: i.claimId,
            position: i.position,
            fee: i.fee,
            class: i.class,
            amount: i.amount,
            days: i.days,
            cardRate: i.cardRate,
          })),
        }),
      );
      // The whole database, not one county: a deployment-wide row (no region).
      await writeAudit(tx, systemActor("demo-seed", "seed", { code: "", path: "" }), { action: "demo.seed", entityId: "demo", after: counts });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { status: "seeded", counts, ms: Date.now() - started };
}
