import { makeIdNumber } from "@/lib/people/id-number";
import { expect, formMessage, loginThroughForm, prisma, test } from "./fixtures";

const XIUSHUI = "140322100"; // yx-clerk's township

// A person of yx-clerk's township for this test alone (the demo draws its own numbers: take a free one).
async function freshPerson(name: string, birthDate: string, regionCode = XIUSHUI) {
  for (let seq = 701; seq < 799; seq += 2) {
    const idNumber = makeIdNumber("140322", birthDate, seq, "M");
    if (await prisma.person.findUnique({ where: { idNumber } })) continue;
    return prisma.person.create({ data: { idNumber, name, sex: "M", birthDate: new Date(birthDate), regionCode, hukouProvince: "SX", ruralHukou: true } });
  }
  throw new Error("no free ID number");
}

test("医保局 records an enrolment and a condition on a person, reads the field errors, and ends the condition", async ({ page }) => {
  const person = await freshPerson("孔参保", "1946-04-12");
  await loginThroughForm(page, "yx-medsec");
  await page.goto(`/people/${person.id}`);

  const enrol = page.getByRole("form", { name: "登记参保时段" });
  // 盂县 (Shanxi) has one residents' standard: no tier to choose.
  await expect(enrol.getByLabel("档次")).toHaveCount(0);
  await enrol.getByLabel("险种").selectOption({ label: "城乡居民基本医疗保险" });
  await enrol.getByRole("button", { name: "登记参保" }).click();
  await expect(enrol.getByText("请输入有效日期（YYYY-MM-DD）。")).toBeVisible();
  await enrol.getByLabel("参保起始日期").fill("2021-01-01");
  await enrol.getByRole("button", { name: "登记参保" }).click();
  await expect(formMessage(page).filter({ hasText: "已登记参保时段。" })).toBeVisible();
  await expect(page.getByTestId("enrolments")).toContainText("城乡居民基本医疗保险");
  await expect(page.getByTestId("enrolments")).toContainText("2021-01-01 — 至今");

  const add = page.getByRole("form", { name: "登记特殊情况" });
  await add.getByLabel("类别").selectOption({ label: "长期卧床" });
  await add.getByLabel("认定日期").fill("2025-05-01");
  await add.getByRole("button", { name: "登记" }).click();
  await expect(add.getByText("请填写认定依据（如诊断证明的编号和出具医院）。")).toBeVisible();
  await expect(add.getByRole("alert")).toContainText("认定依据");
  await add.getByLabel("认定依据").fill("县人民医院鉴定意见 2025-031");
  await add.getByRole("button", { name: "登记" }).click();
  await expect(formMessage(page).filter({ hasText: "已登记特殊情况。" })).toBeVisible();
  const conditions = page.getByTestId("conditions");
  await expect(conditions).toContainText("长期卧床");
  await expect(conditions).toContainText("依据：县人民医院鉴定意见 2025-031");
  await page.screenshot({ path: "test-results/screens/person-enrolment-conditions.png", fullPage: true });

  const end = page.getByRole("form", { name: "终止（长期卧床）" });
  await end.getByLabel("终止日期").fill("2025-04-30");
  await end.getByRole("button", { name: "确认终止" }).click();
  await expect(end.getByText("结束日期不能早于开始日期。")).toBeVisible();
  await end.getByLabel("终止日期").fill("2026-03-31");
  await end.getByRole("button", { name: "确认终止" }).click();
  await expect(conditions).toContainText("2025-05-01 — 2026-03-31");
  await expect(page.getByRole("form", { name: "终止（长期卧床）" })).toHaveCount(0);
  await expect(page.getByTestId("person-history")).toContainText("终止特殊情况");
  await expect(page.getByTestId("person-history")).toContainText("登记参保时段");

  const rows = await prisma.personCondition.findMany({ where: { personId: person.id } });
  expect(rows.map((r) => [r.condition, r.validFrom.toISOString().slice(0, 10), r.validTo?.toISOString().slice(0, 10), r.evidence])).toEqual([["BEDRIDDEN", "2025-05-01", "2026-03-31", "县人民医院鉴定意见 2025-031"]]);
  const audit = await prisma.auditLog.findMany({ where: { entityId: person.id }, orderBy: { id: "asc" }, select: { action: true } });
  expect(audit.map((a) => a.action)).toEqual(["enrolment.add", "condition.add", "condition.end"]);

  // On a phone the forms keep one column and stay usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/people/${person.id}`);
  const box = await page.getByRole("form", { name: "登记特殊情况" }).boundingBox();
  expect(box && box.width).toBeLessThanOrEqual(390);
  await page.getByRole("form", { name: "登记特殊情况" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/person-conditions-phone.png", fullPage: true });

  // A township clerk sees the periods but no form to change them.
  await page.context().clearCookies();
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${person.id}`);
  await expect(page.getByTestId("conditions")).toContainText("长期卧床");
  await expect(page.getByRole("form", { name: "登记特殊情况" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "登记参保时段" })).toHaveCount(0);
});

test("a Qijiang enrolment names its tier", async ({ page }) => {
  const township = "500110001";
  const person = await prisma.person.create({ data: { idNumber: makeIdNumber("500110", "1952-08-08", 777, "M"), name: "綦参保", sex: "M", birthDate: new Date("1952-08-08"), regionCode: township, hukouProvince: "CQ", ruralHukou: true } });
  await loginThroughForm(page, "qj-medsec");
  await page.goto(`/people/${person.id}`);
  const enrol = page.getByRole("form", { name: "登记参保时段" });
  await enrol.getByLabel("参保起始日期").fill("2024-01-01");
  await enrol.getByRole("button", { name: "登记参保" }).click();
  await expect(enrol.getByText("请选择参保档次（一档或二档）。")).toBeVisible();
  await enrol.getByLabel("档次").selectOption({ label: "二档" });
  await enrol.getByRole("button", { name: "登记参保" }).click();
  await expect(page.getByTestId("enrolments")).toContainText("城乡居民基本医疗保险（二档）");
});

test("the administrator adds a hospital to the directory and corrects it; a clerk's bill form offers it", async ({ page }) => {
  const code = `H1403229${String(Date.now()).slice(-4)}`;
  await loginThroughForm(page, "yx-admin");
  await page.getByTestId("main-nav").getByRole("link", { name: "医疗机构目录" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "医疗机构目录" })).toBeVisible();
  await expect(page.getByTestId("hospital-list")).toContainText("盂县人民医院");
  await expect(page.getByTestId("hospital-list")).toContainText("山西省人民医院（上级区划维护）");
  await page.getByRole("link", { name: "新增医疗机构" }).click();

  const form = page.getByRole("form", { name: "新增医疗机构" });
  await form.getByLabel("机构编码").fill("H-1");
  await form.getByLabel("机构名称").fill("盂县测试卫生院");
  await form.getByLabel("所在省份").fill("shanxi");
  await form.getByRole("button", { name: "添加到目录" }).click();
  await expect(form.getByText("机构编码须为 4–20 位大写字母或数字，如 H14032200012。")).toBeVisible();
  await expect(form.getByText("省份须为两位大写字母，如 SX。")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/hospital-create-errors.png", fullPage: true });
  await form.getByLabel("机构编码").fill(code.toLowerCase());
  await form.getByLabel("所在省份").fill("SX");
  await form.getByLabel("所在区划").selectOption(XIUSHUI);
  await form.getByRole("button", { name: "添加到目录" }).click();
  await expect(page.getByText("已添加到目录；申请中的就医费用现在可以选择该机构。")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(code);

  const edit = page.getByRole("form", { name: "修改医疗机构" });
  await edit.getByLabel("机构名称").fill("盂县测试中心卫生院");
  await edit.getByLabel("医院级别").selectOption({ label: "二级" });
  await edit.getByLabel("医药补贴卡指定医院").selectOption({ label: "是" });
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(formMessage(page).filter({ hasText: "已保存。" })).toBeVisible();
  const row = await prisma.hospital.findUniqueOrThrow({ where: { code } });
  expect([row.name, row.level, row.cardDesignated, row.regionCode]).toEqual(["盂县测试中心卫生院", 2, true, XIUSHUI]);
  const audit = await prisma.auditLog.findMany({ where: { entityId: row.id }, orderBy: { id: "asc" }, select: { action: true } });
  expect(audit.map((a) => a.action)).toEqual(["hospital.create", "hospital.update"]);

  await page.goto(`/admin/hospitals?q=${encodeURIComponent("测试中心")}`);
  await expect(page.getByTestId("hospital-list").locator("tbody tr")).toHaveCount(1);
  await page.screenshot({ path: "test-results/screens/hospital-list.png", fullPage: true });

  // Bills pick their hospital from the same directory.
  const draft = await prisma.case.findFirstOrThrow({ where: { regionCode: { startsWith: XIUSHUI }, state: "DRAFT" } });
  await page.context().clearCookies();
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/cases/${draft.id}`);
  await expect(page.getByLabel("医疗机构").first().locator("option", { hasText: "盂县测试中心卫生院" })).toHaveCount(1);
});

test("a clerk registering a second record of the same name, birth date and township is warned, and may confirm", async ({ page }) => {
  const existing = await freshPerson("尤重名", "1949-10-21");
  let second = "";
  for (let seq = 611; seq < 699; seq += 2) {
    const id = makeIdNumber("140322", "1949-10-21", seq, "M");
    if (!(await prisma.person.findUnique({ where: { idNumber: id } }))) { second = id; break; }
  }
  await loginThroughForm(page, "yx-clerk");
  await page.goto("/people/new");
  await page.getByLabel("身份证号").fill(second);
  await page.getByLabel("姓名").fill("尤重名");
  await page.getByRole("button", { name: "登记" }).click();
  const warning = page.getByTestId("duplicate-warning");
  await expect(formMessage(page)).toContainText("本乡镇已有 1 条同名、同出生日期的人员记录");
  await expect(warning.getByRole("link", { name: "尤重名" })).toHaveAttribute("href", `/people/${existing.id}`);
  await expect(warning).toContainText(`140322********${existing.idNumber.slice(14)}`);
  await expect(page.getByLabel("姓名")).toHaveValue("尤重名");
  await page.screenshot({ path: "test-results/screens/person-duplicate-warning.png", fullPage: true });
  expect(await prisma.person.count({ where: { name: "尤重名" } })).toBe(1);

  await warning.getByLabel("我已核对，以上记录不是同一人，仍然登记").check();
  await page.getByRole("button", { name: "确认登记" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "尤重名" })).toBeVisible();
  const created = await prisma.person.findUniqueOrThrow({ where: { idNumber: second } });
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "person.create" } });
  expect(audit.after).toMatchObject({ possibleDuplicates: [existing.id] });
});

test("a county bureau merges a duplicate from the list; the duplicate's page says where it went", async ({ page }) => {
  const kept = await freshPerson("秦合并", "1941-01-30");
  const duplicate = await freshPerson("秦合并", "1941-01-30", `${XIUSHUI}201`);
  await prisma.personIdentity.create({ data: { personId: duplicate.id, type: "SUBSISTENCE", validFrom: new Date("2024-01-01"), certifiedBy: "CIVIL_AFFAIRS" } });
  await loginThroughForm(page, "yx-civil");
  await page.getByTestId("main-nav").getByRole("link", { name: "疑似重复人员" }).click();
  const group = page.getByRole("table", { name: /秦合并/ });
  await expect(group.locator("tbody tr")).toHaveCount(2);
  await group.getByRole("link", { name: /^合并至/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "合并重复人员记录" })).toBeVisible();
  await expect(page.getByTestId("merge-duplicate")).toContainText(`140322********${duplicate.idNumber.slice(14)}`);
  await expect(page.getByTestId("merge-kept")).toContainText(`140322********${kept.idNumber.slice(14)}`);
  await expect(page.getByTestId("merge-moves")).toContainText("1 个身份时段");
  const form = page.getByRole("form", { name: "确认合并" });
  await form.getByRole("button", { name: "确认合并" }).click();
  await expect(form.getByText("请填写合并理由（至少 4 个字）。")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/merge-page.png", fullPage: true });
  await form.getByLabel("合并理由").fill("同一人在村、镇各登记一次");
  await form.getByRole("button", { name: "确认合并" }).click();

  await expect(page).toHaveURL(`/people/${kept.id}`);
  await expect(page.getByTestId("merge-notice")).toContainText("以下重复记录已合并至本记录");
  await expect(page.getByTestId("identity-timeline")).toContainText("低保对象");
  await page.goto(`/people/${duplicate.id}`);
  await expect(page.getByTestId("merge-notice")).toContainText("此记录为重复记录");
  await expect(page.getByTestId("merge-notice").getByRole("link", { name: /秦合并/ })).toHaveAttribute("href", `/people/${kept.id}`);
  await page.screenshot({ path: "test-results/screens/merged-duplicate.png", fullPage: true });
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: duplicate.id, action: "person.merge" } });
  expect(audit.after).toMatchObject({ mergedIntoId: kept.id, reason: "同一人在村、镇各登记一次" });
});

test("another county gets not found for the new pages' records, and a township clerk may not merge", async ({ page }) => {
  const a = await freshPerson("曹跨县", "1955-05-05");
  const b = await freshPerson("曹跨县", "1955-05-05");
  const hospital = await prisma.hospital.findUniqueOrThrow({ where: { code: "H14032200001" } });
  await loginThroughForm(page, "qj-civil");
  await page.goto(`/people/merge?keep=${a.id}&merge=${b.id}`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  await page.goto("/people/duplicates");
  await expect(page.getByRole("table", { name: /曹跨县/ })).toHaveCount(0);

  await page.context().clearCookies();
  await loginThroughForm(page, "qj-admin");
  await page.goto(`/admin/hospitals/${hospital.id}`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  await page.goto("/admin/hospitals");
  await expect(page.getByTestId("hospital-list")).not.toContainText("盂县人民医院");

  await page.context().clearCookies();
  await loginThroughForm(page, "yx-clerk2");
  await page.goto(`/people/merge?keep=${a.id}&merge=${b.id}`);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await page.goto(`/people/${a.id}`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});
