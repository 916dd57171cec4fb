// The test-database plumbing itself: a file has a database of its own under the run's prefix,
// and cleanDatabase empties it, audit_log included, without weakening audit_log's trigger.
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { cleanDatabase } from "./clean-database";
import { makePerson, makeRegionTree } from "./factories";

const db = createPrisma();
afterAll(() => db.$disconnect());

describe("test databases", () => {
  it("this file runs on a clone of the run's template, not on the template or a shared database", async () => {
    const { prefix, template } = inject("testDb");
    const name = decodeURIComponent(new URL(process.env.DATABASE_URL ?? "").pathname.slice(1));
    expect(name.startsWith(`${prefix}_f`)).toBe(true);
    expect(name).not.toBe(template);
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(row?.n).toBeGreaterThan(0);
  });

  it("cleanDatabase empties every table, audit_log too, and keeps the migration history", async () => {
    const t = await makeRegionTree(db);
    await makePerson(db, t.townA, "清理前");
    await db.auditLog.create({ data: { actorName: "it", action: "probe", entity: "x", entityId: "1" } });
    const migrations = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations`;
    await cleanDatabase();
    expect(await db.region.count()).toBe(0);
    expect(await db.person.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations`).toEqual(migrations);
  });

  it("after a clean, audit_log still refuses TRUNCATE and DELETE", async () => {
    await cleanDatabase();
    const row = await db.auditLog.create({ data: { actorName: "it", action: "probe", entity: "x", entityId: "2" } });
    await expect(db.$executeRawUnsafe("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    expect(await db.auditLog.count()).toBe(1);
  });
});
