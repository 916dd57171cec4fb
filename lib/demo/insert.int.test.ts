// Seeds this file's own database (a fresh clone of the migrated template, see
// test/integration/file-database.ts), so no other test file ever sees the demo data.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db";
import { validateIdNumber } from "@/lib/people/id-number";
import { countDemoData, generateDemoData } from "./index";
import { seedDemoData } from "./insert";
import { DEMO_PASSWORD, DEMO_USERS } from "./users";

let db: Db;

beforeAll(() => {
  db = createPrisma();
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("seedDemoData", () => {
  it("writes every generated row once, then skips", async () => {
    const expected = countDemoData(generateDemoData());
    const first = await seedDemoData(db);
    expect(first).toMatchObject({ status: "seeded", counts: expected });
    expect(first.status === "seeded" ? first.ms : Infinity).toBeLessThan(30_000);
    expect(await db.region.count()).toBe(expected.regions);
    expect(await db.user.count()).toBe(expected.users);
    expect(await db.person.count()).toBe(expected.people);
    expect(await db.serviceman.count()).toBe(expected.servicemen);
    expect(await db.personIdentity.count()).toBe(expected.identities);
    expect(await db.claim.count()).toBe(expected.claims);
    expect(await db.claimItem.count()).toBe(expected.claimItems);
    const audit = await db.auditLog.findMany({ where: { action: "demo.seed" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: "system:demo-seed", actorType: "SYSTEM", regionCode: null });
    expect(audit[0]?.after).toEqual(expected);

    const second = await seedDemoData(db);
    expect(second.status).toBe("skipped");
    expect(await db.person.count()).toBe(expected.people);
    expect(await db.auditLog.count({ where: { action: "demo.seed" } })).toBe(1);
  });

  it("links the families of the dead to serviceman records of their own, and the rest to their head's", async () => {
    const bereaved = await db.person.findMany({ where: { serviceman: { personId: null } }, select: { relationToServiceman: true, serviceman: { select: { name: true, kind: true, diedOn: true, certificate: true, hukouProvince: true } } } });
    expect(bereaved.length).toBeGreaterThan(10);
    expect(new Set(bereaved.map((p) => p.serviceman?.kind))).toEqual(new Set(["MARTYR", "DIED_ON_DUTY", "DIED_OF_ILLNESS"]));
    for (const p of bereaved) {
      expect(p.relationToServiceman).not.toBeNull();
      expect(p.serviceman).toMatchObject({ name: expect.any(String), diedOn: expect.any(Date), certificate: expect.any(String), hukouProvince: expect.stringMatching(/^(SX|CQ)$/) });
    }
    const veteranFamily = await db.person.findFirstOrThrow({ where: { serviceman: { personId: { not: null } } }, include: { serviceman: { include: { person: true } } } });
    expect(veteranFamily.serviceman?.person?.householdId).toBe(veteranFamily.householdId);
  });

  it("stores usable accounts and valid people", async () => {
    const users = await db.user.findMany();
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    const sample = users.find((u) => u.username === "qj-clerk2");
    expect(await bcrypt.compare(DEMO_PASSWORD, sample?.passwordHash ?? "")).toBe(true);
    for (const p of await db.person.findMany({ select: { idNumber: true, sex: true, birthDate: true } })) {
      const r = validateIdNumber(p.idNumber);
      expect(r).toMatchObject({ ok: true, sex: p.sex, birthDate: p.birthDate.toISOString().slice(0, 10) });
    }
    const claim = await db.claim.findFirstOrThrow({ where: { settledPolicyScope: { not: null } }, include: { items: true } });
    expect(claim.items.length).toBeGreaterThan(0);
    expect(claim.settledPolicyScope?.toFixed(2)).toMatch(/^\d+\.\d{2}$/);
  });
});
