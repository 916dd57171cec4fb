"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, submittedValues } from "@/lib/action-state";
import { Field } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import { FormMessage } from "@/components/form-message";
import { loginAction } from "@/lib/auth/auth.actions";

export function LoginForm() {
  const t = useTranslations("login");
  const [state, formAction] = useActionState(loginAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="username" label={t("username")} autoComplete="username" defaultValue={submittedValues(state).username} error={errors?.username} required />
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" error={errors?.password} required />
      <SubmitButton className="w-full">{t("submit")}</SubmitButton>
    </form>
  );
}
