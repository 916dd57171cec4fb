import { randomInt } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Jurisdiction } from "@/lib/rules/domain";
import { addAttachment } from "@/lib/cases/add-attachment";
import { createCase } from "@/lib/cases/create-case";
import { forwardCase } from "@/lib/cases/forward-case";
import { investigateCase } from "@/lib/cases/investigate-case";
import { publicizeCase } from "@/lib/cases/publicize-case";
import { submitCase } from "@/lib/cases/submit-case";
import { chinaDate } from "@/lib/workflow/case-machine";
import { addDays } from "@/lib/workflow/deadlines";
import { APPLICATION_KINDS, type ApplicationKindId } from "@/lib/workflow/application-kinds";
import { makeRegionTree, makeUser } from "./factories";

export const TODAY = chinaDate(new Date());
export const daysAgo = (days: number) => addDays(TODAY, -days);

/** A small PDF's first bytes: enough for the magic-number check. */
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

export function pdfFile(name = "诊断证明.pdf", bytes: Uint8Array = PDF_BYTES): File {
  return new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
}

/**
 * A county of its own (with its jurisdiction, a hospital and one user of every role that acts on
 * cases) and a second county with its own approver, for the cross-region checks.
 */
export async function makeCaseWorld(db: Db, jurisdiction: Jurisdiction = "CN-SX-YQ") {
  const tree = await makeRegionTree(db);
  const away = await makeRegionTree(db);
  for (const t of [tree, away]) await db.region.update({ where: { code: t.county }, data: { jurisdiction, name: jurisdiction === "CN-CQ-QJ" ? "测试区" : "测试县" } });
  const hospital = await db.hospital.create({
    data: { code: `H${randomInt(1e9)}`, name: "测试县人民医院", regionCode: tree.county, level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, province: jurisdiction === "CN-CQ-QJ" ? "CQ" : "SX" },
  });
  const users = {
    clerk: (await makeUser(db, "TOWNSHIP_CLERK", tree.townA)).actor,
    clerkB: (await makeUser(db, "TOWNSHIP_CLERK", tree.townB)).actor,
    reviewer: (await makeUser(db, "TOWNSHIP_REVIEWER", tree.townA)).actor,
    reviewerB: (await makeUser(db, "TOWNSHIP_REVIEWER", tree.townB)).actor,
    medical: (await makeUser(db, "MEDICAL_SECURITY", tree.county)).actor,
    medical2: (await makeUser(db, "MEDICAL_SECURITY", tree.county)).actor,
    veterans: (await makeUser(db, "VETERANS_AFFAIRS", tree.county)).actor,
    auditor: (await makeUser(db, "AUDITOR", tree.county)).actor,
    finance: (await makeUser(db, "FINANCE", tree.county)).actor,
    awayMedical: (await makeUser(db, "MEDICAL_SECURITY", away.county)).actor,
    awayClerk: (await makeUser(db, "TOWNSHIP_CLERK", away.townA)).actor,
    awayFinance: (await makeUser(db, "FINANCE", away.county)).actor,
  };
  return { tree, away, hospital, users };
}

export type CaseWorld = Awaited<ReturnType<typeof makeCaseWorld>>;

let personSeq = 0;
/** A 低保 person (or a demobilised serviceman in Qijiang) insured since 2020. */
export async function makeApplicant(db: Db, regionCode: string, options: { identity?: "SUBSISTENCE" | "DEMOBILIZED" | null; name?: string } = {}) {
  personSeq += 1;
  // Not a valid check digit on purpose: unique by a wide random part, never a real person's number.
  const idNumber = `${regionCode.slice(0, 6)}${String(randomInt(1e10)).padStart(10, "0")}${personSeq % 10}X`;
  const identity = options.identity === undefined ? "SUBSISTENCE" : options.identity;
  return db.person.create({
    data: {
      idNumber,
      name: options.name ?? "张小三",
      sex: "F",
      birthDate: new Date("1955-03-01"),
      regionCode,
      hukouProvince: identity === "DEMOBILIZED" ? "CQ" : "SX",
      ruralHukou: true,
      identities: identity ? { create: [{ type: identity, validFrom: new Date("2020-01-01") }] } : undefined,
      insuranceEnrollments: { create: [{ scheme: "RESIDENT", validFrom: new Date("2020-01-01") }] },
    },
  });
}

/** An inpatient bill, as the clerk enters it, with its total adding up. */
export function inpatientBill(hospitalId: string, overrides: Record<string, unknown> = {}) {
  const items = [
    { fee: "OTHER", class: "A", amount: "30000.00" },
    { fee: "BED", class: "B_SERVICE", amount: "2000.00", days: "10" },
    { fee: "OTHER", class: "SELF_PAY", amount: "1000.00" },
  ];
  return {
    hospitalId,
    type: "INPATIENT",
    admitted: daysAgo(20),
    date: daysAgo(10),
    route: "LOCAL",
    diagnoses: "",
    items,
    total: "33000.00",
    ...overrides,
  };
}

/** Attaches one PDF per document the kind requires. */
export async function attachRequired(db: Db, clerk: Actor, caseId: string, kind: ApplicationKindId, version: number): Promise<number> {
  let v = version;
  for (const document of APPLICATION_KINDS[kind].requiredDocuments) {
    const result = await addAttachment(db, clerk, { caseId, version: v, kind: document.kind, file: pdfFile(`${document.kind}.pdf`) });
    v = result.version;
  }
  return v;
}

export const INVESTIGATION = {
  date: TODAY,
  investigators: "王五\n赵六",
  villageCommitteeMember: "村委会 刘七",
  householdSituation: "家中二人，无固定收入",
  findings: "情况属实",
  recommendation: "APPROVE" as const,
};

/**
 * Walks a case through the township to the county: filed, documents attached, submitted,
 * investigated, posted; the 公示 is then moved into the past (as if its period had run) and the
 * case forwarded. Returns the case id and its version in COUNTY_REVIEW.
 */
export async function caseInCountyReview(db: Db, world: CaseWorld, personId: string, options: { kind?: ApplicationKindId; bills?: unknown[] } = {}) {
  const kind = options.kind ?? "INPATIENT_ASSISTANCE";
  const { clerk, reviewer } = world.users;
  const created = await createCase(db, clerk, { personId, kind, bills: JSON.stringify(options.bills ?? [inpatientBill(world.hospital.id)]) });
  let version = await attachRequired(db, clerk, created.id, kind, created.version);
  version = (await submitCase(db, clerk, { caseId: created.id, version })).version;
  version = (await investigateCase(db, reviewer, { caseId: created.id, version, ...INVESTIGATION })).version;
  version = (await publicizeCase(db, reviewer, { caseId: created.id, version, place: "村务公开栏", startsOn: TODAY })).version;
  await runPublicityOut(db, created.id);
  version = (await forwardCase(db, reviewer, { caseId: created.id, version })).version;
  return { id: created.id, number: created.number, version };
}

/** Moves a running 公示 into the past, as if its period had run out. */
export async function runPublicityOut(db: Db, caseId: string) {
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { publicity: true } });
  const publicity = row.publicity as { startsOn: string; lastDay: string; days: number };
  const startsOn = daysAgo(publicity.days + 1);
  await db.case.update({
    where: { id: caseId },
    data: { publicity: { ...publicity, startsOn, lastDay: daysAgo(2) }, publicityEndsOn: new Date(`${daysAgo(2)}T00:00:00Z`) },
  });
}
