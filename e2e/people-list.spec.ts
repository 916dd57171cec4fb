import { readFileSync } from "node:fs";
import { nameInitials } from "@/lib/people/name-initials";
import { expect, loginThroughForm, prisma, test } from "./fixtures";

const XIUSHUI = "140322100"; // yx-clerk's township

test("search by pinyin initials, filter by identity and status, page by number", async ({ page }) => {
  const person = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: XIUSHUI } }, orderBy: { idNumber: "asc" } });
  const initials = nameInitials(person.name);
  await loginThroughForm(page, "yx-clerk");
  await page.goto("/people");
  await page.getByLabel("姓名或身份证号").fill(initials.toUpperCase());
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator("tbody tr").filter({ hasText: person.name }).first()).toBeVisible();

  // An identity someone of the township holds today in the seed: not one that only another test's
  // confirmed list gives (the tests run in any order).
  const today = new Date(new Date().toISOString().slice(0, 10));
  const held = await prisma.personIdentity.findFirstOrThrow({
    where: { person: { regionCode: { startsWith: XIUSHUI }, diedOn: null, movedOutOn: null, mergedIntoId: null }, validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gt: today } }] },
    orderBy: { type: "asc" },
  });
  const zh = JSON.parse(readFileSync("messages/zh-CN.json", "utf8")) as { identity: Record<string, string> };
  const label = zh.identity[held.type]!;
  await page.goto("/people");
  await page.getByLabel("身份类别").selectOption({ label });
  await page.getByLabel("状态").selectOption({ label: "享受中" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(new RegExp(`identity=${held.type}`));
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i++) await expect(rows.nth(i).locator("td").nth(5)).toContainText(label);
  await page.screenshot({ path: "test-results/screens/people-filtered.png", fullPage: true });

  const total = await prisma.person.count({ where: { regionCode: { startsWith: XIUSHUI } } });
  expect(total).toBeGreaterThan(20);
  await page.goto("/people");
  await page.getByRole("link", { name: "第 2 页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator('nav span[aria-current="page"]')).toHaveText("2");
});

test("the township filter offers only the clerk's own township", async ({ page }) => {
  await loginThroughForm(page, "yx-clerk");
  await page.goto("/people");
  await expect(page.getByLabel("乡镇（街道）").locator("option")).toHaveText(["全部", "秀水镇"]);
});
