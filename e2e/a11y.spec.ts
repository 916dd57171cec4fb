import AxeBuilder from "@axe-core/playwright";
import { expect, loginThroughForm, prisma, test } from "./fixtures";

async function seriousViolations(page: import("@playwright/test").Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length}`);
}

test("login page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

test("console pages have no serious accessibility violations", async ({ page }) => {
  const person = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: "140322100" } } });
  await loginThroughForm(page, "yx-clerk");
  for (const path of ["/", "/people", `/people/${person.id}`, "/account/password", "/policy", "/trial"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  // The worksheet too, once a calculation has run.
  await page.getByRole("button", { name: "试算" }).click();
  await expect(page.getByTestId("worksheet")).toBeVisible();
  expect(await seriousViolations(page), "/trial worksheet").toEqual([]);
  await page.getByRole("button", { name: "退出登录" }).click();
  await loginThroughForm(page, "yx-admin");
  for (const path of ["/admin/users", "/audit"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test("the login form works from the keyboard alone", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await page.keyboard.type("yx-clerk");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Demo@2026");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-user")).toBeVisible();
});
