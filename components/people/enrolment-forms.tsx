"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { IDLE, submittedValues } from "@/lib/action-state";
import { addEnrolmentAction, correctEnrolmentAction, endEnrolmentAction } from "@/lib/people/period.actions";

type Option = { value: string; label: string };
export type EnrolmentValues = { id: string; scheme: string; tier: string | null; validFrom: string; validTo: string | null };

const GRID = "grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2";

/** 医保局 records an enrolment period; the tier where the person's jurisdiction has tiers. */
export function AddEnrolmentForm({ personId, schemes, tiers }: { personId: string; schemes: Option[]; tiers: Option[] | null }) {
  const t = useTranslations("enrolmentForm");
  const [state, formAction] = useActionState(addEnrolmentAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <form key={formKey} action={formAction} className={GRID} noValidate aria-label={t("title")}>
      <h3 className="text-sm font-medium sm:col-span-2">{t("title")}</h3>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("added")} /></div>
      <input type="hidden" name="personId" value={personId} />
      <SelectField id="enrol-scheme" name="scheme" label={t("scheme")} options={schemes} defaultValue={text("scheme")} error={e?.scheme} />
      {tiers ? <SelectField id="enrol-tier" name="tier" label={t("tier")} options={tiers} defaultValue={text("tier")} error={e?.tier} /> : null}
      <Field id="enrol-from" name="validFrom" type="date" label={t("validFrom")} defaultValue={text("validFrom")} error={e?.validFrom} required />
      <Field id="enrol-to" name="validTo" type="date" label={t("validTo")} hint={t("validToHint")} defaultValue={text("validTo")} error={e?.validTo} />
      <div><SubmitButton>{t("submit")}</SubmitButton></div>
    </form>
  );
}

/** The last day of an open period, inline on its row. */
export function EndEnrolmentForm({ enrolmentId, label }: { enrolmentId: string; label: string }) {
  const t = useTranslations("enrolmentForm");
  const [state, formAction] = useActionState(endEnrolmentAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const id = `enrol-end-${enrolmentId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate aria-label={label}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
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

/** A period recorded wrongly, put right with the reason; behind a disclosure so the row stays short. */
export function CorrectEnrolmentForm({ enrolment, schemes, tiers, label }: { enrolment: EnrolmentValues; schemes: Option[]; tiers: Option[] | null; label: string }) {
  const t = useTranslations("enrolmentForm");
  const [state, formAction] = useActionState(correctEnrolmentAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  const id = (field: string) => `enrol-fix-${enrolment.id}-${field}`;
  return (
    <details className="w-full" open={state.status !== "idle" ? true : undefined}>
      <summary className="cursor-pointer text-sm text-brand-700">{t("correct")}</summary>
      <form key={formKey} action={formAction} className={`${GRID} mt-2`} noValidate aria-label={label}>
        <div className="sm:col-span-2"><FormMessage state={state} success={t("corrected")} /></div>
        <input type="hidden" name="enrolmentId" value={enrolment.id} />
        <SelectField id={id("scheme")} name="scheme" label={t("scheme")} options={schemes} defaultValue={text("scheme") ?? enrolment.scheme} error={e?.scheme} />
        {tiers ? <SelectField id={id("tier")} name="tier" label={t("tier")} options={tiers} defaultValue={text("tier") ?? enrolment.tier ?? ""} error={e?.tier} /> : null}
        <Field id={id("from")} name="validFrom" type="date" label={t("validFrom")} defaultValue={text("validFrom") ?? enrolment.validFrom} error={e?.validFrom} required />
        <Field id={id("to")} name="validTo" type="date" label={t("validTo")} hint={t("validToHint")} defaultValue={text("validTo") ?? enrolment.validTo ?? ""} error={e?.validTo} />
        <Field id={id("reason")} name="reason" label={t("reason")} hint={t("reasonHint")} defaultValue={text("reason")} error={e?.reason} required className="sm:col-span-2" />
        <div><SubmitButton>{t("correctSubmit")}</SubmitButton></div>
      </form>
    </details>
  );
}
