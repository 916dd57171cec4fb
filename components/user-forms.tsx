"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { IDLE, submittedValues } from "@/lib/action-state";
import { createUserAction, resetPasswordAction, updateUserAction } from "@/lib/users/users.actions";

type Option = { value: string; label: string };

export function CreateUserForm({ roles, regions }: { roles: Option[]; regions: Option[] }) {
  const t = useTranslations("users");
  const [state, formAction] = useActionState(createUserAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  return (
    <form key={formKey} action={formAction} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2"><FormMessage state={state} success={state.status === "ok" ? t("created", { username: state.data.username }) : undefined} /></div>
      <Field name="username" label={t("username")} hint={t("usernameHint")} defaultValue={v.username} error={e?.username} required />
      <Field name="displayName" label={t("displayName")} defaultValue={v.displayName} error={e?.displayName} required />
      <SelectField name="role" label={t("role")} options={roles} defaultValue={v.role} error={e?.role} />
      <SelectField name="regionCode" label={t("region")} options={regions} defaultValue={v.regionCode} error={e?.regionCode} />
      <Field name="password" type="password" label={t("password")} autoComplete="new-password" hint={t("passwordHint")} error={e?.password} required />
      <div className="flex items-end"><SubmitButton>{t("createSubmit")}</SubmitButton></div>
    </form>
  );
}

export function UpdateUserForm({ user, roles, regions }: {
  user: { id: string; version: number; displayName: string; role: string; regionCode: string; active: boolean };
  roles: Option[];
  regions: Option[];
}) {
  const t = useTranslations("users");
  const [state, formAction] = useActionState(updateUserAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  return (
    <form key={formKey} action={formAction} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("saved")} /></div>
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <Field name="displayName" label={t("displayName")} defaultValue={v.displayName ?? user.displayName} error={e?.displayName} required />
      <SelectField name="role" label={t("role")} options={roles} defaultValue={v.role ?? user.role} error={e?.role} />
      <SelectField name="regionCode" label={t("region")} options={regions} defaultValue={v.regionCode ?? user.regionCode} error={e?.regionCode} />
      <SelectField name="active" label={t("active")} options={[{ value: "true", label: t("activeState") }, { value: "false", label: t("inactive") }]} defaultValue={v.active ?? String(user.active)} error={e?.active} />
      <div><SubmitButton>{t("save")}</SubmitButton></div>
    </form>
  );
}

export function ResetPasswordForm({ id }: { id: string }) {
  const t = useTranslations("users");
  const [state, formAction] = useActionState(resetPasswordAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      <div className="w-full"><FormMessage state={state} success={t("passwordReset")} /></div>
      <input type="hidden" name="id" value={id} />
      <Field name="password" type="password" label={t("newPassword")} autoComplete="new-password" hint={t("passwordHint")} error={e?.password} required />
      <SubmitButton>{t("resetSubmit")}</SubmitButton>
    </form>
  );
}
