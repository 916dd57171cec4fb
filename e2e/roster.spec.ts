import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_LIST_FILES, DEMO_LIST_NEW_PERSON } from "@/lib/demo/roster-lists";
import { expect, loginThroughForm, prisma, test } from "./fixtures";

const listFile = (key: keyof typeof DEMO_LIST_FILES) => join(import.meta.dirname, "..", "prisma", "demo-lists", DEMO_LIST_FILES[key]);

test("民政局 uploads a list with three bad rows, corrects it, confirms it and downloads the certificate; only the township's clerk sees the new 低保 identity", async ({ page, browser }) => {
  await loginThroughForm(page, "yx-civil");
  await page.goto("/rosters");
  await page.getByLabel("期间").fill("2026Q3");
  await page.getByLabel("名单文件").setInputFiles(listFile("civilWithErrors"));
  await page.getByRole("button", { name: "上传并核对" }).click();
  const errors = page.getByTestId("roster-errors");
  await expect(errors).toBeVisible();
  await expect(errors.locator("tbody tr")).toHaveCount(3);
  await expect(errors).toContainText("身份证号校验位错误");
  await expect(errors).toContainText("本县没有乡镇“秀山镇”");
  await expect(errors).toContainText("生效日期 2026-10-08 不在本期间内");
  await expect(page.getByTestId("roster-confirm-form")).toHaveCount(0);

  await page.goto("/rosters");
  await page.getByLabel("名单文件").setInputFiles(listFile("civil"));
  await page.getByRole("button", { name: "上传并核对" }).click();
  await expect(page.getByTestId("roster-entries").locator("tbody tr")).toHaveCount(6);
  await expect(page.getByTestId("roster-errors")).toHaveCount(0);
  await page.getByRole("button", { name: "确认并出具证明" }).click();
  // The page shows the list's new state, and the form that confirmed it is gone.
  await expect(page.getByTestId("roster-state")).toHaveText("已确认，待签收");
  await expect(page.getByTestId("roster-confirm-form")).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("certificate-link").click()]);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  const person = await prisma.person.findUniqueOrThrow({ where: { idNumber: DEMO_LIST_NEW_PERSON.idNumber } });
  const clerk = await browser.newPage();
  await loginThroughForm(clerk, "yx-clerk");
  await clerk.goto(`/people/${person.id}`);
  await expect(clerk.getByRole("heading", { name: DEMO_LIST_NEW_PERSON.name })).toBeVisible();
  await expect(clerk.getByTestId("identity-timeline").getByText("低保对象")).toBeVisible();
  const other = await browser.newPage();
  await loginThroughForm(other, "yx-clerk2");
  await other.goto(`/people/${person.id}`);
  await expect(other.getByRole("heading", { name: "未找到" })).toBeVisible();
});
