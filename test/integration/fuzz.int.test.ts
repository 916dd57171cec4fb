import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFilterSchema } from "@/lib/audit/audit.schema";
import { exportAudit } from "@/lib/audit/export-audit";
import type { Actor } from "@/lib/auth/actor";
import { changePassword } from "@/lib/auth/change-password";
import { logout } from "@/lib/auth/logout";
import { createPrisma, type Db } from "@/lib/db";
import { writeRefusal } from "@/lib/audit/write-refusal";
import { DomainError, NotFoundError } from "@/lib/errors";
import { listPeople } from "@/lib/people/people.queries";
import { peopleSearchSchema } from "@/lib/people/people.schema";
import { viewIdNumber } from "@/lib/people/view-id-number";
import { calculateTrial } from "@/lib/trial/calculate-trial";
import { createUser } from "@/lib/users/create-user";
import { resetPassword } from "@/lib/users/reset-password";
import { updateUser } from "@/lib/users/update-user";
import { makePerson, makeRegionTree, makeUser } from "./factories";

// Every command, sent malformed payloads: it either does its work or refuses with a
// ValidationError or DomainError (a message the user reads); never anything else (a 500), and a
// refusal writes nothing but its own refusal row.

const db = createPrisma();
let regions: Awaited<ReturnType<typeof makeRegionTree>>;
type AnyCommand = (db: Db, actor: Actor, input: never) => Promise<unknown>;
type Target = { name: string; command: AnyCommand; actor: () => Actor; base: () => Record<string, unknown> };
const targets: Target[] = [];

const NASTY: unknown[] = [
  "", " ", "\u0000", "a\u0000b", "\uD800", "x\uDC00y", "%", "_", "%_%", "\\", "'; DROP TABLE app_user; --", "x".repeat(100_000), "长".repeat(30_000),
  "------------------------------------", "00000000-0000-0000-0000-000000000000", "0000-01-01", "2026-02-30", "9999-12-31", "1e309",
  "2147483648", "9007199254740993", "-1", "NaN", 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, -0, Number.NaN, Number.POSITIVE_INFINITY, 1.5,
  true, false, null, undefined, [], ["a", "b"], {}, { nested: "\u0000" }, [{ $ne: 1 }], "<script>alert(1)</script>", "=cmd|' /C calc'!A0",
];

const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 40 }), fc.integer(), fc.double());

function payloads(base: Record<string, unknown>) {
  const keys = [...Object.keys(base), "extra", "__proto__", "constructor"];
  return fc.oneof(
    // One or two fields replaced.
    fc.tuple(fc.constantFrom(...keys), nasty, fc.constantFrom(...keys), nasty).map(([k1, v1, k2, v2]) => ({ ...base, [k1]: v1, [k2]: v2 })),
    // A field missing.
    fc.constantFrom(...Object.keys(base).concat("none")).map((k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k))),
    // Anything at all.
    fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: 6 }),
    fc.constantFrom<unknown>(null, undefined, "string", 42, [], [base]),
  );
}

async function fingerprint() {
  const rows = await db.$queryRaw<{ users: string; audit: number }[]>`
    SELECT md5(coalesce(string_agg(id::text || version || session_version || password_hash || display_name || active::text, ',' ORDER BY id), '')) AS users,
           (SELECT count(*)::int FROM audit_log WHERE action <> 'access.refused') AS audit
    FROM app_user`;
  return rows[0];
}

const TRIAL = {
  jurisdiction: "CN-SX-YQ", birthDate: "1960-01-01", sex: "M", identitiesFrom: "2010-01-01", insured: "on", identities: "EXTREME_POVERTY",
  claimType: "INPATIENT", date: "2025-04-02", admitted: "2025-03-28", hospitalLevel: "2", priceClass: "3", runBy: "CITY",
  publicHospital: "on", province: "SX", route: "LOCAL", diagnoses: "", item_fee_0: "OTHER", item_class_0: "A", item_amount_0: "5000.00",
};

beforeAll(async () => {
  regions = await makeRegionTree(db);
  const { actor: admin } = await makeUser(db, "ADMIN", regions.county);
  const { actor: clerk, password } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
  const { actor: auditor } = await makeUser(db, "AUDITOR", regions.county);
  const { user: victim } = await makeUser(db, "TOWNSHIP_CLERK", regions.townB);
  const person = await makePerson(db, regions.townA, "王五");
  let n = 0;
  const as = (command: AnyCommand) => command;
  targets.push(
    { name: "createUser", command: as(createUser), actor: () => admin, base: () => ({ username: `fz-${Date.now().toString(36)}-${n++}`, displayName: "新用户", role: "TOWNSHIP_CLERK", regionCode: regions.townA, password: "Fresh-pass-1" }) },
    { name: "updateUser", command: as(updateUser), actor: () => admin, base: () => ({ id: victim.id, version: "1", displayName: "改名", role: "TOWNSHIP_CLERK", regionCode: regions.townB, active: "true" }) },
    { name: "resetPassword", command: as(resetPassword), actor: () => admin, base: () => ({ id: victim.id, password: "Reset-pass-1" }) },
    { name: "changePassword", command: as(changePassword), actor: () => clerk, base: () => ({ current: password, next: "Other-pass-2", confirm: "Other-pass-2" }) },
    { name: "logout", command: as(logout), actor: () => clerk, base: () => ({}) },
    { name: "viewIdNumber", command: as(viewIdNumber), actor: () => clerk, base: () => ({ id: person.id }) },
    { name: "exportAudit", command: as(exportAudit), actor: () => auditor, base: () => ({ actor: "fz", action: "auth.logout", from: "2026-01-01" }) },
    { name: "calculateTrial", command: as(calculateTrial), actor: () => clerk, base: () => ({ ...TRIAL }) },
  );
});
afterAll(() => db.$disconnect());

describe("malformed payloads", () => {
  /** Runs one payload; returns what went wrong, if anything did. */
  async function attempt(target: Target, payload: unknown): Promise<string | null> {
    const before = await fingerprint();
    try {
      await target.command(db, target.actor(), payload as never);
      return null;
    } catch (error) {
      const what = `${target.name}: ${String(error).slice(0, 200)} ← ${JSON.stringify(payload)?.slice(0, 160)}`;
      if (!(error instanceof DomainError)) return what;
      const after = await fingerprint();
      return JSON.stringify(after) === JSON.stringify(before) ? null : `wrote on refusal: ${what}`;
    }
  }

  it("never make a command fail with anything but a refusal the user can read, and a refusal writes nothing", async () => {
    const unexpected: string[] = [];
    for (const target of targets) {
      // Every field of a good payload, replaced in turn by each of the nasty values…
      for (const key of Object.keys(target.base())) {
        for (const value of NASTY) {
          const problem = await attempt(target, { ...target.base(), [key]: value });
          if (problem) unexpected.push(problem);
        }
      }
      // …then random payloads (fixed seed, bounded).
      await fc.assert(
        fc.asyncProperty(payloads(target.base()), async (payload) => {
          const problem = await attempt(target, payload);
          if (problem) unexpected.push(problem);
        }),
        { seed: 20261201, numRuns: 40 },
      );
    }
    expect(unexpected).toEqual([]);
  });

  it("from a URL (NUL, a lone surrogate, 36 hyphens) are audited as refused, not a query error", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    for (const id of ["\uD800", "a\u0000b", "------------------------------------", "x".repeat(100_000)]) {
      await writeRefusal(db, actor, new NotFoundError({ action: "person:read", entity: "person", entityId: id }), null);
    }
    const rows = await db.auditLog.findMany({ where: { actorId: actor.id, action: "access.refused" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.entityId)).toEqual(["\uFFFD", "ab", "------------------------------------", `${"x".repeat(63)}…`]);
  });

  it("take % and _ in a name search literally", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", regions.townA);
    expect((await listPeople(actor, { q: "", page: 1 })).total).toBeGreaterThan(0);
    expect((await listPeople(actor, { q: "%", page: 1 })).total).toBe(0);
    expect((await listPeople(actor, { q: "_", page: 1 })).total).toBe(0);
    expect((await listPeople(actor, { q: "王%", page: 1 })).total).toBe(0);
  });

  it("in a search box or a filter give a message, not a query error", () => {
    for (const q of ["\u0000", "a\u0000", "\uD800", "x".repeat(100_000)]) {
      expect(peopleSearchSchema.safeParse({ q, page: "1" }).success).toBe(false);
      expect(auditFilterSchema.safeParse({ actor: q }).success).toBe(false);
    }
    expect(peopleSearchSchema.safeParse({ q: "%_%", page: "99999999999999999999" }).success).toBe(false);
  });
});
