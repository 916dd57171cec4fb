"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { IDLE, submittedValues } from "@/lib/action-state";
import {
  addAssistanceIdentityAction,
  addMedicalIdentityAction,
  addSpecialCareIdentityAction,
  endAssistanceIdentityAction,
  endMedicalIdentityAction,
  endSpecialCareIdentityAction,
} from "@/lib/people/identity.actions";
import type { IdentityBureau } from "@/lib/people/identity-bureaus";

type Option = { value: string; label: string };

const ADD = { assistance: addAssistanceIdentityAction, "special-care": addSpecialCareIdentityAction, medical: addMedicalIdentityAction } as const;
const END = { assistance: endAssistanceIdentityAction, "special-care": endSpecialCareIdentityAction, medical: endMedicalIdentityAction } as const;

/** A bureau records a period of one of its own identities; the medical bureau names the approved case it comes from. */
export function AddIdentityForm({ bureau, personId, types, cases }: { bureau: IdentityBureau; personId: string; types: Option[]; cases: Option[] | null }) {
  const t = useTranslations("identityForm");
  const [state, formAction] = useActionState(ADD[bureau], IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <form key={formKey} action={formAction} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" noValidate aria-label={t("title")}>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("added")} /></div>
      <input type="hidden" name="personId" value={personId} />
      <SelectField name="type" label={t("type")} options={types} defaultValue={text("type")} error={e?.type} />
      {cases ? <SelectField name="sourceCaseId" label={t("sourceCase")} options={cases} defaultValue={text("sourceCaseId")} error={e?.sourceCaseId} /> : null}
      <Field name="validFrom" type="date" label={t("validFrom")} defaultValue={text("validFrom")} error={e?.validFrom} required />
      <Field name="validTo" type="date" label={t("validTo")} hint={t("validToHint")} defaultValue={text("validTo")} error={e?.validTo} />
      <Field name="certificate" label={t("certificate")} defaultValue={text("certificate")} error={e?.certificate} className="sm:col-span-2" />
      <div><SubmitButton>{t("submit")}</SubmitButton></div>
    </form>
  );
}

export function EndIdentityForm({ bureau, identityId, label }: { bureau: IdentityBureau; identityId: string; label: string }) {
  const t = useTranslations("identityForm");
  const [state, formAction] = useActionState(END[bureau], IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const id = `end-${identityId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate aria-label={label}>
      <input type="hidden" name="identityId" value={identityId} />
      <div>
        <label htmlFor={id} className="block text-xs text-slate-600">{t("validTo")}</label>
        <input id={id} name="validTo" type="date" defaultValue={typeof v.validTo === "string" ? v.validTo : undefined} aria-invalid={e?.validTo ? true : undefined} aria-describedby={e?.validTo ? `${id}-error` : undefined} className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
        {e?.validTo ? <p id={`${id}-error`} className="text-xs text-red-700">{e.validTo}</p> : null}
      </div>
      <SubmitButton className="px-2 py-1">{t("endSubmit")}</SubmitButton>
      {state.status === "error" && !e?.validTo ? <p role="alert" className="w-full text-xs text-red-700">{state.message}</p> : null}
    </form>
  );
}
