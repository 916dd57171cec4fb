import { test as base, expect, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import bcrypt from "bcryptjs";
import { createPrisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { DEMO_PASSWORD } from "@/lib/demo/users";

export const prisma = createPrisma(process.env.DATABASE_URL);

/** Fills and submits the login form, whatever the outcome. */
export async function submitLogin(page: Page, username: string, password: string) {
  await page.goto("/login", { waitUntil: "networkidle" });
  await page.getByRole("textbox", { name: "用户名" }).fill(username);
  await page.getByRole("textbox", { name: "密码" }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Signs in through the form and waits for the workbench. */
export async function loginThroughForm(page: Page, username: string, password = DEMO_PASSWORD) {
  await submitLogin(page, username, password);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** The message a form shows after its action ran (not Next's empty route announcer). */
export function formMessage(page: Page) {
  return page.getByTestId("form-message");
}

type Factory = {
  /** A fresh user of its own for one test, removed afterwards. */
  makeUser: (role: Role, regionCode: string, password?: string) => Promise<{ id: string; username: string; password: string }>;
  /** Signs the page in as that user without the form, as a session cookie. */
  signInAs: (page: Page, user: { id: string }) => Promise<void>;
};

export const test = base.extend<Factory>({
  makeUser: async ({}, provide, testInfo) => {
    const made: string[] = [];
    await provide(async (role, regionCode, password = "E2e-pass-2026") => {
      const username = `e2e-${testInfo.workerIndex}-${Date.now().toString(36)}-${made.length}`;
      const user = await prisma.user.create({
        data: { username, displayName: `测试用户${made.length + 1}`, role, regionCode, passwordHash: await bcrypt.hash(password, 4) },
      });
      made.push(user.id);
      return { id: user.id, username, password };
    });
    await prisma.user.deleteMany({ where: { id: { in: made } } });
  },
  signInAs: async ({ baseURL }, provide) => {
    await provide(async (page, user) => {
      const dbUser = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      const name = "authjs.session-token";
      const value = await encode({
        token: { sub: dbUser.id, uid: dbUser.id, pwdAt: dbUser.passwordChangedAt.getTime(), sv: dbUser.sessionVersion, loginAt: Date.now() },
        secret: process.env.AUTH_SECRET ?? "",
        salt: name,
      });
      await page.context().addCookies([{ name, value, url: baseURL ?? "", httpOnly: true, sameSite: "Lax" }]);
    });
  },
});

export { expect };
