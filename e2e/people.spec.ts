import { expect, loginThroughForm, prisma, test } from "./fixtures";

const XIUSHUI = "140322100"; // yx-clerk's township
const NANLOU = "140322103"; // yx-clerk2's township

test("a township clerk lists only their township, with masked ID numbers", async ({ page }) => {
  const own = await prisma.person.count({ where: { regionCode: { startsWith: XIUSHUI } } });
  expect(own).toBeGreaterThan(0);
  await loginThroughForm(page, "yx-clerk");
  await page.getByTestId("main-nav").getByRole("link", { name: "人员信息" }).click();
  await expect(page.getByText(`共 ${own} 人`)).toBeVisible();
  const firstId = page.locator("tbody tr").first().locator("td").nth(1);
  await expect(firstId).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  await page.screenshot({ path: "test-results/screens/people-list.png", fullPage: true });
});

test("search by name and by full ID number", async ({ page }) => {
  const person = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: XIUSHUI } }, orderBy: { idNumber: "asc" } });
  await loginThroughForm(page, "yx-clerk");
  await page.goto("/people");
  await page.getByLabel("姓名或身份证号").fill(person.idNumber);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr").first()).toContainText(person.name);

  await page.getByLabel("姓名或身份证号").fill(person.name);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator("tbody tr").first()).toContainText(person.name);

  await page.getByLabel("姓名或身份证号").fill("查无此人");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("没有找到与“查无此人”匹配的人员。")).toBeVisible();
});

test("a person of the township opens; another township's person by URL is not found", async ({ page }) => {
  const mine = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: XIUSHUI } } });
  const theirs = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: NANLOU } } });
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${mine.id}`);
  await expect(page.getByRole("heading", { level: 1, name: mine.name })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/person.png", fullPage: true });
  await page.goto(`/people/${theirs.id}`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  await expect(page.getByText(theirs.name)).toHaveCount(0);
});

test("a county bureau sees every township of its county but not the other county", async ({ page }) => {
  const nanlou = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: NANLOU } } });
  const qijiang = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: "500110" } } });
  await loginThroughForm(page, "yx-medsec");
  await page.goto(`/people/${nanlou.id}`);
  await expect(page.getByRole("heading", { level: 1, name: nanlou.name })).toBeVisible();
  await page.goto(`/people/${qijiang.id}`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});
