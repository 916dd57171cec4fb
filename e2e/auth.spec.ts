import { expect, formMessage, loginThroughForm, prisma, submitLogin, test } from "./fixtures";

test("a wrong password is refused with a Chinese message", async ({ page }) => {
  await submitLogin(page, "yx-clerk", "wrong-password-1");
  await expect(formMessage(page)).toContainText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("an empty form names the missing fields", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(formMessage(page)).toContainText("用户名");
  await expect(page.getByText("请输入密码。")).toBeVisible();
});

test("five wrong passwords lock the account, even against the right one, with the usual answer", async ({ page, makeUser }) => {
  const user = await makeUser("TOWNSHIP_CLERK", "140322100");
  for (let i = 0; i < 5; i++) {
    await submitLogin(page, user.username, `wrong-${i}-pass`);
    await expect(formMessage(page)).toBeVisible();
  }
  // The form does not tell a locked account from a wrong password (that would show which names exist).
  await submitLogin(page, user.username, user.password);
  await expect(formMessage(page)).toContainText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("sign in, sign out", async ({ page, makeUser }) => {
  // An account of its own: signing out revokes every session of the account (decision 009), and
  // the other tests sign in as the demo users at the same time.
  const user = await makeUser("TOWNSHIP_CLERK", "140322100");
  await loginThroughForm(page, user.username, user.password);
  await expect(page.getByTestId("current-user")).toContainText("乡镇经办员");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/people");
  await expect(page).toHaveURL(/\/login/);
});

test("changing the password ends the old one", async ({ page, makeUser }) => {
  const user = await makeUser("TOWNSHIP_CLERK", "140322100");
  await loginThroughForm(page, user.username, user.password);
  await page.getByRole("link", { name: "修改密码" }).click();
  await page.getByRole("textbox", { name: "当前密码" }).fill(user.password);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("short");
  await page.getByRole("textbox", { name: "确认新密码" }).fill("short");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码至少 8 位。")).toBeVisible();

  await page.getByRole("textbox", { name: "当前密码" }).fill(user.password); // secrets are not echoed back
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Another-pass-99");
  await page.getByRole("textbox", { name: "确认新密码" }).fill("Another-pass-99");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改，其他设备上的登录已失效。")).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  // The sign-out is a server action: navigating before it lands would cancel it.
  await expect(page).toHaveURL(/\/login/);
  await submitLogin(page, user.username, user.password);
  await expect(formMessage(page)).toContainText("用户名或密码错误");
  await loginThroughForm(page, user.username, "Another-pass-99");
});

test("a password change ends the user's other sessions at once", async ({ browser, makeUser }) => {
  const user = await makeUser("TOWNSHIP_CLERK", "140322100");
  const one = await browser.newContext();
  const first = await one.newPage();
  await loginThroughForm(first, user.username, user.password);
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await loginThroughForm(elsewhere, user.username, user.password);

  await first.goto("/account/password");
  await first.getByRole("textbox", { name: "当前密码" }).fill(user.password);
  await first.getByRole("textbox", { name: "新密码", exact: true }).fill("Fresh-pass-2027");
  await first.getByRole("textbox", { name: "确认新密码" }).fill("Fresh-pass-2027");
  await first.getByRole("button", { name: "修改密码" }).click();
  await expect(first.getByText("密码已修改，其他设备上的登录已失效。")).toBeVisible();

  await elsewhere.goto("/people");
  await expect(elsewhere).toHaveURL(/\/login/);
  await first.goto("/people");
  await expect(first.getByTestId("current-user")).toBeVisible();
  await Promise.all([one.close(), other.close()]);
});

test("a password set by the administrator asks to be changed", async ({ page, makeUser }) => {
  const user = await makeUser("TOWNSHIP_CLERK", "140322100");
  await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
  await loginThroughForm(page, user.username, user.password);
  await expect(page.getByText("您的密码由管理员设置，修改密码后才能使用其他功能。")).toBeVisible();
});
