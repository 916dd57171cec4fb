"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { IDLE, submittedValues } from "@/lib/action-state";
import { createHospitalAction, updateHospitalAction } from "@/lib/hospitals/hospitals.actions";

type Option = { value: string; label: string };
export type HospitalValues = { id: string; code: string; name: string; regionCode: string; level: number; priceClass: number; runBy: string; isPublic: boolean; province: string; cardDesignated: boolean };

/** One form for a new directory entry and for correcting one; every field the rules read. */
export function HospitalForm({ hospital, regions, defaultProvince }: { hospital: HospitalValues | null; regions: Option[]; defaultProvince: string }) {
  const t = useTranslations("hospitals");
  const [state, formAction] = useActionState(hospital ? updateHospitalAction : createHospitalAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const val = (key: string, current: string | undefined) => (typeof v[key] === "string" ? v[key] : current);
  const levels = [1, 2, 3].map((n) => ({ value: String(n), label: t(`levelOption.${n}`) }));
  const priceClasses = [1, 2, 3].map((n) => ({ value: String(n), label: t(`priceClassOption.${n}`) }));
  const yesNo = (yes: string, no: string) => [{ value: "true", label: yes }, { value: "false", label: no }];
  return (
    <form key={formKey} action={formAction} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 sm:p-6" noValidate aria-label={hospital ? t("editTitle") : t("createTitle")}>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("saved")} /></div>
      {hospital ? <input type="hidden" name="id" value={hospital.id} /> : null}
      <Field name="code" label={t("code")} hint={t("codeHint")} defaultValue={val("code", hospital?.code)} error={e?.code} required autoComplete="off" maxLength={20} />
      <Field name="name" label={t("name")} defaultValue={val("name", hospital?.name)} error={e?.name} required autoComplete="off" />
      <SelectField name="regionCode" label={t("region")} options={regions} defaultValue={val("regionCode", hospital?.regionCode)} error={e?.regionCode} />
      <SelectField name="level" label={t("level")} options={levels} defaultValue={val("level", hospital ? String(hospital.level) : "1")} error={e?.level} />
      <SelectField name="priceClass" label={t("priceClass")} options={priceClasses} defaultValue={val("priceClass", hospital ? String(hospital.priceClass) : "3")} error={e?.priceClass} />
      <SelectField name="runBy" label={t("runBy")} options={["COUNTY", "CITY", "PROVINCE"].map((r) => ({ value: r, label: t(`runByOption.${r}`) }))} defaultValue={val("runBy", hospital?.runBy ?? "COUNTY")} error={e?.runBy} />
      <SelectField name="isPublic" label={t("isPublic")} options={yesNo(t("public"), t("private"))} defaultValue={val("isPublic", hospital ? String(hospital.isPublic) : "true")} error={e?.isPublic} />
      <Field name="province" label={t("province")} hint={t("provinceHint")} defaultValue={val("province", hospital?.province ?? defaultProvince)} error={e?.province} required maxLength={2} autoComplete="off" />
      <SelectField name="cardDesignated" label={t("cardDesignated")} options={yesNo(t("yes"), t("no"))} defaultValue={val("cardDesignated", hospital ? String(hospital.cardDesignated) : "false")} error={e?.cardDesignated} />
      <div className="flex items-end"><SubmitButton>{hospital ? t("save") : t("createSubmit")}</SubmitButton></div>
    </form>
  );
}
