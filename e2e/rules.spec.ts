import { expect, formMessage, loginThroughForm, test } from "./fixtures";

test("a clerk runs a trial calculation and sees each amount with the article behind it", async ({ page }) => {
  await loginThroughForm(page, "yx-clerk");
  await page.getByTestId("main-nav").getByRole("link", { name: "待遇试算" }).click();
  await page.getByLabel("特困供养人员").check();
  await page.getByLabel("出生日期").fill("1960-01-01");
  await page.getByLabel("结算（出院）日期").fill("2025-04-02");
  await page.getByLabel("入院日期").fill("2025-03-28");
  await page.getByLabel("收费价格类别").selectOption("3");
  await page.getByLabel("医院举办层级").selectOption("CITY");
  await page.getByLabel("第 1 行 金额（元）").fill("5000.00");
  await page.getByLabel("第 2 行 医保类别").selectOption("B_SERVICE");
  await page.getByLabel("第 2 行 金额（元）").fill("1000.00");
  await page.getByLabel("第 3 行 医保类别").selectOption("SELF_PAY");
  await page.getByLabel("第 3 行 金额（元）").fill("300.00");
  await page.getByRole("button", { name: "试算" }).click();

  const sheet = page.getByTestId("worksheet");
  await expect(sheet.getByTestId("amount-gross")).toHaveText("¥6,300.00");
  await expect(sheet.getByTestId("amount-insurance")).toHaveText("¥4,930.00");
  await expect(sheet.getByTestId("amount-assistance")).toHaveText("¥970.00");
  await expect(sheet.getByTestId("amount-personal")).toHaveText("¥400.00");
  const assistanceLine = sheet.locator("tbody tr").filter({ hasText: "¥970.00" });
  await expect(assistanceLine.getByTestId("citation")).toContainText("阳医保发〔2019〕45号");
  const insuranceLine = sheet.locator("tbody tr").filter({ hasText: "¥4,930.00" });
  await expect(insuranceLine.getByTestId("citation")).toContainText("晋医保发〔2024〕19号");
  await expect(sheet.getByTestId("receipt")).toContainText("rules-engine");
  // The form keeps what was entered, for the next variation.
  await expect(page.getByLabel("第 2 行 金额（元）")).toHaveValue("1000.00");
  await expect(page.getByLabel("第 2 行 医保类别")).toHaveValue("B_SERVICE");
  await expect(page.getByLabel("收费价格类别")).toHaveValue("3");
  await expect(page.getByLabel("特困供养人员")).toBeChecked();
  await page.screenshot({ path: "test-results/screens/trial.png", fullPage: true });
});

test("a trial without any bill amount names the missing field", async ({ page }) => {
  await loginThroughForm(page, "yx-medsec");
  await page.goto("/trial");
  await page.getByLabel("第 1 行 金额（元）").fill("");
  await page.getByLabel("第 2 行 金额（元）").fill("12.345");
  await page.getByLabel("结算（出院）日期").fill("2025-02-30");
  await page.getByRole("button", { name: "试算" }).click();
  await expect(formMessage(page)).toContainText("费用明细");
  await expect(formMessage(page)).toContainText("结算（出院）日期");
  await expect(page.getByText("请输入有效日期（YYYY-MM-DD）。")).toBeVisible();
  await expect(page.getByTestId("worksheet")).toHaveCount(0);
});

test("the policy library lists documents and dated, cited parameters", async ({ page }) => {
  await loginThroughForm(page, "yx-auditor");
  await page.getByTestId("main-nav").getByRole("link", { name: "政策库" }).click();
  await expect(page.getByTestId("documents")).toContainText("晋退役军人规〔2024〕2号");
  await expect(page.getByTestId("documents")).toContainText("綦退役军人发〔2023〕39号");
  const cap = page.getByTestId("param-insurance.annualCap");
  await expect(cap).toContainText("¥70,000.00");
  await expect(cap).toContainText("晋医保发〔2024〕19号");
  await page.screenshot({ path: "test-results/screens/policy.png" });
});

test("the auditor may read the policy library but not run trial calculations", async ({ page }) => {
  await loginThroughForm(page, "yx-auditor");
  await page.goto("/trial");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});
