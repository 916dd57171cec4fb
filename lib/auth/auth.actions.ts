"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { signIn, signOut } from "@/lib/auth/auth";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";

const loginSchema = z.object({
  username: z.string().trim().min(1, { message: "validation.usernameRequired" }),
  password: z.string().min(1, { message: "validation.passwordRequired" }),
});

// Login is the one action without a session, so it cannot go through defineAction.
export async function loginAction(_prev: ActionState<null>, formData: FormData): Promise<ActionState<null>> {
  const t = await getTranslations();
  const parsed = loginSchema.safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= t(issue.message);
    return { status: "error", message: t("errors.checkFields", { fields: Object.keys(fieldErrors).map((f) => t(`login.${f}`)).join("、") }), fieldErrors, values: { username: String(formData.get("username") ?? "") } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { status: "ok", data: null };
  } catch (error) {
    if (error instanceof AuthError) {
      const locked = "code" in error && error.code === "locked";
      return { status: "error", message: t(locked ? "login.locked" : "login.invalid"), values: { username: parsed.data.username } };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
