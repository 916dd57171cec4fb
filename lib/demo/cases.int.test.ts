// The demo cases on a database of their own: every state, each acting role with work, the
// audit log and the ledger written by the commands, and a second run that writes nothing.
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASE_STATES } from "@/lib/auth/decide";
import { paymentOrder, worklist } from "@/lib/cases/cases.queries";
import { createPrisma, type Db } from "@/lib/db";
import { actorOf, seedDemoCases } from "./cases";
import { seedDemoData } from "./insert";

const base = process.env.DATABASE_URL;
if (!base) throw new Error("DATABASE_URL is not set");
const dbName = `yfyb_cases_seed_it_${randomInt(1e9)}`;
const adminUrl = new URL(base);
adminUrl.pathname = "/postgres";
const url = new URL(base);
url.pathname = `/${dbName}`;

let db: Db;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${dbName}"`);
  const r = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url.toString() }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrate deploy failed: ${r.stderr}`);
  db = createPrisma(url.toString());
  await seedDemoData(db);
});

afterAll(async () => {
  await db?.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});

describe("seedDemoCases", () => {
  it("builds cases in every state through the commands, then skips", async () => {
    const first = await seedDemoCases(db);
    expect(first.status).toBe("seeded");
    if (first.status === "seeded") console.log(`demo cases: ${first.cases} in ${first.ms} ms`);
    const states = await db.case.groupBy({ by: ["state"], _count: { _all: true } });
    expect(states.map((s) => s.state).sort()).toEqual([...CASE_STATES].sort());
    const cases = await db.case.count();
    expect(cases).toBeGreaterThanOrEqual(30);
    // Audited and computed as a user's work would be.
    expect(await db.auditLog.count({ where: { action: "case.approve" } })).toBe(await db.case.count({ where: { state: { in: ["APPROVED", "PAID"] } } }));
    expect(await db.payout.count()).toBe(await db.case.count({ where: { state: { in: ["APPROVED", "PAID"] } } }));
    expect(await db.payout.count({ where: { total: { lte: 0 } } })).toBe(0);
    expect(await db.refusalNotice.count()).toBe(await db.case.count({ where: { state: "REJECTED" } }));

    const second = await seedDemoCases(db);
    expect(second.status).toBe("skipped");
    expect(await db.case.count()).toBe(cases);
  });

  it("gives every acting role work in its worklist", async () => {
    for (const username of ["yx-clerk", "yx-reviewer", "yx-clerk2", "yx-reviewer2", "yx-medsec", "qj-clerk", "qj-reviewer", "qj-reviewer2", "qj-veterans"]) {
      const actor = await actorOf(db, username);
      const list = await worklist(db, actor, { mine: true });
      expect(list.rows.filter((row) => row.actions.length > 0).length, username).toBeGreaterThan(0);
    }
    for (const username of ["yx-finance", "qj-finance"]) {
      const order = await paymentOrder(db, await actorOf(db, username));
      expect(order?.count, username).toBeGreaterThan(0);
    }
  });
});
