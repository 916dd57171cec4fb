import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { DomainError, ForbiddenError, NotFoundError, StateError } from "@/lib/errors";
import { makeIdNumber } from "@/lib/people/id-number";
import { acknowledgeRoster } from "@/lib/roster/acknowledge-roster";
import { confirmRoster } from "@/lib/roster/confirm-roster";
import { exportCurrentList } from "@/lib/roster/export-current-list";
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
const snapshot = async () => ({ people: await db.person.count(), identities: await db.personIdentity.findMany({ orderBy: { id: "asc" } }), files: await db.storedFile.count({ where: { mediaType: "application/pdf" } }) });

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

  it("uploaded, changes nothing but its audit line; confirmed, changes identities on the certificate date, with its certificate", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const { known, leaving, newId, file } = await goodList();
    const before = await snapshot();
    const uploaded = await uploadRoster(db, actor, { period: "2026Q3", file: new File([file], "2026Q3.xlsx") });
    expect(uploaded).toMatchObject({ errors: 0, added: 2, removed: 1, changed: 0, dueOn: "2026-10-13" });
    expect(await snapshot()).toEqual(before);
    expect((await lastAudit(db, "roster.upload")).after).toMatchObject({ bureau: "CIVIL_AFFAIRS", period: "2026Q3", rows: 3, errors: 0, added: 2, removed: 1 });

    const batch = await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } });
    const confirmed = await confirmRoster(db, actor, { batchId: batch.id, version: batch.version, certificateDate: "2026-10-12" });

    expect(await identitiesOf(known.id)).toEqual([{ type: "SUBSISTENCE", validFrom: new Date("2026-10-12"), validTo: null, rosterBatchId: batch.id, endedByRosterBatchId: null }]);
    expect(await identitiesOf(leaving.id)).toEqual([{ type: "SUBSISTENCE", validFrom: new Date("2024-01-01"), validTo: new Date("2026-08-19"), rosterBatchId: null, endedByRosterBatchId: batch.id }]);
    const created = await db.person.findUniqueOrThrow({ where: { idNumber: newId }, include: { identities: true } });
    expect(created).toMatchObject({ name: "李四", nameInitials: "ls", regionCode: tree.townB, sex: "F", birthDate: new Date("1980-05-06"), hukouProvince: "SX" });
    expect(created.identities.map((i) => [i.type, i.validFrom])).toEqual([["SUBSISTENCE", new Date("2026-10-12")]]);

    const row = await db.rosterBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(row).toMatchObject({ state: "CONFIRMED", certificateDate: new Date("2026-10-12"), certificateSha256: confirmed.sha256, added: 2, removed: 1 });
    const pdf = await getFile(db, confirmed.certificateFileId);
    expect(Buffer.from(pdf!.content).subarray(0, 5).toString()).toBe("%PDF-");
    expect(sha256OfBytes(pdf!.content)).toBe(confirmed.sha256);
    expect((await lastAudit(db, "roster.confirm")).after).toMatchObject({ state: "CONFIRMED", certificateDate: "2026-10-12", added: 2, removed: 1, peopleCreated: 1 });

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

  it("with row errors, or a registry that moved since the upload, is not confirmed", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const known = await person(tree.townA, "赵六");
    const bad = await uploadRoster(db, actor, { period: "2026Q3", file: new File([await xlsx([["丙镇", "赵六", known.idNumber, "低保", "1", "新增", "2026-08-01"]])], "bad.xlsx") });
    expect(bad.errors).toBe(1);
    expect(await db.rosterRowError.findMany({ where: { batchId: bad.id }, select: { rowNo: true, code: true } })).toEqual([{ rowNo: 3, code: "UNKNOWN_TOWNSHIP" }]);
    await expect(confirmRoster(db, actor, { batchId: bad.id, version: 1, certificateDate: "2026-10-12" })).rejects.toMatchObject({ key: "roster.hasErrors" });

    const good = await uploadRoster(db, actor, { period: "2026Q3", file: new File([await xlsx([["甲镇", "赵六", known.idNumber, "低保", "1", "新增", "2026-08-01"]])], "good.xlsx") });
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({ state: "SUPERSEDED" });
    await db.personIdentity.create({ data: { personId: known.id, type: "SUBSISTENCE", validFrom: new Date("2026-09-01") } });
    const before = await snapshot();
    await expect(confirmRoster(db, actor, { batchId: good.id, version: 1, certificateDate: "2026-10-12" })).rejects.toMatchObject({ key: "roster.stale" });
    expect(await snapshot()).toEqual(before);
  });

  it("crashing during the apply leaves no half-applied list", async () => {
    const { actor } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const { leaving, newId, file } = await goodList();
    const uploaded = await uploadRoster(db, actor, { period: "2026Q3", file: new File([file], "crash.xlsx") });
    // The new identities are written last: by then the new person exists and the removal is done.
    await db.$executeRawUnsafe(`CREATE FUNCTION roster_test_crash() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER roster_test_crash BEFORE INSERT ON person_identity FOR EACH ROW WHEN (NEW.roster_batch_id IS NOT NULL) EXECUTE FUNCTION roster_test_crash()`);
    const before = await snapshot();
    try {
      await expect(confirmRoster(db, actor, { batchId: uploaded.id, version: 1, certificateDate: "2026-10-12" })).rejects.toThrow(/disk full/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER roster_test_crash ON person_identity`);
      await db.$executeRawUnsafe(`DROP FUNCTION roster_test_crash()`);
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.person.count({ where: { idNumber: newId } })).toBe(0);
    expect((await identitiesOf(leaving.id))[0]!.validTo).toBeNull();
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({ state: "UPLOADED", certificateFileId: null });
  });

  it("is refused to other roles, bureaus and counties, and a refusal writes nothing but its audit row", async () => {
    const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", tree.county);
    const { file } = await goodList();
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", tree.townA);
    await expectRefused(db, () => uploadRoster(db, clerk, { period: "2026Q3", file: new File([file], "x.xlsx") }), ForbiddenError, { audited: true });
    const { actor: medical } = await makeUser(db, "MEDICAL_SECURITY", tree.county);
    await expectRefused(db, () => uploadRoster(db, medical, { period: "2026Q3", file: new File([file], "x.xlsx") }), ForbiddenError, { audited: true });

    const uploaded = await uploadRoster(db, civil, { period: "2026Q3", file: new File([file], "x.xlsx") });
    const before = await snapshot();
    const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", tree.county);
    await expectRefused(db, () => confirmRoster(db, veterans, { batchId: uploaded.id, version: 1, certificateDate: "2026-10-12" }), ForbiddenError, { audited: true });
    const { actor: otherCounty } = await makeUser(db, "CIVIL_AFFAIRS", away.county);
    await expectRefused(db, () => confirmRoster(db, otherCounty, { batchId: uploaded.id, version: 1, certificateDate: "2026-10-12" }), NotFoundError, { audited: true });
    await expectRefused(db, () => acknowledgeRoster(db, medical, { batchId: uploaded.id }), StateError, { audited: true });
    await expect(confirmRoster(db, civil, { batchId: uploaded.id, version: 1, certificateDate: "2026-09-29" })).rejects.toBeInstanceOf(DomainError);
    expect(await snapshot()).toEqual(before);
    expect(await db.rosterBatch.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({ state: "UPLOADED" });
  });
});
