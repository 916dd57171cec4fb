import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createPrisma, type Db } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import {
  attachRequired,
  caseInCountyReview,
  daysAgo,
  INVESTIGATION,
  inpatientBill,
  makeApplicant,
  makeCaseWorld,
  pdfFile,
  PNG_BYTES,
  runPublicityOut,
  TODAY,
  type CaseWorld,
} from "@/test/integration/case-factories";
import { addDays } from "@/lib/workflow/deadlines";
import { addAttachment } from "./add-attachment";
import { approveCase } from "./approve-case";
import { attachmentDownload, caseDetail, caseWorksheet, noticeDownload, paymentOrder, publicityList, resultList, worklist } from "./cases.queries";
import { countyReturnCase } from "./county-return-case";
import { createCase } from "./create-case";
import { forwardCase } from "./forward-case";
import { investigateCase } from "./investigate-case";
import { publicizeCase } from "./publicize-case";
import { recordObjection } from "./record-objection";
import { recordPayment } from "./record-payment";
import { refuseCase } from "./refuse-case";
import { rejectCase } from "./reject-case";
import { removeAttachment } from "./remove-attachment";
import { resubmitCase } from "./resubmit-case";
import { returnCase } from "./return-case";
import { serveNotice } from "./serve-notice";
import { submitCase } from "./submit-case";
import { updateDraftBills } from "./update-draft-bills";
import { withdrawCase } from "./withdraw-case";

const db = createPrisma();
let world: CaseWorld;

beforeAll(async () => {
  world = await makeCaseWorld(db);
});
afterAll(() => db.$disconnect());

/** Every table a case command writes, counted (refusals leave only their access.refused row). */
async function caseRows(database: Db) {
  const [cases, claims, items, attachments, files, notices, payouts, identities, audit, refused, sequences] = await Promise.all([
    database.case.count(),
    database.claim.count(),
    database.claimItem.count(),
    database.attachment.count(),
    database.storedFile.count(),
    database.refusalNotice.count(),
    database.payout.count(),
    database.personIdentity.count(),
    database.auditLog.count({ where: { NOT: { action: "access.refused" } } }),
    database.auditLog.count({ where: { action: "access.refused" } }),
    database.numberSequence.aggregate({ _sum: { last: true } }),
  ]);
  return { cases, claims, items, attachments, files, notices, payouts, identities, audit, refused, sequences: sequences._sum.last ?? 0 };
}

async function expectNothingWritten(call: () => Promise<unknown>, errorClass: abstract new (...args: never[]) => Error, audited: boolean) {
  const before = await caseRows(db);
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(errorClass);
  const after = await caseRows(db);
  expect({ ...after, refused: after.refused - before.refused }).toEqual({ ...before, refused: audited ? 1 : 0 });
  return error;
}

async function draft(personId?: string, bills: unknown[] = [inpatientBill(world.hospital.id)]) {
  const id = personId ?? (await makeApplicant(db, world.tree.townA)).id;
  return createCase(db, world.users.clerk, { personId: id, kind: "INPATIENT_ASSISTANCE", bills: JSON.stringify(bills) });
}

async function submitted() {
  const created = await draft();
  const version = await attachRequired(db, world.users.clerk, created.id, "INPATIENT_ASSISTANCE", created.version);
  const result = await submitCase(db, world.users.clerk, { caseId: created.id, version });
  return { id: created.id, version: result.version };
}

async function investigated() {
  const kase = await submitted();
  const result = await investigateCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, ...INVESTIGATION });
  return { id: kase.id, version: result.version };
}

async function posted() {
  const kase = await investigated();
  const result = await publicizeCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, place: "村务公开栏", startsOn: TODAY });
  return { id: kase.id, version: result.version };
}

function validationPaths(error: unknown): string[] {
  return (error as ValidationError).issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
}

describe("createCase", () => {
  it("files a draft with its bills as APPLICATION claims, a county number and an audit row", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    const created = await draft(person.id);
    expect(created.number).toMatch(new RegExp(`^${world.tree.county}-\\d{4}-\\d{6}$`));
    const row = await db.case.findUniqueOrThrow({ where: { id: created.id }, include: { bills: { include: { items: true } } } });
    expect(row).toMatchObject({ state: "DRAFT", version: 1, kind: "INPATIENT_ASSISTANCE", regionCode: world.tree.townA, jurisdiction: "CN-SX-YQ", filedById: world.users.clerk.id });
    expect(row.bills).toHaveLength(1);
    expect(row.bills[0]).toMatchObject({ source: "APPLICATION", personId: person.id, hospitalId: world.hospital.id });
    expect(row.bills[0]?.items.map((i) => i.amount.toFixed(2))).toEqual(["30000.00", "2000.00", "1000.00"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "case.create" } });
    expect(audit.after).toMatchObject({ from: null, to: "DRAFT", version: 1, detail: { kind: "INPATIENT_ASSISTANCE", number: created.number, bills: 1 } });
  });

  it("is refused by role and by region, writing nothing but the refusal", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    const input = { personId: person.id, kind: "INPATIENT_ASSISTANCE" as const, bills: JSON.stringify([inpatientBill(world.hospital.id)]) };
    await expectNothingWritten(() => createCase(db, world.users.reviewer, input), ForbiddenError, true);
    await expectNothingWritten(() => createCase(db, world.users.clerkB, input), NotFoundError, true);
    await expectNothingWritten(() => createCase(db, world.users.awayClerk, input), NotFoundError, true);
  });

  it("names the field of a bad bill and saves nothing", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    const file = (bill: Record<string, unknown>) => createCase(db, world.users.clerk, { personId: person.id, kind: "INPATIENT_ASSISTANCE", bills: [inpatientBill(world.hospital.id, bill)] });
    const discharge = await expectNothingWritten(() => file({ admitted: daysAgo(5), date: daysAgo(9) }), ValidationError, false);
    expect(validationPaths(discharge)).toEqual(["bills.0.date:cases.validation.dischargeBeforeAdmission"]);
    const future = await expectNothingWritten(() => file({ date: addDays(TODAY, 1) }), ValidationError, false);
    expect(validationPaths(future)).toContain("bills.0.date:cases.validation.dateInFuture");
    const decimals = await expectNothingWritten(() => file({ total: "33000.001" }), ValidationError, false);
    expect(validationPaths(decimals)).toEqual(["bills.0.total:validation.amount"]);
    const sum = await expectNothingWritten(() => file({ total: "33000.01" }), ValidationError, false);
    expect(validationPaths(sum)).toEqual(["bills.0.total:cases.validation.totalMismatch"]);
    const hospital = await expectNothingWritten(() => file({ hospitalId: "00000000-0000-4000-8000-000000000000" }), ValidationError, false);
    expect(validationPaths(hospital)).toEqual(["bills.0.hospitalId:cases.validation.hospital"]);
  });

  it("refuses a kind that does not apply, with the reason and its article", async () => {
    const nobody = await makeApplicant(db, world.tree.townA, { identity: null });
    const refused = await expectNothingWritten(
      () => createCase(db, world.users.clerk, { personId: nobody.id, kind: "INPATIENT_ASSISTANCE", bills: [inpatientBill(world.hospital.id)] }),
      DomainError,
      false,
    );
    expect((refused as DomainError).key).toBe("workflow.filingRefused");
    expect(String((refused as DomainError).values.reasons)).toMatch(/YQ-JZ-2019/);
    const person = await makeApplicant(db, world.tree.townA);
    const qj = await expectNothingWritten(() => createCase(db, world.users.clerk, { personId: person.id, kind: "QJ_SPECIAL_CARE_SUBSIDY", bills: [] }), DomainError, false);
    expect((qj as DomainError).key).toBe("workflow.filingRefused");
  });

  it("replaces a draft's bills under the version check", async () => {
    const created = await draft();
    const result = await updateDraftBills(db, world.users.clerk, { caseId: created.id, version: created.version, bills: [inpatientBill(world.hospital.id), inpatientBill(world.hospital.id, { date: daysAgo(3), admitted: daysAgo(4) })] });
    expect(result.version).toBe(2);
    expect(await db.claim.count({ where: { caseId: created.id } })).toBe(2);
    await expectNothingWritten(() => updateDraftBills(db, world.users.clerk, { caseId: created.id, version: 1, bills: [] }), ConflictError, false);
    await expectNothingWritten(() => updateDraftBills(db, world.users.clerkB, { caseId: created.id, version: 2, bills: [] }), NotFoundError, true);
  });
});

describe("attachments", () => {
  it("stores pdf/jpg/png by content with its SHA-256, and refuses anything else or anything larger than 10 MB", async () => {
    const created = await draft();
    const pdf = await addAttachment(db, world.users.clerk, { caseId: created.id, version: created.version, kind: "DIAGNOSIS_CERTIFICATE", file: pdfFile() });
    expect(pdf).toMatchObject({ mediaType: "application/pdf", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Named .pdf, but a PNG by its bytes: stored as what it is.
    const png = await addAttachment(db, world.users.clerk, { caseId: created.id, version: pdf.version, kind: "RECEIPT", file: pdfFile("票据.pdf", PNG_BYTES) });
    expect(png.mediaType).toBe("image/png");
    const text = await expectNothingWritten(
      () => addAttachment(db, world.users.clerk, { caseId: created.id, version: png.version, kind: "OTHER", file: new File(["just text, called a pdf"], "x.pdf", { type: "application/pdf" }) }),
      ValidationError,
      false,
    );
    expect(validationPaths(text)).toEqual(["file:cases.validation.fileType"]);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const large = await expectNothingWritten(() => addAttachment(db, world.users.clerk, { caseId: created.id, version: png.version, kind: "OTHER", file: new File([big], "big.pdf") }), ValidationError, false);
    expect(validationPaths(large)).toEqual(["file:cases.validation.fileTooLarge"]);
    await expectNothingWritten(() => addAttachment(db, world.users.clerkB, { caseId: created.id, version: png.version, kind: "OTHER", file: pdfFile() }), NotFoundError, true);
    await expectNothingWritten(() => addAttachment(db, world.users.reviewer, { caseId: created.id, version: png.version, kind: "OTHER", file: pdfFile() }), ForbiddenError, true);
    const download = await attachmentDownload(db, world.users.clerk, created.id, pdf.id);
    expect(download?.sha256).toBe(pdf.sha256);
    expect(download?.content.byteLength).toBe(pdfFile().size);
    const removed = await removeAttachment(db, world.users.clerk, { caseId: created.id, version: png.version, attachmentId: png.id });
    expect(removed.version).toBe(png.version + 1);
    expect(await attachmentDownload(db, world.users.clerk, created.id, png.id)).toBeNull();
  });

  it("refuses attaching once the case has left the clerk", async () => {
    const kase = await submitted();
    await expectNothingWritten(() => addAttachment(db, world.users.clerk, { caseId: kase.id, version: kase.version, kind: "OTHER", file: pdfFile() }), StateError, true);
  });
});

describe("the township's steps", () => {
  it("submit needs the documents; then investigate, publicize, object, forward, each audited", async () => {
    const created = await draft();
    const missing = await expectNothingWritten(() => submitCase(db, world.users.clerk, { caseId: created.id, version: created.version }), DomainError, false);
    expect((missing as DomainError).key).toBe("workflow.DOCUMENTS_MISSING");
    const kase = await posted();
    const objection = { caseId: kase.id, version: kase.version, objector: "村民李某", receivedOn: TODAY, content: "家中有车", upheld: "", finding: "经核实车辆已报废" };
    const kept = await recordObjection(db, world.users.reviewer, objection);
    expect(kept.state).toBe("PUBLICITY");
    await expectNothingWritten(() => forwardCase(db, world.users.reviewer, { caseId: kase.id, version: kept.version }), DomainError, false);
    await runPublicityOut(db, kase.id);
    await expectNothingWritten(() => forwardCase(db, world.users.clerk, { caseId: kase.id, version: kept.version }), ForbiddenError, true);
    const forwarded = await forwardCase(db, world.users.reviewer, { caseId: kase.id, version: kept.version });
    expect(forwarded.state).toBe("COUNTY_REVIEW");
    const actions = (await db.auditLog.findMany({ where: { entityId: kase.id, action: { startsWith: "case." } }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions.filter((a) => !a.endsWith("Attachment"))).toEqual(["case.create", "case.submit", "case.investigate", "case.publicize", "case.object", "case.forward"]);
  });

  it("an upheld objection sends the case back to township review", async () => {
    const kase = await posted();
    const upheld = await recordObjection(db, world.users.reviewer, { caseId: kase.id, version: kase.version, objector: "村民", receivedOn: TODAY, content: "有收入", upheld: "on", finding: "属实" });
    expect(upheld.state).toBe("TOWNSHIP_REVIEW");
  });

  it("is refused by role, by region and by state", async () => {
    const kase = await submitted();
    const input = { caseId: kase.id, version: kase.version, ...INVESTIGATION };
    await expectNothingWritten(() => investigateCase(db, world.users.clerk, input), ForbiddenError, true);
    await expectNothingWritten(() => investigateCase(db, world.users.medical, input), ForbiddenError, true);
    const awayReviewer = { ...world.users.reviewer, id: world.users.awayClerk.id, regionCode: world.away.townA, regionPath: world.away.paths[world.away.townA] ?? "" };
    await expectNothingWritten(() => investigateCase(db, awayReviewer, input), NotFoundError, true);
    await expectNothingWritten(() => publicizeCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, place: "公开栏", startsOn: TODAY }), StateError, true);
    await expectNothingWritten(() => withdrawCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, reason: "x" }), ForbiddenError, true);
    const withdrawn = await withdrawCase(db, world.users.clerk, { caseId: kase.id, version: kase.version, reason: "申请人撤回" });
    expect(withdrawn.state).toBe("WITHDRAWN");
  });

  it("return and resubmit (补正), at the township and at the county", async () => {
    const kase = await submitted();
    const returned = await returnCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, missing: "MEDICAL_HISTORY", note: "请补充病历", dueOn: addDays(TODAY, 10) });
    expect(returned.state).toBe("RETURNED");
    const row = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(row.returnDueOn?.toISOString().slice(0, 10)).toBe(addDays(TODAY, 10));
    const attached = await addAttachment(db, world.users.clerk, { caseId: kase.id, version: returned.version, kind: "MEDICAL_HISTORY", file: pdfFile() });
    const again = await resubmitCase(db, world.users.clerk, { caseId: kase.id, version: attached.version });
    expect(again.state).toBe("SUBMITTED");
    const person = await makeApplicant(db, world.tree.townA);
    const county = await caseInCountyReview(db, world, person.id);
    const back = await countyReturnCase(db, world.users.medical, { caseId: county.id, version: county.version, missing: "RECEIPT", note: "票据不清", dueOn: addDays(TODAY, 5) });
    expect(back.state).toBe("RETURNED");
    const resubmitted = await resubmitCase(db, world.users.clerk, { caseId: county.id, version: back.version });
    expect(resubmitted.state).toBe("COUNTY_REVIEW");
  });
});

describe("refusals and their notices", () => {
  it("a township refusal issues the 附件5 notice: numbered, archived with its SHA-256, downloadable in the region only", async () => {
    const kase = await submitted();
    const refused = await rejectCase(db, world.users.reviewer, { caseId: kase.id, version: kase.version, reasons: "reviewer:HOUSEHOLD_NOT_IN_HARDSHIP", note: "" });
    expect(refused.state).toBe("REJECTED");
    expect(refused.noticeId).not.toBeNull();
    const notice = await db.refusalNotice.findUniqueOrThrow({ where: { id: refused.noticeId ?? "" }, include: { storedFile: true } });
    expect(notice).toMatchObject({ countyCode: world.tree.county, level: "TOWNSHIP", sha256: notice.storedFile.sha256 });
    expect(Buffer.from(notice.storedFile.content).subarray(0, 5).toString()).toBe("%PDF-");
    const download = await noticeDownload(db, world.users.clerk, kase.id, notice.id);
    expect(download?.sha256).toBe(notice.sha256);
    expect(await noticeDownload(db, world.users.clerkB, kase.id, notice.id)).toBeNull();
    expect(await noticeDownload(db, world.users.awayMedical, kase.id, notice.id)).toBeNull();
    const served = await serveNotice(db, world.users.clerk, { caseId: kase.id, version: refused.version, servedOn: TODAY });
    expect(served.state).toBe("REJECTED");
    const detail = await caseDetail(db, world.users.clerk, kase.id);
    expect(detail?.notices[0]?.servedOn).toBe(TODAY);
    expect(detail?.notices[0]?.deadlines?.reconsiderationBy.nominal).toBe(addDays(TODAY, 60));
    expect(detail?.dueDates.lawsuitBy).not.toBeNull();
  });

  it("a county refusal is the kind's approver's, with a reason; unknown reasons are refused", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    const kase = await caseInCountyReview(db, world, person.id);
    await expectNothingWritten(() => refuseCase(db, world.users.veterans, { caseId: kase.id, version: kase.version, reasons: "reviewer:COSTS_NOT_COMPLIANT", note: "" }), ForbiddenError, true);
    const unknown = await expectNothingWritten(() => refuseCase(db, world.users.medical, { caseId: kase.id, version: kase.version, reasons: "reviewer:NO_SUCH_REASON", note: "" }), DomainError, false);
    expect((unknown as DomainError).key).toBe("workflow.REASON_UNKNOWN");
    const refused = await refuseCase(db, world.users.medical, { caseId: kase.id, version: kase.version, reasons: ["reviewer:COSTS_NOT_COMPLIANT"], note: "票据与清单不符" });
    const notice = await db.refusalNotice.findUniqueOrThrow({ where: { id: refused.noticeId ?? "" } });
    expect(notice.level).toBe("COUNTY");
    expect(notice.issuedBy).toBe("测试县医疗保障局");
  });

  it("nothing left to pay is no approval: the approver refuses with the computation's reason and its article", async () => {
    const person = await makeApplicant(db, world.tree.townA);
    const stay = (day: number) => inpatientBill(world.hospital.id, { admitted: daysAgo(day + 5), date: daysAgo(day), items: [{ fee: "OTHER", class: "A", amount: "200000.00" }], total: "200000.00" });
    const first = await caseInCountyReview(db, world, person.id, { bills: [stay(20)] });
    await approveCase(db, world.users.medical, { caseId: first.id, version: first.version });
    const second = await caseInCountyReview(db, world, person.id, { bills: [stay(10)] });
    const nothing = await expectNothingWritten(() => approveCase(db, world.users.medical, { caseId: second.id, version: second.version }), DomainError, false);
    expect((nothing as DomainError).key).toBe("workflow.NOTHING_TO_APPROVE");
    const refused = await refuseCase(db, world.users.medical, { caseId: second.id, version: second.version, reasons: "rules:ANNUAL_CAP_REACHED", note: "" });
    const notice = await db.refusalNotice.findUniqueOrThrow({ where: { id: refused.noticeId ?? "" } });
    expect(notice.reasons).toEqual([expect.objectContaining({ source: "rules", code: "ANNUAL_CAP_REACHED", citation: expect.objectContaining({ document: "YQ-JZ-2019" }) })]);
  });

  it("numbers notices without gaps or repeats under concurrency, and a rolled-back refusal gives its number back", async () => {
    const local = await makeCaseWorld(db);
    const cases = [];
    for (let i = 0; i < 8; i++) {
      const person = await makeApplicant(db, local.tree.townA);
      const created = await createCase(db, local.users.clerk, { personId: person.id, kind: "INPATIENT_ASSISTANCE", bills: [inpatientBill(local.hospital.id)] });
      const version = await attachRequired(db, local.users.clerk, created.id, "INPATIENT_ASSISTANCE", created.version);
      cases.push({ id: created.id, version: (await submitCase(db, local.users.clerk, { caseId: created.id, version })).version });
    }
    const [first, ...rest] = cases;
    if (!first) throw new Error("no case");
    await expect(
      db.$transaction(async (tx) => {
        await rejectCase(tx, local.users.reviewer, { caseId: first.id, version: first.version, reasons: "reviewer:HOUSEHOLD_NOT_IN_HARDSHIP", note: "" });
        throw new Error("crash after numbering");
      }),
    ).rejects.toThrow("crash after numbering");
    const started = performance.now();
    await Promise.all(cases.map((kase) => rejectCase(db, local.users.reviewer, { caseId: kase.id, version: kase.version, reasons: "reviewer:HOUSEHOLD_NOT_IN_HARDSHIP", note: "" })));
    console.log(`8 parallel refusals with notices: ${(performance.now() - started).toFixed(0)} ms`);
    const seqs = (await db.refusalNotice.findMany({ where: { countyCode: local.tree.county }, select: { seq: true } })).map((n) => n.seq).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rest).toHaveLength(7);
  });
});

describe("recognition and special care", () => {
  it("a recognition approval grants LOW_INCOME from the approval date, sourced from the case", async () => {
    const person = await makeApplicant(db, world.tree.townA, { identity: null });
    const bill = inpatientBill(world.hospital.id, { items: [{ fee: "OTHER", class: "A", amount: "200000.00" }], total: "200000.00" });
    const kase = await caseInCountyReview(db, world, person.id, { kind: "LOW_INCOME_RECOGNITION", bills: [bill] });
    await approveCase(db, world.users.medical, { caseId: kase.id, version: kase.version });
    const identity = await db.personIdentity.findFirstOrThrow({ where: { personId: person.id, type: "LOW_INCOME" } });
    expect(identity.sourceCaseId).toBe(kase.id);
    expect(identity.validFrom.toISOString().slice(0, 10)).toBe(TODAY);
    expect(await db.auditLog.count({ where: { entityId: kase.id, action: "case.grantIdentity" } })).toBe(1);
  });

  it("a Qijiang subsidy case is approved by veterans affairs, not by medical security", async () => {
    const qj = await makeCaseWorld(db, "CN-CQ-QJ");
    const person = await makeApplicant(db, qj.tree.townA, { identity: "DEMOBILIZED" });
    const kase = await caseInCountyReview(db, qj, person.id, { kind: "QJ_SPECIAL_CARE_SUBSIDY" });
    await expectNothingWritten(() => approveCase(db, qj.users.medical, { caseId: kase.id, version: kase.version }), ForbiddenError, true);
    const approved = await approveCase(db, qj.users.veterans, { caseId: kase.id, version: kase.version });
    expect(approved.state).toBe("APPROVED");
    expect(Number(approved.total)).toBeGreaterThan(0);
  });
});

describe("queries", () => {
  it("the worklist counts per state and shows each role its own work", async () => {
    const local = await makeCaseWorld(db);
    const person = await makeApplicant(db, local.tree.townA);
    const review = await caseInCountyReview(db, local, person.id);
    const other = await createCase(db, local.users.clerk, { personId: (await makeApplicant(db, local.tree.townA)).id, kind: "INPATIENT_ASSISTANCE", bills: [inpatientBill(local.hospital.id)] });
    const forApprover = await worklist(db, local.users.medical, { mine: true });
    expect(forApprover.rows.map((r) => r.id)).toEqual([review.id]);
    expect(forApprover.rows[0]?.actions).toEqual(["approve", "refuse", "countyReturn"]);
    expect(forApprover.counts).toEqual({ COUNTY_REVIEW: 1, DRAFT: 1 });
    // Veterans affairs decides only the Qijiang subsidy: an assistance case is no work of theirs.
    expect((await worklist(db, local.users.veterans, { mine: true })).rows).toEqual([]);
    expect((await worklist(db, local.users.auditor, { mine: true })).rows).toEqual([]);
    expect((await worklist(db, local.users.auditor, {})).total).toBe(2);
    expect((await worklist(db, local.users.medical, { state: "DRAFT" })).rows.map((r) => r.id)).toEqual([other.id]);
    expect((await worklist(db, local.users.medical, { township: local.tree.townB })).rows).toEqual([]);
    const forClerk = await worklist(db, local.users.clerk, { mine: true });
    expect(forClerk.rows.map((r) => r.id)).toEqual([other.id]);
    expect((await worklist(db, local.users.clerkB, {})).rows).toEqual([]);
    expect((await worklist(db, local.users.awayMedical, {})).rows).toEqual([]);
    const sheet = await caseWorksheet(db, local.users.medical, review.id);
    expect(sheet?.bills).toHaveLength(1);
    expect(sheet?.bills[0]?.worksheet.lines.some((line) => line.citation !== null)).toBe(true);
    expect(await caseWorksheet(db, local.users.awayMedical, review.id)).toBeNull();
    const approved = await approveCase(db, local.users.medical, { caseId: review.id, version: review.version });
    expect(sheet?.total).toBe(approved.total);
    const order = await paymentOrder(db, local.users.finance);
    expect(order?.rows.map((r) => [r.id, r.total])).toEqual([[review.id, approved.total]]);
    await expectNothingWritten(() => recordPayment(db, local.users.clerk, { caseId: review.id, version: approved.version, paidOn: TODAY, reference: "FK-1" }), ForbiddenError, true);
    const paid = await recordPayment(db, local.users.finance, { caseId: review.id, version: approved.version, paidOn: TODAY, reference: "FK-1" });
    expect(paid.state).toBe("PAID");
    expect((await paymentOrder(db, local.users.finance))?.rows).toEqual([]);
    expect(await paymentOrder(db, local.users.clerk)).toBeNull();
    const results = await resultList(db, local.users.auditor);
    expect(results[0]?.name).toBe("张*三");
    expect(results[0]?.idNumber).toMatch(/^\d{6}\*+[\dX]{4}$/);
    const lists = await publicityList(db, local.users.reviewer, { township: local.tree.townA, from: daysAgo(30), to: TODAY });
    expect(lists).toHaveLength(1);
    expect(lists[0]?.rows[0]).toMatchObject({ name: "张*三", amount: approved.total });
  });

  it("case, attachment and notice outside the region are not found", async () => {
    const kase = await submitted();
    const detail = await caseDetail(db, world.users.clerk, kase.id);
    expect(detail?.timeline.length).toBeGreaterThan(0);
    expect(detail?.can.withdraw).toBe(true);
    const attachmentId = detail?.attachments[0]?.id ?? "";
    for (const outsider of [world.users.clerkB, world.users.awayClerk, world.users.awayMedical] as Actor[]) {
      expect(await caseDetail(db, outsider, kase.id)).toBeNull();
      expect(await attachmentDownload(db, outsider, kase.id, attachmentId)).toBeNull();
    }
    // An attachment of another case, asked for under this case's id, is not found either.
    const other = await submitted();
    const otherAttachment = (await caseDetail(db, world.users.clerk, other.id))?.attachments[0]?.id ?? "";
    expect(await attachmentDownload(db, world.users.clerk, kase.id, otherAttachment)).toBeNull();
    expect(await caseDetail(db, world.users.medical, kase.id)).not.toBeNull();
  });
});
