import { expect, formMessage, loginThroughForm, prisma, test } from "./fixtures";

test("the admin creates a user, who then appears in the list and in the audit log", async ({ page }) => {
  const username = `zz-new-${Date.now().toString(36)}`;
  await loginThroughForm(page, "yx-admin");
  await page.getByTestId("main-nav").getByRole("link", { name: "用户管理" }).click();
  await page.getByRole("textbox", { name: "用户名" }).fill(username);
  await page.getByRole("textbox", { name: "姓名" }).fill("新来的经办员");
  await page.getByLabel("角色").selectOption("TOWNSHIP_CLERK");
  await page.getByLabel("所属辖区").selectOption({ label: "盂县（县（区））" });
  await page.getByRole("textbox", { name: "初始密码" }).fill("Start-pass-1");
  await page.getByRole("button", { name: "创建用户" }).click();
  // A township clerk must belong to a township: refused, and nothing is written.
  await expect(formMessage(page)).toContainText("须归属乡镇");
  expect(await prisma.user.count({ where: { username } })).toBe(0);

  // The refusal kept what was typed.
  await expect(page.getByRole("textbox", { name: "用户名" })).toHaveValue(username);
  await page.getByLabel("所属辖区").selectOption("140322100");
  await page.getByRole("textbox", { name: "初始密码" }).fill("Start-pass-1"); // secrets are not echoed back
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(formMessage(page)).toContainText(`已创建用户 ${username}`);
  await page.reload();
  await expect(page.getByRole("link", { name: username })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/users.png", fullPage: true });

  await page.getByTestId("main-nav").getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByRole("row").filter({ hasText: "新建用户" }).filter({ hasText: "yx-admin" }).first()).toBeVisible();
  await prisma.user.deleteMany({ where: { username } });
});

test("an admin of one county cannot open a user of the other by URL", async ({ page }) => {
  const qjUser = await prisma.user.findUniqueOrThrow({ where: { username: "qj-clerk" } });
  await loginThroughForm(page, "yx-admin");
  await page.goto(`/admin/users/${qjUser.id}`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});
