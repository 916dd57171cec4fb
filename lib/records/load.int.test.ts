// Seeds the demo data into a database of its own (created next to DATABASE_URL's, dropped
// afterwards), loads every demo person and their claims through the mapper, runs the rules module
// and compares with the demo's own in-memory case files: the same case files and the same full
// JSON results, receipts included (their input hash covers every field the rules read).
import { spawnSync } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseFileConverter } from "@/lib/demo/case-file";
import { generateDemoData, type DemoData } from "@/lib/demo/index";
import { seedDemoData } from "@/lib/demo/insert";
import { NotFoundError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalJson } from "@/lib/rules/canonical-json";
import { parseCaseFile } from "@/lib/rules/case.schema";
import type { CaseFile } from "@/lib/rules/domain";
import { JURISDICTIONS } from "@/lib/rules/domain";
import { sha256Hex } from "@/lib/rules/receipt";
import { caseResultJson, runCase } from "@/lib/rules/run-case";
import { loadCaseFilesForRules, loadClaimsForRules, loadPeopleForRules, loadPersonForRules } from "./load";

const base = process.env.DATABASE_URL;
if (!base) throw new Error("DATABASE_URL is not set");
const dbName = `yfyb_records_it_${randomInt(1e9)}`;
const adminUrl = new URL(base);
adminUrl.pathname = "/postgres";
const url = new URL(base);
url.pathname = `/${dbName}`;

/** The job that recomputes every claim works in chunks of this many. */
const CHUNK = 200;

let db: PrismaClient<"query">;
let queries = 0;
let data: DemoData;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function inMemoryCaseFile(toCase: ReturnType<typeof caseFileConverter>, personId: string): CaseFile {
  const parsed = parseCaseFile(toCase(personId));
  if (!parsed.ok) throw new Error(`demo case file ${personId}: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${dbName}"`);
  const r = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`migrate deploy failed: ${r.stderr}`);
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", () => {
    queries++;
  });
  data = generateDemoData();
  const seeded = await seedDemoData(db, { data });
  expect(seeded.status).toBe("seeded");
});

afterAll(async () => {
  await db?.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});

describe("records → rules on the demo data", () => {
  it("maps every demo person and claim from the database to the demo's own case file, with the same results", async () => {
    const toCase = caseFileConverter(data);
    const ids = data.people.map((p) => p.id);
    const started = performance.now();
    const loaded: CaseFile[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) loaded.push(...(await loadCaseFilesForRules(db, ids.slice(i, i + CHUNK))));
    const loadMs = performance.now() - started;

    expect(loaded.map((c) => c.id)).toEqual(ids);
    const claimCount = loaded.reduce((n, c) => n + c.claims.length, 0);
    expect(claimCount).toBe(data.claims.length);
    expect(claimCount).toBeGreaterThan(1000);

    const caseMismatches: string[] = [];
    const resultMismatches: string[] = [];
    const ranStarted = performance.now();
    for (const fromDb of loaded) {
      const inMemory = inMemoryCaseFile(toCase, fromDb.id);
      if (asRead(fromDb) !== asRead(inMemory)) caseMismatches.push(fromDb.id);
      const a = canonicalJson(caseResultJson(runCase(fromDb, { hasher: sha256Hex })));
      const b = canonicalJson(caseResultJson(runCase(inMemory, { hasher: sha256Hex })));
      if (a !== b) resultMismatches.push(fromDb.id);
    }
    const runMs = performance.now() - ranStarted;
    expect(caseMismatches).toEqual([]);
    expect(resultMismatches).toEqual([]);
    console.log(
      `records: loaded and mapped ${loaded.length} people, ${claimCount} claims in ${Math.round(loadMs)} ms ` +
        `(${Math.ceil(ids.length / CHUNK)} chunks of ${CHUNK}); both sides through the rules and compared in ${Math.round(runMs)} ms`,
    );
    expect(loadMs).toBeLessThan(30_000);
  });

  it("reads the new facts as the demo wrote them", async () => {
    const first = data.people.find((p) => p.servicemanId !== null && p.cardAppliedOn !== null);
    expect(first).toBeDefined();
    const person = await loadPersonForRules(db, first?.id ?? "");
    expect(person.relation).toBe(first?.relationToServiceman);
    expect(person.veteranHukouProvince).toBe(first?.veteranHukouProvince);
    expect(person.card).toEqual({ appliedOn: first?.cardAppliedOn });
    expect(await db.person.count({ where: { servicemanId: { not: null } } })).toBe(data.people.filter((p) => p.servicemanId !== null).length);
    const jurisdictions = new Set([...(await loadPeopleForRules(db, data.people.map((p) => p.id))).values()].map((p) => p.jurisdiction));
    expect([...jurisdictions].sort()).toEqual(["CN-CQ-QJ", "CN-SX-YQ"]);
  });

  it("runs a fixed number of queries per batch, whatever its size (no N+1)", async () => {
    const ids = data.people.map((p) => p.id);
    const count = async (batch: readonly string[]) => {
      const before = queries;
      await loadCaseFilesForRules(db, batch);
      return queries - before;
    };
    const one = await count(ids.slice(0, 1));
    const chunk = await count(ids.slice(0, CHUNK));
    const all = await count(ids);
    console.log(`records: ${one} queries for 1 person, ${chunk} for ${CHUNK}, ${all} for all ${ids.length}`);
    expect(one).toBeGreaterThan(0);
    expect(chunk).toBe(one);
    expect(all).toBe(one);
  });

  it("loads claims by id in settlement order, the same as by person", async () => {
    const person = data.people.find((p) => data.claims.filter((c) => c.personId === p.id).length >= 3);
    expect(person).toBeDefined();
    const personId = person?.id ?? "";
    const byPerson = (await loadClaimsForRules(db, { personIds: [personId] })).get(personId) ?? [];
    const reversedIds = byPerson.map((c) => c.id).reverse();
    const byId = (await loadClaimsForRules(db, { claimIds: reversedIds })).get(personId) ?? [];
    expect(byPerson.length).toBeGreaterThanOrEqual(3);
    expect(byId).toEqual(byPerson);
    expect(byPerson.map((c) => c.date)).toEqual(byPerson.map((c) => c.date).sort());
  });

  it("reads the same inside a transaction", async () => {
    const ids = data.people.slice(0, 20).map((p) => p.id);
    const outside = await loadCaseFilesForRules(db, ids);
    const inside = await db.$transaction((tx) => loadCaseFilesForRules(tx, ids));
    expect(inside.length).toBe(20);
    expect(inside).toEqual(outside);
  });

  it("refuses a person who is not on record", async () => {
    await expect(loadPersonForRules(db, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadCaseFilesForRules(db, [randomUUID()])).rejects.toBeInstanceOf(NotFoundError);
    expect((await loadPeopleForRules(db, [])).size).toBe(0);
    expect((await loadClaimsForRules(db, { claimIds: [] })).size).toBe(0);
  });

  it("accepts exactly the rules' jurisdictions in region.jurisdiction", async () => {
    const accepted: string[] = [];
    for (const candidate of [...JURISDICTIONS, "CN", "CN-CQ", "CN-XX"]) {
      const ok = await db
        .$transaction(async (tx) => {
          await tx.region.update({ where: { code: "500000" }, data: { jurisdiction: candidate } });
          throw new Rollback();
        })
        .catch((error: unknown) => error instanceof Rollback);
      if (ok) accepted.push(candidate);
    }
    expect(accepted).toEqual([...JURISDICTIONS]);
    expect((await db.region.findUniqueOrThrow({ where: { code: "500000" } })).jurisdiction).toBeNull();
  });
});

class Rollback extends Error {}

// Case files compared as the rules read them (the receipts' canonical form: keys sorted, arrays in
// order), without the title the database does not keep.
function asRead(caseFile: CaseFile): string {
  return canonicalJson({ person: caseFile.person, claims: caseFile.claims, entitlements: caseFile.entitlements });
}
