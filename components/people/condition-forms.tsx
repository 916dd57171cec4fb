"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { IDLE, submittedValues } from "@/lib/action-state";
import { addConditionAction, endConditionAction } from "@/lib/people/period.actions";

/** The conditions of one policy list (the select groups them so a long list stays readable). */
export type ConditionGroup = { label: string; options: { value: string; label: string }[] };

export function AddConditionForm({ personId, groups }: { personId: string; groups: ConditionGroup[] }) {
  const t = useTranslations("conditionForm");
  const [state, formAction] = useActionState(addConditionAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <form key={formKey} action={formAction} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" noValidate aria-label={t("title")}>
      <h3 className="text-sm font-medium sm:col-span-2">{t("title")}</h3>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("added")} /></div>
      <input type="hidden" name="personId" value={personId} />
      <div className="sm:col-span-2">
        <label htmlFor="cond-condition" className="block text-sm font-medium text-slate-700">{t("condition")}</label>
        <select
          id="cond-condition"
          name="condition"
          defaultValue={text("condition")}
          aria-invalid={e?.condition ? true : undefined}
          aria-describedby={e?.condition ? "cond-condition-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
        >
          <option value="">{t("choose")}</option>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </optgroup>
          ))}
        </select>
        {e?.condition ? <p id="cond-condition-error" className="mt-1 text-sm text-red-700">{e.condition}</p> : null}
      </div>
      <Field id="cond-from" name="validFrom" type="date" label={t("validFrom")} defaultValue={text("validFrom")} error={e?.validFrom} required />
      <Field id="cond-to" name="validTo" type="date" label={t("validTo")} hint={t("validToHint")} defaultValue={text("validTo")} error={e?.validTo} />
      <Field id="cond-evidence" name="evidence" label={t("evidence")} hint={t("evidenceHint")} defaultValue={text("evidence")} error={e?.evidence} required className="sm:col-span-2" />
      <div><SubmitButton>{t("submit")}</SubmitButton></div>
    </form>
  );
}

export function EndConditionForm({ conditionId, label }: { conditionId: string; label: string }) {
  const t = useTranslations("conditionForm");
  const [state, formAction] = useActionState(endConditionAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const id = `cond-end-${conditionId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate aria-label={label}>
      <input type="hidden" name="conditionId" value={conditionId} />
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
