import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { approveCase } from "@/lib/cases/approve-case";
import { caseWorksheet } from "@/lib/cases/cases.queries";
import { createCase } from "@/lib/cases/create-case";
import { backdateCase } from "@/lib/demo/backdate-case";
import { actorOf, advanceDemoCase, DEMO_CASE_PLAN, demoBill, type DemoTownship } from "@/lib/demo/cases";
import { samplePdf, samplePng } from "@/lib/demo/sample-files";
import { DutyError } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import type { IdentityType } from "@/lib/rules/domain";
import { documentNames } from "@/lib/trial/documents";
import { chinaDate } from "@/lib/workflow/case-machine";
import { addDays, addMonthsClamped } from "@/lib/workflow/deadlines";
import { maskName } from "@/lib/workflow/publicity-list";
import { expect, loginThroughForm, prisma, test } from "./fixtures";

// The case procedure as its users go through it (issue 8), in Debian's Chromium against the
// seeded demo county. One fixture steps outside the pages: a 公示 runs 7 days, so the journey
// moves the case's procedure dates 10 days back (backdateCase, lib/demo/backdate-case.ts) before
// the reviewer forwards it. Cases the journey does not walk through page by page are brought to
// county review by the same commands the pages call (advanceDemoCase), as the demo data is.

const XIUSHUI = "140322100"; // yx-clerk and yx-reviewer
const NANLOU = "140322103";
const GUNAN = "500110001"; // qj-clerk and qj-reviewer
// Screenshots for a person to look at (test-results/ is ignored by git, like the admin spec's).
const SHOTS = "test-results/screens";
const TODAY = chinaDate(new Date());


const plan = (code: string): DemoTownship => {
  const township = DEMO_CASE_PLAN.find((t) => t.code === code);
  if (!township) throw new Error(`no demo plan for ${code}`);
  return township;
};

/** A person of their own for one test: insured, with one identity since 2020, in a village of the township. */
async function makePerson(township: string, identity: IdentityType, name: string) {
  const village = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: township } }, select: { regionCode: true } });
  const idNumber = `${township.slice(0, 6)}1956${String(randomInt(1e7)).padStart(7, "0")}X`;
  return prisma.person.create({
    data: {
      idNumber, name, sex: "F", birthDate: new Date("1956-04-02"), regionCode: village.regionCode, hukouProvince: township.startsWith("5") ? "CQ" : "SX", ruralHukou: true,
      identities: { create: [{ type: identity, validFrom: new Date("2020-01-01") }] },
      insuranceEnrollments: { create: [{ scheme: "RESIDENT", validFrom: new Date("2020-01-01") }] },
    },
  });
}

/** Filed by the township's clerk and walked by the commands to the county's desk. */
async function caseAtCounty(township: DemoTownship, personId: string, clerkUsername = township.clerk) {
  const [clerk, reviewer, approver] = await Promise.all([actorOf(prisma, clerkUsername), actorOf(prisma, township.reviewer), actorOf(prisma, township.approver)]);
  const hospital = await prisma.hospital.findUniqueOrThrow({ where: { code: township.hospitalCode } });
  const bill = demoBill(hospital.id, randomInt(100), TODAY, township.kind === "QJ_SPECIAL_CARE_SUBSIDY");
  const created = await createCase(prisma, clerk, { personId, kind: township.kind, bills: JSON.stringify([bill]) });
  await advanceDemoCase(prisma, created, "COUNTY_REVIEW", { clerk, reviewer, approver, township, today: TODAY, index: randomInt(100) });
  return prisma.case.findUniqueOrThrow({ where: { id: created.id } });
}

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await loginThroughForm(page, username);
}

const stateBadge = (page: Page) => page.locator("#case-title ~ [data-testid=case-state]");

test("inpatient assistance of a 低保 person in 盂县: filed, investigated, posted, forwarded, approved, listed masked", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const person = await makePerson(XIUSHUI, "SUBSISTENCE", "郑秀英");
  const hospital = await prisma.hospital.findUniqueOrThrow({ where: { code: "H14032200001" } });

  // 1. The clerk opens the person and starts an application.
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${person.id}`);
  await page.screenshot({ path: `${SHOTS}/person-start-1024.png`, fullPage: true });
  await page.getByTestId("start-application").getByLabel("申请类别").selectOption({ label: "住院医疗救助" });
  await page.getByRole("button", { name: "新建申请" }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseId = page.url().split("/").pop() ?? "";
  await expect(stateBadge(page)).toHaveText("草稿");

  // The bill from the settlement sheet; a total that does not add up is refused, naming the field.
  const bill = page.getByTestId("bill-form");
  await bill.getByLabel("医疗机构").selectOption({ label: `${hospital.name}（2级 · SX）` });
  await bill.getByLabel("入院日期").fill(addDays(TODAY, -20));
  await bill.getByLabel("出院（结算）日期").fill(addDays(TODAY, -10));
  await bill.getByLabel("第 1 行 金额（元）").fill("30000.00");
  await bill.getByLabel("第 2 行 收费项目").selectOption("BED");
  await bill.getByLabel("第 2 行 医保类别").selectOption("B_SERVICE");
  await bill.getByLabel("第 2 行 金额（元）").fill("2000.00");
  await bill.getByLabel("第 2 行 天数（床位费）").fill("10");
  await bill.getByLabel("合计金额").fill("32000.01");
  await bill.getByRole("button", { name: "保存票据" }).click();
  await expect(bill.getByTestId("form-message")).toContainText("第1张单据的合计金额");
  expect(await prisma.claim.count({ where: { caseId } })).toBe(0);
  await bill.getByLabel("合计金额").fill("32000.00");
  await bill.getByRole("button", { name: "保存票据" }).click();
  await expect(page.getByTestId("bills").locator("tbody tr")).toHaveCount(1);

  // The documents: two scans (a PDF and a photo) plus the other two the kind requires.
  const upload = async (kind: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
    const form = page.getByTestId("upload-form");
    await form.getByLabel("材料类别").selectOption({ label: kind });
    await form.getByLabel("文件（PDF、JPG 或 PNG，不超过 10 MB）").setInputFiles(file);
    await form.getByRole("button", { name: "上传" }).click();
    await expect(page.getByTestId("attachments").getByText(file.name)).toBeVisible();
  };
  await upload("诊断证明", { name: "diagnosis.pdf", mimeType: "application/pdf", buffer: Buffer.from(samplePdf("Diagnosis certificate")) });
  await upload("费用票据", { name: "receipt.png", mimeType: "image/png", buffer: Buffer.from(samplePng()) });
  await upload("病史材料", { name: "history.pdf", mimeType: "application/pdf", buffer: Buffer.from(samplePdf("Medical history")) });
  await upload("医保结算单", { name: "settlement.pdf", mimeType: "application/pdf", buffer: Buffer.from(samplePdf("Settlement sheet")) });
  const pdf = await page.request.get(`/cases/${caseId}/attachments/${(await prisma.attachment.findFirstOrThrow({ where: { caseId, fileName: "diagnosis.pdf" } })).id}?download=1`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.screenshot({ path: `${SHOTS}/case-draft-1024.png`, fullPage: true });
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(stateBadge(page)).toHaveText("已提交");
  const { number } = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });

  // 2. The reviewer finds it in the worklist and records the investigation on a phone.
  await switchUser(page, "yx-reviewer");
  await page.goto("/cases");
  await expect(page.getByTestId(`worklist-row-${number}`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/worklist-reviewer-1024.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/cases/${caseId}`);
  const investigation = page.getByTestId("investigation-form");
  await investigation.getByLabel("调查人员 2").fill("王五");
  await investigation.getByLabel("在场村（居）委会成员").fill("村委会委员 刘七");
  await investigation.getByLabel("家庭情况").fill("家中二人，无固定收入，申请人长期住院。");
  await investigation.getByLabel("调查结论").fill("经入户核实，情况属实。");
  const box = await investigation.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  await investigation.screenshot({ path: `${SHOTS}/investigation-390.png` });
  await investigation.getByRole("button", { name: "保存调查" }).click();
  await expect(stateBadge(page)).toHaveText("乡镇审核");
  await expect(page.getByTestId("investigation")).toContainText("王五");
  await page.setViewportSize({ width: 1024, height: 768 });

  await page.getByTestId("publicize-form").getByRole("button", { name: "公示" }).click();
  await expect(stateBadge(page)).toHaveText("公示中");
  // The 公示 cannot pass before its period ends.
  await page.getByRole("button", { name: "报县审批" }).click();
  await expect(page.getByTestId("forward-form").getByTestId("form-message")).toContainText("公示期满后方可报县级审批");

  // 3. Ten days later (fixture: the procedure dates move back), the period has run.
  await backdateCase(prisma, caseId, 10);
  await page.reload();
  await page.getByRole("button", { name: "报县审批" }).click();
  await expect(stateBadge(page)).toHaveText("县级审批");

  // 4. The county approver checks an amount and a citation on the worksheet and approves.
  await switchUser(page, "yx-medsec");
  await page.goto(`/cases/${caseId}`);
  const computed = await caseWorksheet(prisma, await actorOf(prisma, "yx-medsec"), caseId);
  const sheet = computed?.bills[0]?.worksheet;
  const line = sheet?.lines.find((l) => l.citation !== null);
  if (!computed || !sheet || !line?.citation) throw new Error("the approver's worksheet has no cited line");
  await expect(page.getByTestId("worksheet")).toBeVisible();
  await expect(page.getByTestId(`line-${line.id}`)).toContainText(formatMoney(line.amount));
  await expect(page.getByTestId(`line-${line.id}`).getByTestId("citation")).toHaveText(`${documentNames()[line.citation.document] ?? line.citation.document} ${line.citation.article}`);
  await expect(page.getByTestId("approve-total")).toHaveText(formatMoney(computed.total));
  expect(computed.total).not.toBe("0.00");
  await page.screenshot({ path: `${SHOTS}/county-worksheet-1024.png`, fullPage: true });
  await page.getByRole("button", { name: "审批通过" }).click();
  await expect(stateBadge(page)).toHaveText("已审批");
  await expect(page.getByTestId("payout-total")).toHaveText(formatMoney(computed.total));
  await page.screenshot({ path: `${SHOTS}/case-approved-1024.png`, fullPage: true });

  // 5. The 公示 list of the township shows the case with the name masked, on the page and in the PDF.
  await page.goto(`/cases/publicity?township=${XIUSHUI}&from=${addDays(TODAY, -40)}&to=${TODAY}`);
  await expect(page.getByTestId("masked-name").filter({ hasText: maskName(person.name) }).first()).toBeVisible();
  await expect(page.getByText(person.name, { exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/publicity-list-1024.png`, fullPage: true });
  const posting = page.getByTestId("publicity-posting").filter({ hasText: maskName(person.name) });
  const listPdf = await page.request.get((await posting.getByTestId("publicity-pdf").getAttribute("href")) ?? "");
  expect(listPdf.status()).toBe(200);
  writeFileSync("test-results/publicity.pdf", await listPdf.body());
  const listText = execFileSync("pdftotext", ["test-results/publicity.pdf", "-"], { encoding: "utf8" });
  expect(listText).toContain(maskName(person.name));
  expect(listText).not.toContain(person.name);
  await page.goto("/cases/results");
  await expect(page.getByTestId("results").getByText(number)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/results-1024.png`, fullPage: true });
  await switchUser(page, "yx-finance");
  await page.goto("/payments");
  await expect(page.getByTestId("payments").getByText(number)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/payments-1024.png`, fullPage: true });
});

test("refused at county: the notice PDF names the reason, its article and both appeal periods; service sets both deadlines", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const person = await makePerson(XIUSHUI, "SUBSISTENCE", "钱桂兰");
  const kase = await caseAtCounty(plan(XIUSHUI), person.id);
  await loginThroughForm(page, "yx-medsec");
  await page.goto(`/cases/${kase.id}`);
  const refuse = page.getByTestId("refuse-form");
  await refuse.getByRole("button", { name: "作出不予救助决定" }).click();
  await expect(refuse.getByTestId("form-message")).toContainText("理由");
  await refuse.getByLabel("经入户调查，申请人家庭经济状况不属于医疗救助对象范围").check();
  await refuse.getByLabel("说明").fill("经县级复核，家庭收入高于当地标准。");
  await refuse.getByRole("button", { name: "作出不予救助决定" }).click();
  await expect(stateBadge(page)).toHaveText("不予救助");

  await switchUser(page, "yx-clerk");
  await page.goto(`/cases/${kase.id}`);
  await page.getByTestId("serve-form").getByRole("button", { name: "登记送达" }).click();
  await expect(page.getByTestId("served-on")).toHaveText(TODAY);
  await expect(page.getByTestId("reconsideration-by")).toContainText(addDays(TODAY, 60));
  await expect(page.getByTestId("lawsuit-by")).toContainText(addMonthsClamped(TODAY, 6));
  await expect(page.getByTestId("serve-form")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/case-refused-1024.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("notice-download").click()]);
  await download.saveAs("test-results/notice.pdf");
  const text = execFileSync("pdftotext", ["test-results/notice.pdf", "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  expect(text).toContain("经入户调查，申请人家庭经济状况不属于医疗救助对象范围");
  expect(text).toContain("§4(1)");
  expect(text).toContain("60日内");
  expect(text).toContain("6个月内");
});

test("a Qijiang special-care subsidy is approved by the district's veterans affairs bureau", async ({ page }) => {
  test.setTimeout(120_000);
  const person = await makePerson(GUNAN, "MARTYR_FAMILY", "蒋德芳");
  const kase = await caseAtCounty(plan(GUNAN), person.id);
  await loginThroughForm(page, "qj-medsec");
  await page.goto(`/cases/${kase.id}`);
  await expect(page.getByTestId("approve-form")).toHaveCount(0);
  await switchUser(page, "qj-veterans");
  await page.goto("/cases");
  await expect(page.getByTestId(`worklist-row-${kase.number}`)).toBeVisible();
  await page.goto(`/cases/${kase.id}`);
  await expect(page.getByTestId("worksheet")).toBeVisible();
  await expect(page.getByTestId("approve-total")).not.toHaveText("¥0.00");
  await page.getByRole("button", { name: "审批通过" }).click();
  await expect(stateBadge(page)).toHaveText("已审批");
  expect(await prisma.payout.count({ where: { caseId: kase.id } })).toBe(1);
});

test("a clerk replaying the approval is refused; another township's case, attachment and notice are not found", async ({ page }) => {
  test.setTimeout(120_000);
  const person = await makePerson(XIUSHUI, "SUBSISTENCE", "孙玉梅");
  const kase = await caseAtCounty(plan(XIUSHUI), person.id);

  // The approver's own request, captured on its way out and not sent.
  await loginThroughForm(page, "yx-medsec");
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**/cases/${kase.id}`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = { headers: route.request().headers(), body: route.request().postDataBuffer() ?? Buffer.alloc(0) };
    return route.abort();
  });
  await page.goto(`/cases/${kase.id}`);
  await page.getByRole("button", { name: "审批通过" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unrouteAll();

  await switchUser(page, "yx-clerk");
  const request = captured as { headers: Record<string, string>; body: Buffer } | null;
  if (!request) throw new Error("no approval request captured");
  const replay = await page.request.post(`/cases/${kase.id}`, {
    headers: { "next-action": request.headers["next-action"] ?? "", "content-type": request.headers["content-type"] ?? "", accept: "text/x-component" },
    data: request.body,
  });
  expect(replay.status()).toBe(200);
  expect(await replay.text()).toContain("您的角色无权进行此项操作");
  expect(await prisma.case.findUniqueOrThrow({ where: { id: kase.id }, select: { state: true } })).toEqual({ state: "COUNTY_REVIEW" });
  expect(await prisma.payout.count({ where: { caseId: kase.id } })).toBe(0);
  expect(await prisma.auditLog.count({ where: { action: "access.refused", entityId: kase.id } })).toBeGreaterThan(0);

  const theirs = await prisma.case.findFirstOrThrow({ where: { regionCode: { startsWith: NANLOU }, notices: { some: {} }, attachments: { some: {} } }, include: { notices: true, attachments: true } });
  await page.goto(`/cases/${theirs.id}`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  expect((await page.request.get(`/cases/${theirs.id}/attachments/${theirs.attachments[0]?.id}`)).status()).toBe(404);
  expect((await page.request.get(`/cases/${theirs.id}/notices/${theirs.notices[0]?.id}`)).status()).toBe(404);
  // Each probe is audited as a refusal; each file that does leave is audited as a download.
  expect(await prisma.auditLog.count({ where: { action: "access.refused", entityId: theirs.attachments[0]?.id ?? "" } })).toBeGreaterThan(0);
  const downloadsBefore = await prisma.auditLog.count({ where: { action: "file.download", entityId: theirs.notices[0]?.id ?? "" } });
  // The same URLs answer for whoever may see the case, and for nobody signed out.
  await switchUser(page, "yx-medsec");
  expect((await page.request.get(`/cases/${theirs.id}/notices/${theirs.notices[0]?.id}`)).status()).toBe(200);
  expect((await page.request.get(`/cases/${theirs.id}/attachments/${theirs.attachments[0]?.id}`)).status()).toBe(200);
  expect(await prisma.auditLog.count({ where: { action: "file.download", entityId: theirs.notices[0]?.id ?? "" } })).toBe(downloadsBefore + 1);
  // Another county's 公示 list is not found either.
  expect((await page.request.get(`/cases/publicity/pdf?township=${GUNAN}&from=${addDays(TODAY, -40)}&to=${TODAY}`)).status()).toBe(404);
  await page.context().clearCookies();
  expect((await page.request.get(`/cases/${theirs.id}/attachments/${theirs.attachments[0]?.id}`)).status()).toBe(404);
});

test("the filer, later a county approver, cannot approve their own case", async ({ page, makeUser, signInAs }) => {
  test.setTimeout(120_000);
  const filer = await makeUser("TOWNSHIP_CLERK", XIUSHUI);
  const person = await makePerson(XIUSHUI, "SUBSISTENCE", "周淑珍");
  const kase = await caseAtCounty(plan(XIUSHUI), person.id, filer.username);
  await prisma.user.update({ where: { id: filer.id }, data: { role: "MEDICAL_SECURITY", regionCode: "140322" } });
  await signInAs(page, filer);
  await page.goto(`/cases/${kase.id}`);
  await expect(page.getByTestId("own-case")).toBeVisible();
  await expect(page.getByTestId("approve-form")).toHaveCount(0);
  await expect(approveCase(prisma, await actorOf(prisma, filer.username), { caseId: kase.id, version: kase.version })).rejects.toBeInstanceOf(DutyError);
});
