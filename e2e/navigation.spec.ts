import { expect, loginThroughForm, test } from "./fixtures";

// What each role's navigation holds; the pages behind the links check the same permissions.
const EXPECTED: Record<string, string[]> = {
  "yx-clerk": ["工作台", "待办事项", "人员信息", "公示名单", "审批结果", "待遇试算", "政策库"],
  "yx-reviewer": ["工作台", "待办事项", "人员信息", "公示名单", "审批结果", "待遇试算", "政策库"],
  "yx-medsec": ["工作台", "待办事项", "人员信息", "疑似重复人员", "公示名单", "审批结果", "待遇试算", "动态调整名单", "政策库"],
  "yx-veterans": ["工作台", "待办事项", "人员信息", "疑似重复人员", "身份申报", "军人档案", "公示名单", "审批结果", "待遇试算", "动态调整名单", "政策库"],
  "yx-civil": ["工作台", "待办事项", "人员信息", "疑似重复人员", "身份申报", "公示名单", "审批结果", "待遇试算", "动态调整名单", "政策库"],
  "yx-finance": ["工作台", "待办事项", "人员信息", "公示名单", "审批结果", "待支付", "政策库"],
  "yx-auditor": ["工作台", "待办事项", "人员信息", "公示名单", "审批结果", "待支付", "政策库", "审计日志"],
  "yx-admin": ["工作台", "政策库", "用户管理", "医疗机构目录", "区划管理", "审计日志"],
};

const ROLE_NAMES: Record<string, string> = {
  "yx-clerk": "乡镇经办员", "yx-reviewer": "乡镇审核员", "yx-medsec": "县医保局", "yx-veterans": "县退役军人事务局",
  "yx-civil": "县民政局", "yx-finance": "县财政局", "yx-auditor": "审计", "yx-admin": "系统管理员",
};

for (const [username, items] of Object.entries(EXPECTED)) {
  test(`${username} sees the navigation of their role`, async ({ page }) => {
    await loginThroughForm(page, username);
    await expect(page.getByTestId("current-user")).toContainText(ROLE_NAMES[username] ?? "");
    await expect(page.getByTestId("main-nav").getByRole("link")).toHaveText(items);
    if (username === "yx-clerk" || username === "yx-admin") {
      await page.screenshot({ path: `test-results/screens/home-${username}.png`, fullPage: true });
    }
  });
}

test("pages outside a role's permissions are refused", async ({ page }) => {
  await loginThroughForm(page, "yx-clerk");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("the interface switches to English and back", async ({ page }) => {
  await loginThroughForm(page, "yx-clerk");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("main-nav").getByRole("link", { name: "People" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByTestId("main-nav").getByRole("link", { name: "人员信息" })).toBeVisible();
});
