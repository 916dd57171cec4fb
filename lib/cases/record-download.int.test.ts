import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDownload } from "@/lib/cases/record-download";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
const file = (regionCode: string) => ({ kind: "notice" as const, fileId: "0d9d3b8e-1d7a-4e59-9a43-5e0b8f0c1a11", regionCode, fileName: "refusal-notice.pdf", sha256: "a".repeat(64) });

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("recordDownload", () => {
  it("audits who took which file, with its checksum", async () => {
    const { actor } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    await recordDownload(db, actor, file(home.townA), { requestId: "dl-1" });
    expect(await lastAudit(db, "file.download")).toMatchObject({ actorId: actor.id, regionCode: home.townA, requestId: "dl-1", after: { kind: "notice", fileName: "refusal-notice.pdf", sha256: "a".repeat(64) } });
  });

  it("is refused to a role that reads no cases, outside the region, and for bad input, writing nothing else", async () => {
    const { actor: admin } = await makeUser(db, "ADMIN", home.county);
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", home.townA);
    await expectRefused(db, () => recordDownload(db, admin, file(home.townA)), ForbiddenError, { audited: true });
    await expectRefused(db, () => recordDownload(db, clerk, file(home.townB)), NotFoundError, { audited: true });
    await expectRefused(db, () => recordDownload(db, clerk, file(away.townA)), NotFoundError, { audited: true });
    await expectRefused(db, () => recordDownload(db, clerk, { ...file(home.townA), sha256: "x" }), ValidationError, { audited: false });
  });
});
