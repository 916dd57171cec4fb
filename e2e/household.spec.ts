import { makeIdNumber } from "@/lib/people/id-number";
import { expect, formMessage, loginThroughForm, prisma, test } from "./fixtures";

const XIUSHUI = "140322100"; // yx-clerk's township; yx-clerk2 serves 南娄镇

// People of yx-clerk's township in no household yet, of this spec alone (its own birth date).
async function freshPerson(name: string, sex: "M" | "F", birthDate = "1962-04-15") {
  for (let seq = 701; seq < 799; seq += 1) {
    const idNumber = makeIdNumber("140322", birthDate, seq, sex);
    if (await prisma.person.findUnique({ where: { idNumber } })) continue;
    return prisma.person.create({ data: { idNumber, name, sex, birthDate: new Date(birthDate), regionCode: `${XIUSHUI}200`, hukouProvince: "SX", ruralHukou: true } });
  }
  throw new Error("no free ID number");
}

test("a township clerk registers a household with two members, on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const head = await freshPerson("韩建业", "M");
  const wife = await freshPerson("宋秀英", "F");
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${head.id}`);
  const section = page.getByTestId("household-section");
  await expect(section).toContainText("未登记家庭户。");
  await section.locator("summary", { hasText: "新建户" }).click();
  const create = page.getByRole("form", { name: "新建户" });
  await create.getByRole("button", { name: "新建户（本人为户主）" }).click();
  await expect(page.getByText("请填写家庭住址。")).toBeVisible();
  await create.getByLabel("家庭住址").fill("秀水镇东关村3组18号");
  await create.getByRole("button", { name: "新建户（本人为户主）" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "户信息：秀水镇东关村3组18号" })).toBeVisible();

  const add = page.getByRole("form", { name: "添加成员" });
  // A wrong check digit, then a number of another township: both at the field, in Chinese.
  await add.getByLabel("成员身份证号").fill(wife.idNumber.slice(0, 17) + (wife.idNumber[17] === "1" ? "2" : "1"));
  await add.getByRole("button", { name: "添加" }).click();
  await expect(page.getByText("身份证号校验位不正确，请核对最后一位及前面各位。")).toBeVisible();
  const elsewhere = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: "140322103" } } });
  await add.getByLabel("成员身份证号").fill(elsewhere.idNumber);
  await add.getByRole("button", { name: "添加" }).click();
  await expect(page.getByText("本乡镇没有登记此身份证号的人员；请核对号码，或先登记该人员。")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/household-add-errors-phone.png", fullPage: true });

  await add.getByLabel("成员身份证号").fill(wife.idNumber);
  await add.getByLabel("与户主关系").selectOption({ label: "配偶" });
  await add.getByRole("button", { name: "添加" }).click();
  await expect(formMessage(page).filter({ hasText: "已添加成员。" })).toBeVisible();
  const members = page.getByTestId("household-members");
  await expect(members.locator("li")).toHaveCount(2);
  await expect(members).toContainText("韩建业");
  await expect(members).toContainText("宋秀英");
  await expect(members).toContainText(`140322********${wife.idNumber.slice(14)}`);
  await page.screenshot({ path: "test-results/screens/household-phone.png", fullPage: true });

  // The person page shows the household, each member linked; the history has the change.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/people/${wife.id}`);
  await expect(page.getByTestId("household-section")).toContainText("宋秀英（本人）");
  await expect(page.getByTestId("household-section").getByRole("link", { name: "韩建业" })).toHaveAttribute("href", `/people/${head.id}`);
  await expect(page.getByTestId("person-history")).toContainText("加入家庭户");
  await page.screenshot({ path: "test-results/screens/household-on-person-page.png", fullPage: true });
  const rows = await prisma.person.findMany({ where: { id: { in: [head.id, wife.id] } }, select: { householdId: true, relationToHead: true }, orderBy: { relationToHead: "asc" } });
  expect(rows.map((r) => r.relationToHead)).toEqual(["HEAD", "SPOUSE"]);
  expect(rows[0]?.householdId).toBe(rows[1]?.householdId);

  // Another township's clerk: the household and its members are not found.
  await page.context().clearCookies();
  await loginThroughForm(page, "yx-clerk2");
  for (const url of [`/households/${rows[0]?.householdId}`, `/people/${head.id}`, `/people/${wife.id}`]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "未找到" }), url).toBeVisible();
  }
});

test("退役军人事务局 links a martyr's widow to a martyr who is on no register", async ({ page }) => {
  const widow = await freshPerson("吕桂兰", "F", "1966-09-02");
  await loginThroughForm(page, "yx-veterans");
  await page.goto(`/people/${widow.id}`);
  await expect(page.getByTestId("serviceman-section")).toContainText("未关联军人。");
  await page.getByRole("link", { name: "新建军人档案并关联" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建军人档案" })).toBeVisible();
  const form = page.getByRole("form", { name: "新建军人档案" });
  await expect(form).toContainText("建档后关联家属：吕桂兰");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/serviceman-create-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await form.getByLabel("军人类别").selectOption({ label: "烈士" });
  await form.getByRole("button", { name: "建档" }).click();
  await expect(page.getByText("请填写军人姓名。")).toBeVisible();
  await expect(page.getByText("烈士、因公牺牲军人、病故军人须填写牺牲（病故）日期。")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/serviceman-create-errors.png", fullPage: true });
  await form.getByLabel("军人姓名").fill("韦振华");
  await form.getByLabel("牺牲（病故）日期").fill("1999-07-21");
  await form.getByLabel("证明书编号").fill("烈证字第0198号");
  await form.getByLabel("与军人关系").selectOption({ label: "配偶" });
  await form.getByRole("button", { name: "建档" }).click();

  // Back on the widow's page, linked.
  await expect(page.getByRole("heading", { level: 1, name: "吕桂兰" })).toBeVisible();
  const section = page.getByTestId("serviceman-section");
  await expect(section).toContainText("韦振华");
  await expect(section).toContainText("烈士");
  await expect(section).toContainText("1999-07-21");
  await expect(section).toContainText("配偶");
  await expect(section).toContainText("不在人员库（仅有档案）");
  await expect(page.getByTestId("person-history")).toContainText("关联军人");
  await page.screenshot({ path: "test-results/screens/serviceman-linked.png", fullPage: true });
  const linked = await prisma.person.findUniqueOrThrow({ where: { id: widow.id }, include: { serviceman: true } });
  expect(linked.serviceman).toMatchObject({ personId: null, name: "韦振华", kind: "MARTYR", hukouProvince: "SX", certificate: "烈证字第0198号" });
  expect(linked.relationToServiceman).toBe("SPOUSE");

  // The record's page lists her; the township clerk sees the link on her page, not the record.
  await section.getByRole("link", { name: "查看档案" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "韦振华" })).toBeVisible();
  await expect(page.getByTestId("serviceman-family")).toContainText("吕桂兰");
  await expect(page.getByTestId("serviceman-history")).toContainText("新建军人档案");
  await page.context().clearCookies();
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${widow.id}`);
  await expect(page.getByTestId("serviceman-section")).toContainText("韦振华");
  await expect(page.getByRole("form", { name: "关联军人" })).toHaveCount(0);
  await page.goto(`/servicemen/${linked.servicemanId}`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  // Another county's bureau: neither the record nor the widow.
  await page.context().clearCookies();
  await loginThroughForm(page, "qj-veterans");
  for (const url of [`/servicemen/${linked.servicemanId}`, `/people/${widow.id}`, `/servicemen/new?family=${widow.id}`]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "未找到" }), url).toBeVisible();
  }
});

test("a clerk proposes 低保, 民政局 accepts it, the clerk sees the outcome", async ({ page }) => {
  const person = await freshPerson("常春花", "F", "1958-11-30");
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${person.id}`);
  await page.locator("summary", { hasText: "申报身份" }).click();
  const form = page.getByRole("form", { name: "申报身份" });
  await form.getByLabel("身份类别").selectOption({ label: "低保对象" });
  await form.getByLabel("起始日期").fill("2026-11-01");
  await form.getByLabel("申报理由及依据").fill("低");
  await form.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByText("请填写申报理由及依据，至少 4 个字。")).toBeVisible();
  await form.getByLabel("申报理由及依据").fill("丈夫病故，家庭人均收入低于低保标准，已入户核实");
  await form.getByLabel("材料存放位置").fill("秀水镇民政档案 2026-088");
  await form.getByRole("button", { name: "提交申报" }).click();
  await expect(formMessage(page).filter({ hasText: "已提交申报，等待认定部门处理。" })).toBeVisible();
  await expect(page.getByTestId("person-proposals")).toContainText("待认定");
  await expect(page.getByTestId("person-proposals")).toContainText("认定部门：县民政局");
  const proposal = await prisma.identityProposal.findFirstOrThrow({ where: { personId: person.id } });

  await page.context().clearCookies();
  await loginThroughForm(page, "yx-civil");
  const pending = await prisma.identityProposal.count({ where: { bureau: "CIVIL_AFFAIRS", state: "PENDING", person: { regionCode: { startsWith: "140322" } } } });
  await expect(page.getByTestId("proposals-pending")).toHaveText(String(pending));
  await page.getByTestId("proposals-pending").click();
  await expect(page.getByRole("heading", { level: 1, name: "身份申报" })).toBeVisible();
  await expect(page.getByTestId("proposal-list")).toContainText("常春花");
  await page.screenshot({ path: "test-results/screens/proposal-list.png", fullPage: true });
  await page.goto(`/identity-proposals/${proposal.id}`);
  await expect(page.getByTestId("proposal-state")).toHaveText("待认定");
  const accept = page.getByRole("form", { name: "采纳申报" });
  await accept.getByLabel("证明（名单批次、证书编号）").fill("盂民〔2026〕21号");
  await page.screenshot({ path: "test-results/screens/proposal-decide.png", fullPage: true });
  await accept.getByRole("button", { name: "采纳并登记身份" }).click();
  await expect(page.getByTestId("proposal-state")).toHaveText("已采纳");

  await page.context().clearCookies();
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${person.id}`);
  await expect(page.getByTestId("person-proposals")).toContainText("已采纳");
  await expect(page.getByTestId("identity-timeline")).toContainText("低保对象");
  await expect(page.getByTestId("identity-timeline")).toContainText("2026-11-01");
  await expect(page.getByTestId("identity-timeline")).toContainText("认定部门：县民政局");
  await expect(page.getByTestId("person-history")).toContainText("采纳身份申报");
  await page.screenshot({ path: "test-results/screens/proposal-outcome.png", fullPage: true });

  // Another township's clerk: not found, for the person and the proposal.
  await page.context().clearCookies();
  await loginThroughForm(page, "yx-clerk2");
  for (const url of [`/people/${person.id}`, `/identity-proposals/${proposal.id}`]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "未找到" }), url).toBeVisible();
  }
});

test("the demo shows a martyr's family, a household and a pending proposal", async ({ page }) => {
  const widow = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: XIUSHUI }, serviceman: { personId: null, kind: "MARTYR" } }, include: { serviceman: true } });
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${widow.id}`);
  await expect(page.getByTestId("serviceman-section")).toContainText(widow.serviceman?.name ?? "");
  await expect(page.getByTestId("household-section").locator("li").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/demo-martyr-family.png", fullPage: true });
  await page.context().clearCookies();
  await loginThroughForm(page, "yx-civil");
  await expect(page.getByTestId("proposals-pending")).not.toHaveText("0");
  await page.screenshot({ path: "test-results/screens/home-civil.png", fullPage: true });
});
