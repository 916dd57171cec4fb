import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { verifyLogin } from "@/lib/auth/login";
import { listAudit } from "@/lib/audit/audit.queries";
import { writeAudit } from "@/lib/audit/write-audit";
import { createPrisma } from "@/lib/db";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("audit rows", () => {
  it("name the job or the import that wrote them", async () => {
    const region = { code: home.county, path: home.paths[home.county] ?? "" };
    await db.$transaction(async (tx) => {
      await writeAudit(tx, systemActor("recompute-claims", "job-42", region), { action: "job.finish", entityId: "job-42", regionCode: home.county, after: { name: "recompute-claims", total: 3, done: 3 } });
      await writeAudit(tx, systemActor("roster-apply", "job-43", region, "batch-7"), { action: "job.start", entityId: "job-43", regionCode: home.county, after: { name: "roster-apply" } });
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: "job-42" } })).toMatchObject({ actorType: "SYSTEM", actorName: "system:recompute-claims", jobId: "job-42", batchId: null, actorId: null });
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: "job-43" } })).toMatchObject({ actorType: "IMPORT", jobId: "job-43", batchId: "batch-7" });
  });

  it("refuse a payload their action does not allow", async () => {
    await expect(db.$transaction((tx) =>
      // @ts-expect-error: the type already refuses it; the check on write refuses it at run time too
      writeAudit(tx, { kind: "anonymous", username: "x" }, { action: "user.create", entityId: "1", after: { passwordHash: "secret" } }),
    )).rejects.toThrow();
    expect(await db.auditLog.count({ where: { entityId: "1", action: "user.create" } })).toBe(0);
  });

  it("a sign-in for a name that is no account is kept bounded and shown to every county's auditors and admins", async () => {
    const name = `nobody-${Date.now()}-${"长".repeat(5000)}`;
    await verifyLogin(db, name, "whatever");
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "auth.login.failure", actorType: "ANONYMOUS" }, orderBy: { id: "desc" } });
    expect(row.regionCode).toBeNull();
    expect(Array.from(row.actorName).length).toBeLessThanOrEqual(64);
    expect(Array.from(row.entityId).length).toBeLessThanOrEqual(64);
    for (const [role, tree] of [["AUDITOR", home], ["ADMIN", away]] as const) {
      const { actor } = await makeUser(db, role, tree.county);
      const { rows } = await listAudit(actor, 1);
      expect(rows.some((r) => r.id === row.id)).toBe(true);
    }
  });

  it("of one county are not shown to another county's auditor", async () => {
    const { user } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    await verifyLogin(db, user.username, "wrong-password");
    const { actor: auditorAway } = await makeUser(db, "AUDITOR", away.county);
    const { actor: auditorHome } = await makeUser(db, "AUDITOR", home.county);
    const isTheFailure = (r: { action: string; entityId: string }) => r.action === "auth.login.failure" && r.entityId === user.id;
    expect((await listAudit(auditorHome, 1)).rows.some(isTheFailure)).toBe(true);
    expect((await listAudit(auditorAway, 1)).rows.some(isTheFailure)).toBe(false);
  });
});
