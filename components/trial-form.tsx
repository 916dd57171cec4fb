"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { BillItemRows } from "@/components/bill-item-rows";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { Worksheet, type DocumentNames } from "@/components/worksheet";
import { IDLE, submittedValues } from "@/lib/action-state";
import { CLAIM_TYPES, IDENTITY_TYPES, JURISDICTIONS, RELATIONS, ROUTES, RUN_BY } from "@/lib/rules/domain";
import { trialCalculationAction } from "@/lib/trial/trial.actions";
import { TRIAL_ITEM_ROWS } from "@/lib/trial/trial.schema";

const DEFAULTS: Record<string, string> = {
  jurisdiction: "CN-SX-YQ", birthDate: "1950-01-01", sex: "M", identitiesFrom: "2010-01-01", claimType: "INPATIENT",
  date: "2025-06-20", admitted: "2025-06-10", hospitalLevel: "2", priceClass: "2", runBy: "COUNTY", province: "SX", route: "LOCAL",
  item_fee_0: "OTHER", item_class_0: "A", item_amount_0: "10000.00",
};

function Checkbox({ name, value, label, defaultChecked }: { name: string; value?: string; label: string; defaultChecked: boolean }) {
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} value={value ?? "on"} defaultChecked={defaultChecked} className="h-4 w-4" />
      {label}
    </label>
  );
}

export function TrialForm({ documents, conditions }: { documents: DocumentNames; conditions: readonly string[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(trialCalculationAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  // React resets a form after its action; put back what was sent (or the defaults on first view).
  const current: Record<string, string | string[]> | null =
    state.status === "ok" ? state.data.input : state.status === "error" ? submittedValues(state) : null;
  const val = (name: string): string => {
    if (!current) return DEFAULTS[name] ?? "";
    const entry = current[name];
    return typeof entry === "string" ? entry : "";
  };
  const checked = (name: string, value = "on", byDefault = false): boolean => {
    if (!current) return byDefault;
    const entry = current[name];
    return Array.isArray(entry) ? entry.includes(value) : entry === value;
  };
  const opts = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <div className="space-y-6">
      <form key={formKey} action={formAction} className="space-y-5" noValidate aria-describedby="trial-note">
        <p id="trial-note" className="text-sm text-slate-600">{t("trial.note")}</p>
        <FormMessage state={state} />

        <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
          <legend className="px-1 font-medium">{t("trial.person")}</legend>
          <SelectField name="jurisdiction" label={t("trial.jurisdiction")} options={opts(JURISDICTIONS, "jurisdiction")} defaultValue={val("jurisdiction")} error={e?.jurisdiction} />
          <Field name="birthDate" placeholder="YYYY-MM-DD" label={t("trial.birthDate")} defaultValue={val("birthDate")} error={e?.birthDate} required />
          <SelectField name="sex" label={t("trial.sex")} options={opts(["M", "F"], "sex")} defaultValue={val("sex")} error={e?.sex} />
          <div className="sm:col-span-3">
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">{t("trial.identities")}</legend>
              <div className="mt-1 grid grid-cols-2 gap-1 md:grid-cols-4">
                {IDENTITY_TYPES.map((type) => (
                  <Checkbox key={type} name="identities" value={type} label={t(`identity.${type}`)} defaultChecked={checked("identities", type)} />
                ))}
              </div>
              {e?.identities ? <p className="mt-1 text-sm text-red-700">{e.identities}</p> : null}
            </fieldset>
          </div>
          <Field name="identitiesFrom" placeholder="YYYY-MM-DD" label={t("trial.identitiesFrom")} defaultValue={val("identitiesFrom")} error={e?.identitiesFrom} required />
          <div className="flex flex-col justify-end gap-1">
            <Checkbox name="insured" label={t("trial.insured")} defaultChecked={checked("insured", "on", true)} />
            <Checkbox name="ruralHukou" label={t("trial.ruralHukou")} defaultChecked={checked("ruralHukou")} />
          </div>
          <fieldset className="flex flex-col justify-end gap-1">
            <legend className="text-sm font-medium text-slate-700">{t("trial.conditions")}</legend>
            {conditions.map((c) => (
              <Checkbox key={c} name="conditions" value={c} label={t(`condition.${c}`)} defaultChecked={checked("conditions", c)} />
            ))}
          </fieldset>
          <SelectField name="relation" label={t("trial.relation")} options={[{ value: "", label: t("trial.relationNone") }, ...opts(RELATIONS, "relation")]} defaultValue={val("relation")} error={e?.relation} />
          <Field name="cardAppliedOn" placeholder="YYYY-MM-DD" label={t("trial.cardAppliedOn")} hint={t("trial.cardHint")} defaultValue={val("cardAppliedOn")} error={e?.cardAppliedOn} />
        </fieldset>

        <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
          <legend className="px-1 font-medium">{t("trial.claim")}</legend>
          <SelectField name="claimType" label={t("trial.claimType")} options={opts(CLAIM_TYPES, "claimType")} defaultValue={val("claimType")} error={e?.claimType} />
          <Field name="date" placeholder="YYYY-MM-DD" label={t("trial.date")} defaultValue={val("date")} error={e?.date} required />
          <Field name="admitted" placeholder="YYYY-MM-DD" label={t("trial.admitted")} defaultValue={val("admitted")} error={e?.admitted} />
          <SelectField name="hospitalLevel" label={t("trial.hospitalLevel")} options={opts(["1", "2", "3"], "trial.levels")} defaultValue={val("hospitalLevel")} error={e?.hospitalLevel} />
          <SelectField name="priceClass" label={t("trial.priceClass")} options={opts(["1", "2", "3"], "trial.priceClasses")} defaultValue={val("priceClass")} error={e?.priceClass} />
          <SelectField name="runBy" label={t("trial.runBy")} options={opts(RUN_BY, "trial.runByOption")} defaultValue={val("runBy")} error={e?.runBy} />
          <Field name="province" label={t("trial.province")} hint={t("trial.provinceHint")} defaultValue={val("province")} error={e?.province} required />
          <SelectField name="route" label={t("trial.route")} options={opts(ROUTES, "trial.routeOption")} defaultValue={val("route")} error={e?.route} />
          <div className="flex items-end"><Checkbox name="publicHospital" label={t("trial.publicHospital")} defaultChecked={checked("publicHospital", "on", true)} /></div>
          <Field name="diagnoses" label={t("trial.diagnoses")} hint={t("trial.diagnosesHint")} defaultValue={val("diagnoses")} error={e?.diagnoses} className="sm:col-span-2" />
          <Field name="quota" label={t("trial.quota")} inputMode="decimal" defaultValue={val("quota")} error={e?.quota} />
          <Field name="memberPrice" label={t("trial.memberPrice")} inputMode="decimal" defaultValue={val("memberPrice")} error={e?.memberPrice} />
        </fieldset>

        <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-medium">{t("trial.items")}</legend>
          {e?.items ? <p className="mb-2 text-sm text-red-700" role="alert">{e.items}</p> : null}
          <BillItemRows rows={TRIAL_ITEM_ROWS} value={val} />
        </fieldset>

        <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
          <legend className="px-1 font-medium">{t("trial.settled")}</legend>
          <p className="text-sm text-slate-600 sm:col-span-3">{t("trial.settledHint")}</p>
          <Field name="settledInsurance" label={t("trial.settledInsurance")} inputMode="decimal" defaultValue={val("settledInsurance")} error={e?.settledInsurance} />
          <Field name="settledCriticalIllness" label={t("trial.settledCriticalIllness")} inputMode="decimal" defaultValue={val("settledCriticalIllness")} error={e?.settledCriticalIllness} />
          <Field name="settledAssistance" label={t("trial.settledAssistance")} inputMode="decimal" defaultValue={val("settledAssistance")} error={e?.settledAssistance} />
        </fieldset>

        <SubmitButton>{t("trial.submit")}</SubmitButton>
      </form>

      {state.status === "ok" ? <Worksheet data={state.data.worksheet} documents={documents} /> : null}
    </div>
  );
}
