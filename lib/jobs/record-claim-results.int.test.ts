import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, StateError, ValidationError } from "@/lib/errors";
import { recordClaimResults } from "@/lib/jobs/record-claim-results";
import { ENGINE_VERSION } from "@/lib/rules/compute-claim";
import { expectRefused } from "@/test/integration/command-harness";
import { makePerson, makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
const h = (c: string) => c.repeat(64);
let claimId = "";
let home: Awaited<ReturnType<typeof makeRegionTree>>;

beforeAll(async () => {
  home = await makeRegionTree(db);
  const person = await makePerson(db, home.townA, "重算");
  claimId = (await db.claim.create({ data: { personId: person.id, type: "OUTPATIENT", settledOn: new Date("2025-03-01"), diagnoses: [] } })).id;
});
afterAll(() => db.$disconnect());

const chunk = (runId: string, inputHash = h("a")) => ({
  runId,
  results: [{ claimId, engineVersion: ENGINE_VERSION, rulesetHash: h("b"), inputHash, outputHash: h("c"), amounts: { gross: "10.00" } }],
  checkpoint: { afterPersonId: null, written: 0, unchanged: 0 },
});

describe("recordClaimResults", () => {
  it("writes a chunk with the run's progress; the same chunk again writes nothing new", async () => {
    const run = await db.jobRun.create({ data: { name: "recompute-claims", state: "RUNNING", requestedBy: "system:test" } });
    const job = systemActor("recompute-claims", run.id, { code: "", path: "" });
    expect(await recordClaimResults(db, job, chunk(run.id))).toEqual({ afterPersonId: null, written: 1, unchanged: 0 });
    expect(await recordClaimResults(db, job, chunk(run.id))).toEqual({ afterPersonId: null, written: 0, unchanged: 1 });
    expect(await db.claimResult.count({ where: { claimId } })).toBe(1);
    expect((await db.jobRun.findUniqueOrThrow({ where: { id: run.id } })).done).toBe(2);
  });

  it("is refused to a person without the permission, for a run that is not running, and for bad input", async () => {
    const run = await db.jobRun.create({ data: { name: "recompute-claims", state: "SUCCEEDED", requestedBy: "system:test" } });
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    const job = systemActor("recompute-claims", run.id, { code: "", path: "" });
    const before = await db.claimResult.count();
    await expectRefused(db, () => recordClaimResults(db, clerk, chunk(run.id, h("d"))), ForbiddenError, { audited: true });
    await expectRefused(db, () => recordClaimResults(db, job, chunk(run.id, h("d"))), StateError, { audited: true });
    await expectRefused(db, () => recordClaimResults(db, job, { ...chunk(run.id), results: [{ ...chunk(run.id).results[0]!, inputHash: "short" }] }), ValidationError, { audited: false });
    expect(await db.claimResult.count()).toBe(before);
  });
});
