import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createPrisma } from "@/lib/db";
import { DomainError, ForbiddenError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { runRosterApplyJob } from "@/lib/jobs/roster-apply";
import { runRosterCheckJob } from "@/lib/jobs/roster-check";
import { failRosterRun } from "@/lib/jobs/roster-failed";
import { makeIdNumber } from "@/lib/people/id-number";
import { nameInitials } from "@/lib/people/name-initials";
import { acknowledgeRoster } from "@/lib/roster/acknowledge-roster";
import { confirmRoster } from "@/lib/roster/confirm-roster";
import { exportCurrentList } from "@/lib/roster/export-current-list";
import { ROSTER_MAX_BYTES } from "@/lib/roster/roster-limits";
import { dueLists } from "@/lib/roster/roster.queries";
import { uploadRoster } from "@/lib/roster/upload-roster";
import { getFile, sha256OfBytes } from "@/lib/storage/file-store";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let tree: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
let seq = 0;
const HEADER = ["乡镇", "姓名", "身份证号", "类别", "家庭人口", "调整原因", "生效日期"];

async function xlsx(rows: string[][]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("附件3");
  sheet.addRow(["测试县2026年第三季度医疗救助重点救助对象动态调整名单"]);
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function person(regionCode: string, name: string, subsistenceFrom?: string) {
  seq += 1;
  const idNumber = makeIdNumber(regionCode.slice(0, 6), "1970-02-03", seq * 2 + 1, "M");
  return db.person.create({
    data: {
      idNumber, name, sex: "M", birthDate: new Date("1970-02-03"), regionCode, hukouProvince: "SX",
      identities: subsistenceFrom ? { create: { type: "SUBSISTENCE", validFrom: new Date(subsistenceFrom) } } : undefined,
    },
  });
}

const identitiesOf = (personId: string) => db.personIdentity.findMany({ where: { personId }, orderBy: { validFrom: "asc" }, select: { type: true, validFrom: true, validTo: true, rosterBatchId: true, endedByRosterBatchId: true } });
/** The registry, and the certificates: what nothing before the apply may touch. */
const snapshot = async () => ({ people: await db.person.findMany({ orderBy: { id: "asc" } }), identities: await db.personIdentity.findMany({ orderBy: { id: "asc" } }), files: await db.storedFile.count({ where: { mediaType: "application/pdf" } }) });

/** A list of three good rows: one known person added, one new person, one removed. */
async function goodList() {
  const known = await person(tree.townA, "张三");
  const leaving = await person(tree.townA, "王五", "2024-01-01");
  const newId = makeIdNumber(tree.county.slice(0, 6), "1980-05-06", (seq += 1) * 2, "F");
  const file = await xlsx([
    ["甲镇", "张三", known.idNumber, "低保", "3", "新增", "2026-08-01"],
    ["乙镇", "李四", newId, "低保", "2", "新增", "2026-08-15"],
    ["甲镇", "王五", leaving.idNumber, "低保", "1", "减少（死亡）", "2026-08-20"],
  ]);
  return { known, leaving, newId, file };
}

/** The bureau's upload and the roster-check job it asks for, run inline (the worker's part). */
async function uploadAndCheck(actor: Actor, file: Uint8Array<ArrayBuffer>, name = "list.xlsx") {
  const uploaded = await uploadRoster(db, actor, { period: "2026Q3", file: new File([file], name) });
  await runRosterCheckJob(db, uploaded.runId, { chunkRows: 2 });
  return db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } });
}

async function confirmAndApply(actor: Actor, batch: { id: string; version: number }, certificateDate = "2026-10-12") {
  const confirmed = await confirmRoster(db, actor, { batchId: batch.id, version: batch.version, certificateDate });
  const applied = await runRosterApplyJob(db, confirmed.runId);
  return { ...applied, batch: await db.rosterBatch.findUniqueOrThrow({ where: { id: batch.id } }) };
}

beforeAll(async () => {
  tree = await makeRegionTree(db);
  away = await makeRegionTree(db);
  await db.region.update({ where: { code: tree.county }, data: { jurisdiction: "CN-SX-YQ" } });
});
afterAll(() => db.$disconnect());

describe("a 动态调整 list", () => {
  it("is due 5 working days after its quarter, on the home page of the bureau that sends it", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", away.county);
    expect(await dueLists(db, actor, new Date("2026-10-09T02:00:00Z"))).toEqual([{ kind: "TO_SEND", bureau: "CIVIL_AFFAIRS", period: "2026Q3", dueOn: "2026-10-13", missingYear: null, overdue: false }]);
    expect(await dueLists(db, actor, new Date("2026-10-14T02:00:00Z"))).toMatchObject([{ overdue: true }]);
    // The fourth quarter's list falls due in January 2027, a year the calendar package lacks.
    expect(await dueLists(db, actor, new Date("2027-01-04T02:00:00Z"))).toEqual([{ kind: "TO_SEND", bureau: "CIVIL_AFFAIRS", period: "2026Q4", dueOn: null, missingYear: 2027, overdue: false }]);
  });

  it("uploaded and checked, changes nothing but its own rows and audit lines; confirmed and applied, identities change on the certificate date, with its certificate", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const { known, leaving, newId, file } = await goodList();
    const before = await snapshot();
    const uploaded = await uploadRoster(db, actor, { period: "2026Q3", file: new File([file], "2026Q3.xlsx") });
    expect(uploaded).toMatchObject({ dueOn: "2026-10-13" });
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({ state: "CHECKING", jobRunId: uploaded.runId });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: uploaded.runId } })).toMatchObject({ name: "roster-check", state: "QUEUED", requestedBy: `user:${actor.id}` });
    expect((await lastAudit(db, "roster.upload")).after).toEqual({ bureau: "CIVIL_AFFAIRS", period: "2026Q3", fileName: "2026Q3.xlsx", sha256: sha256OfBytes(file), bytes: file.byteLength });

    const checked = await runRosterCheckJob(db, uploaded.runId, { chunkRows: 1 });
    expect(checked).toMatchObject({ state: "UPLOADED", rows: 3, chunks: 3 });
    const batch = await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(batch).toMatchObject({ state: "UPLOADED", rows: 3, errorCount: 0, added: 2, removed: 1, changed: 0, version: 2 });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: uploaded.runId } })).toMatchObject({ state: "SUCCEEDED", done: 3, total: 3, attempts: 1 });
    const checkAudit = await lastAudit(db, "job.finish");
    expect(checkAudit).toMatchObject({ actorType: "IMPORT", jobId: uploaded.runId, batchId: batch.id, regionCode: tree.county, entityId: uploaded.runId });
    expect(checkAudit.after).toEqual({ name: "roster-check", total: 3, done: 3, counts: { rows: 3, errors: 0, added: 2, removed: 1, changed: 0 } });
    expect(await snapshot()).toEqual(before);

    // Confirmed, not yet applied: still nothing in the registry.
    const confirmed = await confirmRoster(db, actor, { batchId: batch.id, version: batch.version, certificateDate: "2026-10-12" });
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ state: "APPLYING", jobRunId: confirmed.runId, certificateDate: new Date("2026-10-12"), confirmedBy: actor.username });
    expect((await lastAudit(db, "roster.confirm")).after).toEqual({ state: "APPLYING", certificateDate: "2026-10-12", added: 2, removed: 1, changed: 0 });
    expect(await snapshot()).toEqual(before);
    // A second click (the page still showing the form) confirms nothing twice.
    await expectRefused(db, () => confirmRoster(db, actor, { batchId: batch.id, version: batch.version + 1, certificateDate: "2026-10-12" }), StateError, { audited: true });

    const applied = await runRosterApplyJob(db, confirmed.runId);
    expect(applied).toMatchObject({ state: "CONFIRMED", entries: 3 });
    expect(await identitiesOf(known.id)).toEqual([{ type: "SUBSISTENCE", validFrom: new Date("2026-10-12"), validTo: null, rosterBatchId: batch.id, endedByRosterBatchId: null }]);
    expect(await identitiesOf(leaving.id)).toEqual([{ type: "SUBSISTENCE", validFrom: new Date("2024-01-01"), validTo: new Date("2026-08-19"), rosterBatchId: null, endedByRosterBatchId: batch.id }]);
    const created = await db.person.findUniqueOrThrow({ where: { idNumber: newId }, include: { identities: true } });
    expect(created).toMatchObject({ name: "李四", nameInitials: nameInitials("李四"), regionCode: tree.townB, sex: "F", birthDate: new Date("1980-05-06"), hukouProvince: "SX" });
    expect(created.identities.map((i) => [i.type, i.validFrom, i.certifiedBy, i.certificate])).toEqual([["SUBSISTENCE", new Date("2026-10-12"), "CIVIL_AFFAIRS", `roster:${batch.id}`]]);

    const row = await db.rosterBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(row).toMatchObject({ state: "CONFIRMED", certificateDate: new Date("2026-10-12"), added: 2, removed: 1 });
    const pdf = await getFile(db, row.certificateFileId!);
    expect(Buffer.from(pdf!.content).subarray(0, 5).toString()).toBe("%PDF-");
    expect(sha256OfBytes(pdf!.content)).toBe(row.certificateSha256);
    const applyAudit = await lastAudit(db, "roster.apply");
    expect(applyAudit).toMatchObject({ actorType: "IMPORT", jobId: confirmed.runId, batchId: batch.id, regionCode: tree.county });
    expect(applyAudit.after).toEqual({ state: "CONFIRMED", certificateDate: "2026-10-12", certificateSha256: row.certificateSha256, added: 2, removed: 1, changed: 0, peopleCreated: 1 });
    expect((await lastAudit(db, "job.finish")).after).toMatchObject({ name: "roster-apply", total: 6, done: 6 });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: confirmed.runId } })).toMatchObject({ state: "SUCCEEDED", done: 6, total: 6 });

    // The job run again (a retry after its commit) does nothing.
    const identities = await db.personIdentity.count();
    expect(await runRosterApplyJob(db, confirmed.runId)).toMatchObject({ state: "DONE" });
    expect(await db.personIdentity.count()).toBe(identities);

    const { actor: medical } = await makeUser(db, "MEDICAL_SECURITY", tree.county);
    expect(await dueLists(db, medical, new Date("2026-12-01T02:00:00Z"))).toEqual([{ kind: "TO_ACKNOWLEDGE", batchId: batch.id, bureau: "CIVIL_AFFAIRS", period: "2026Q3", dueOn: "2026-10-13", confirmedAt: expect.any(String), late: true }]);
    await acknowledgeRoster(db, medical, { batchId: batch.id });
    expect(await dueLists(db, medical)).toEqual([]);

    const exported = await exportCurrentList(db, actor, { bureau: "CIVIL_AFFAIRS" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(exported.content));
    const sheetRows = workbook.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(sheetRows[0]).toEqual(["序号", "乡镇", "姓名", "身份证号", "类别", "家庭人口", "认定日期"]);
    expect(sheetRows.slice(1).map((r) => [r[2], r[4], r[6]]).sort()).toEqual([["张三", "低保对象", "2026-10-12"], ["李四", "低保对象", "2026-10-12"]]);
    expect((await lastAudit(db, "roster.export")).after).toEqual({ bureau: "CIVIL_AFFAIRS", rows: 2 });
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ state: "ACKNOWLEDGED", acknowledgedBy: medical.username });
  });

  it("with row errors is not confirmed; when the registry moved after the check, the apply writes nothing and the list must be uploaded again", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const known = await person(tree.townA, "赵六");
    const bad = await uploadAndCheck(actor, await xlsx([["丙镇", "赵六", known.idNumber, "低保", "1", "新增", "2026-08-01"]]), "bad.xlsx");
    expect(bad).toMatchObject({ state: "UPLOADED", errorCount: 1 });
    expect(await db.rosterRowError.findMany({ where: { batchId: bad.id }, select: { rowNo: true, code: true } })).toEqual([{ rowNo: 3, code: "UNKNOWN_TOWNSHIP" }]);
    await expect(confirmRoster(db, actor, { batchId: bad.id, version: bad.version, certificateDate: "2026-10-12" })).rejects.toMatchObject({ key: "roster.hasErrors" });

    const good = await uploadAndCheck(actor, await xlsx([["甲镇", "赵六", known.idNumber, "低保", "1", "新增", "2026-08-01"]]), "good.xlsx");
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({ state: "SUPERSEDED" });
    await db.personIdentity.create({ data: { personId: known.id, type: "SUBSISTENCE", validFrom: new Date("2026-09-01") } });
    const before = await snapshot();
    const { batch, state } = await confirmAndApply(actor, good);
    expect(state).toBe("FAILED");
    expect(await snapshot()).toEqual(before);
    expect(batch).toMatchObject({ state: "FAILED", failureKey: "roster.stale", failureValues: { rows: 1 }, certificateFileId: null });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: batch.jobRunId! } })).toMatchObject({ state: "FAILED", error: "roster.stale" });
    expect((await lastAudit(db, "job.fail")).after).toMatchObject({ name: "roster-apply", error: "roster.stale" });
    await expectRefused(db, () => confirmRoster(db, actor, { batchId: batch.id, version: batch.version, certificateDate: "2026-10-12" }), StateError, { audited: true });
  });

  it("crashing during the apply leaves no half-applied list, and after the last retry the list can be confirmed again", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const { leaving, newId, file } = await goodList();
    const uploaded = await uploadAndCheck(actor, file, "crash.xlsx");
    // The new identities are written last: by then the new person exists and the removal is done.
    await db.$executeRawUnsafe(`CREATE FUNCTION roster_test_crash() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER roster_test_crash BEFORE INSERT ON person_identity FOR EACH ROW WHEN (NEW.roster_batch_id IS NOT NULL) EXECUTE FUNCTION roster_test_crash()`);
    const before = await snapshot();
    const confirmed = await confirmRoster(db, actor, { batchId: uploaded.id, version: uploaded.version, certificateDate: "2026-10-12" });
    try {
      // Every attempt fails the same way; the queue retries, then hands the run to lib/jobs/roster-failed.ts.
      for (let attempt = 0; attempt < 2; attempt++) await expect(runRosterApplyJob(db, confirmed.runId)).rejects.toThrow(/disk full/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER roster_test_crash ON person_identity`);
      await db.$executeRawUnsafe(`DROP FUNCTION roster_test_crash()`);
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.person.count({ where: { idNumber: newId } })).toBe(0);
    expect((await identitiesOf(leaving.id))[0]!.validTo).toBeNull();
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({ state: "APPLYING", certificateFileId: null });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: confirmed.runId } })).toMatchObject({ state: "RUNNING", attempts: 2 });

    await failRosterRun(db, confirmed.runId);
    const given = await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(given).toMatchObject({ state: "UPLOADED", failureKey: "roster.applyFailed", certificateFileId: null });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: confirmed.runId } })).toMatchObject({ state: "FAILED" });
    expect((await lastAudit(db, "job.fail")).after).toMatchObject({ name: "roster-apply", error: "roster.applyFailed" });
    expect(await snapshot()).toEqual(before);

    const { batch } = await confirmAndApply(actor, given);
    expect(batch).toMatchObject({ state: "CONFIRMED", failureKey: null });
    expect(await db.person.count({ where: { idNumber: newId } })).toBe(1);
  });

  it("whose file cannot be read stops with the reason, and one over the size limit is refused with the field's message", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const before = await snapshot();
    const noHeader = await uploadAndCheck(actor, new TextEncoder().encode("a,b,c\n1,2,3\n"), "x.csv");
    expect(noHeader).toMatchObject({ state: "FAILED", failureKey: "roster.file.NO_HEADER", rows: 0 });
    expect((await lastAudit(db, "job.finish")).after).toMatchObject({ name: "roster-check", error: "roster.file.NO_HEADER" });
    const missing = await uploadAndCheck(actor, new TextEncoder().encode("乡镇,姓名,身份证号\n甲镇,张三,1\n"), "y.csv");
    expect(missing).toMatchObject({ state: "FAILED", failureKey: "roster.file.MISSING_COLUMNS", failureValues: { columns: "category、householdSize、reason、effectiveDate" } });
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: noHeader.id } })).toMatchObject({ state: "SUPERSEDED" });

    const tooLarge = new File([new Uint8Array(ROSTER_MAX_BYTES + 1)], "big.csv");
    const error = await uploadRoster(db, actor, { period: "2026Q3", file: tooLarge }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.path.join("."), i.message])).toEqual([["file", "roster.fileSize"]]);
    expect(await snapshot()).toEqual(before);
  });

  it("registers a new person listed with two identities once", async () => {
    const { actor } = await makeUser(db, "VETERANS_AFFAIRS", tree.county);
    const newId = makeIdNumber(tree.county.slice(0, 6), "1950-07-08", (seq += 1) * 2 + 1, "M");
    const batch = await uploadAndCheck(actor, await xlsx([["甲镇", "钱七", newId, "复员军人", "1", "新增", "2026-08-01"], ["甲镇", "钱七", newId, "参战人员", "", "新增", "2026-08-01"]]));
    expect(batch).toMatchObject({ state: "UPLOADED", errorCount: 0, added: 2 });
    expect((await confirmAndApply(actor, batch)).batch.state).toBe("CONFIRMED");
    const created = await db.person.findMany({ where: { idNumber: newId }, include: { identities: { orderBy: { type: "asc" } } } });
    expect(created.map((p) => p.identities.map((i) => [i.type, i.certifiedBy]))).toEqual([[["DEMOBILIZED", "VETERANS_AFFAIRS"], ["WAR_VETERAN", "VETERANS_AFFAIRS"]]]);
  });

  it("replaced while it is being checked, stops and stays replaced", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const { file } = await goodList();
    const first = await uploadRoster(db, actor, { period: "2026Q3", file: new File([file], "first.xlsx") });
    const second = await uploadRoster(db, actor, { period: "2026Q3", file: new File([file], "second.xlsx") });
    expect(await runRosterCheckJob(db, first.runId)).toMatchObject({ state: "SUPERSEDED" });
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "SUPERSEDED", rows: 0 });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: first.runId } })).toMatchObject({ state: "SUCCEEDED" });
    expect(await runRosterCheckJob(db, second.runId)).toMatchObject({ state: "UPLOADED", rows: 3 });
  });

  it("is refused to other roles, bureaus and counties, and a refusal writes nothing but its audit row", async () => {
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const { file } = await goodList();
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", tree.townA);
    await expectRefused(db, () => uploadRoster(db, clerk, { period: "2026Q3", file: new File([file], "x.xlsx") }), ForbiddenError, { audited: true });
    const { actor: medical } = await makeUser(db, "MEDICAL_SECURITY", tree.county);
    await expectRefused(db, () => uploadRoster(db, medical, { period: "2026Q3", file: new File([file], "x.xlsx") }), ForbiddenError, { audited: true });

    const uploaded = await uploadAndCheck(civil, file, "x.xlsx");
    const before = await snapshot();
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", tree.county);
    await expectRefused(db, () => confirmRoster(db, veterans, { batchId: uploaded.id, version: uploaded.version, certificateDate: "2026-10-12" }), ForbiddenError, { audited: true });
    const { actor: otherCounty } = await makeUser(db, "CIVIL_AFFAIRS", away.county);
    await expectRefused(db, () => confirmRoster(db, otherCounty, { batchId: uploaded.id, version: uploaded.version, certificateDate: "2026-10-12" }), NotFoundError, { audited: true });
    await expectRefused(db, () => acknowledgeRoster(db, medical, { batchId: uploaded.id }), StateError, { audited: true });
    await expect(confirmRoster(db, civil, { batchId: uploaded.id, version: uploaded.version, certificateDate: "2026-09-29" })).rejects.toBeInstanceOf(DomainError);
    await expect(confirmRoster(db, civil, { batchId: uploaded.id, version: uploaded.version - 1, certificateDate: "2026-10-12" })).rejects.toMatchObject({ key: "errors.conflict" });
    expect(await snapshot()).toEqual(before);
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({ state: "UPLOADED" });
  });
});
