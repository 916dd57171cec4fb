"use server";

import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { signIn, signOut } from "@/lib/auth/auth";
import { logout } from "@/lib/auth/logout";
import { getActor } from "@/lib/auth/session";
import { signInOutcome } from "@/lib/auth/sign-in-error";
import { prisma } from "@/lib/db";
import { cleanText } from "@/lib/text-input";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";

const loginSchema = z.object({
  username: z.string().trim().min(1, { message: "validation.usernameRequired" }).pipe(cleanText(64, "validation.usernameTooLong")),
  // Longer than any password can be (lib/auth/password.ts): refused here, like a wrong one, without work.
  password: z.string().min(1, { message: "validation.passwordRequired" }).max(1024, { message: "validation.passwordTooLong" }),
});

// Login is the one action without a session, so it cannot go through defineAction.
export async function loginAction(_prev: ActionState<null>, formData: FormData): Promise<ActionState<null>> {
  const t = await getTranslations();
  if (!(formData instanceof FormData)) return { status: "error", message: t("errors.invalidInput") };
  const parsed = loginSchema.safeParse({ username: formData.get("username") ?? "", password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= t(issue.message);
    return { status: "error", message: t("errors.checkFields", { fields: Object.keys(fieldErrors).map((f) => t(`login.${f}`)).join("、") }), fieldErrors, values: { username: String(formData.get("username") ?? "").slice(0, 64) } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { status: "ok", data: null };
  } catch (error) {
    const outcome = signInOutcome(error);
    if (outcome === "rethrow") throw error; // the redirect after a successful sign-in
    if (outcome === "unavailable") {
      // Not a wrong password: the database is down or read-only, or something else broke. Saying
      // "wrong password" here would send the user guessing towards a lockout.
      const requestId = randomUUID();
      console.error(`[login ${requestId}]`, (error as Error).cause ?? error);
      return { status: "error", message: t("login.unavailable", { requestId }), values: { username: parsed.data.username }, requestId };
    }
    return { status: "error", message: t(outcome === "throttled" ? "login.throttled" : "login.invalid"), values: { username: parsed.data.username } };
  }
}

export async function logoutAction(): Promise<void> {
  const actor = await getActor();
  // Revoked on the server first (and audited); the cookie is then cleared. With no valid session
  // there is nothing to revoke, only a cookie to clear.
  if (actor) await logout(prisma, actor, {}, { requestId: randomUUID() });
  await signOut({ redirectTo: "/login" });
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  if (!(formData instanceof FormData)) return;
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
