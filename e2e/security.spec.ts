import { readFileSync } from "node:fs";
import { expect, formMessage, loginThroughForm, prisma, submitLogin, test } from "./fixtures";

const XIUSHUI = "140322100";

test("after logout the old session cookie opens nothing and /api/auth/session does not renew it", async ({ browser, page, makeUser }) => {
  const user = await makeUser("TOWNSHIP_CLERK", XIUSHUI);
  await loginThroughForm(page, user.username, user.password);
  const old = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
  expect(old).toBeDefined();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "auth.logout" } })).toBe(1);

  // Another browser replays the cookie taken before the logout.
  const replay = await browser.newContext();
  await replay.addCookies([{ ...old!, expires: -1 }]);
  const stolen = await replay.newPage();
  await stolen.goto("/people");
  await expect(stolen).toHaveURL(/\/login/);
  const session = await replay.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
  await stolen.goto("/");
  await expect(stolen).toHaveURL(/\/login/);
  await replay.close();
});

test("a password set by the administrator confines its holder to the change-password page", async ({ page, makeUser, signInAs }) => {
  const user = await makeUser("TOWNSHIP_CLERK", XIUSHUI);
  await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
  await signInAs(page, user);
  for (const path of ["/", "/people", "/trial", "/policy"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/account\/password$/);
  }
  await expect(page.getByTestId("main-nav").getByRole("link")).toHaveCount(0);
  await page.getByRole("textbox", { name: "当前密码" }).fill(user.password);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Chosen-pass-2026");
  await page.getByRole("textbox", { name: "确认新密码" }).fill("Chosen-pass-2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改，其他设备上的登录已失效。")).toBeVisible();
  await page.goto("/people");
  await expect(page.getByRole("heading", { level: 1, name: "人员信息" })).toBeVisible();
});

test("lists show masked ID numbers and ages; the full number only on demand, audited", async ({ page, makeUser }) => {
  const user = await makeUser("TOWNSHIP_CLERK", XIUSHUI);
  const person = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: XIUSHUI } }, orderBy: { name: "asc" } });
  await loginThroughForm(page, user.username, user.password);
  await page.goto(`/people?q=${encodeURIComponent(person.idNumber)}`);
  const row = page.locator("tbody tr").first();
  await expect(row).toContainText(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(14)}`);
  const birth = person.birthDate.toISOString().slice(0, 10);
  await expect(page.locator("main")).not.toContainText(birth);
  await expect(page.locator("main")).not.toContainText(person.idNumber);

  await row.getByRole("link", { name: person.name }).click();
  await expect(page.getByTestId("id-number")).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  await expect(page.locator("main")).not.toContainText(birth);
  await page.getByRole("button", { name: "显示完整号码（将记入审计日志）" }).click();
  await expect(page.getByTestId("id-number")).toContainText(person.idNumber);
  const rows = await prisma.auditLog.findMany({ where: { actorId: user.id, action: "person.viewIdNumber" } });
  expect(rows.map((r) => r.entityId)).toEqual([person.id]);
});

test("pages carry the security headers and a CSP nonce on Next's scripts, which run", async ({ page, request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
  expect(headers["strict-transport-security"]).toBeUndefined();
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
  expect((await request.get("/login", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"]).toContain("max-age=");

  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  // The form only answers with a message if the page hydrated under the CSP.
  await submitLogin(page, "yx-clerk", "wrong-password-1");
  await expect(formMessage(page)).toContainText("用户名或密码错误");
  expect(violations).toEqual([]);
});

test("malformed URLs are refused, never a server error", async ({ page, request }) => {
  await loginThroughForm(page, "yx-admin");
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  for (const path of ["/people?q=%00", "/people?q=%ED%A0%80", "/people?q=%25_%25", "/people/------------------------------------", "/people/%ED%A0%80", "/people/%00", "/admin/users/------------------------------------", "/audit?actor=%00&from=0000-01-01", "/audit/export?actor=%ED%A0%80"]) {
    const status = (await request.get(path, { headers: { cookie: cookies }, maxRedirects: 0 })).status();
    expect.soft(status, path).toBeLessThan(500);
  }
});

test("malformed server-action bodies are refused with a message, never a server error", async ({ request }) => {
  // The ids of this build's actions, as the browser would send them in the Next-Action header.
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  const ids = Object.entries(manifest.node).filter(([, v]) => v.exportedName === "loginAction" || v.exportedName === "createUserAction").map(([id]) => id);
  expect(ids).toHaveLength(2);
  const bodies: [string, string][] = [
    ["text/plain;charset=UTF-8", ""], ["text/plain;charset=UTF-8", "garbage"], ["text/plain;charset=UTF-8", "[1,2"], ["text/plain;charset=UTF-8", '["$Q1"]'],
    ["multipart/form-data; boundary=xyz", ""], ["multipart/form-data; boundary=xyz", "garbage"], ["multipart/form-data; boundary=xyz", '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$@5"]\r\n--xyz--\r\n'],
  ];
  for (const id of ids) {
    for (const [type, body] of bodies) {
      const response = await request.post("/login", { headers: { "next-action": id, "content-type": type }, data: body, maxRedirects: 0 });
      expect.soft(response.status(), `${id.slice(0, 6)} ${type} ${body.slice(0, 20)}`).toBe(400);
      expect.soft(await response.text()).toContain("提交的内容格式不正确");
    }
  }
});
