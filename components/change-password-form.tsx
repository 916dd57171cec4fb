"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { IDLE } from "@/lib/action-state";
import { changePasswordAction } from "@/lib/auth/account.actions";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [state, formAction] = useActionState(changePasswordAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      <FormMessage state={state} />
      <Field name="current" type="password" label={t("current")} autoComplete="current-password" error={errors?.current} required />
      <Field name="next" type="password" label={t("next")} autoComplete="new-password" hint={t("rules")} error={errors?.next} required />
      <Field name="confirm" type="password" label={t("confirm")} autoComplete="new-password" error={errors?.confirm} required />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
