"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { IDLE, submittedValues } from "@/lib/action-state";
import { createServicemanAction, linkServicemanAction, unlinkServicemanAction, updateServicemanAction } from "@/lib/servicemen/servicemen.actions";

type Option = { value: string; label: string };

const FORM = "grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2";

/** 退役军人事务局 links a family member: to a record of the county, or to a serviceman on the register by his number. */
export function LinkServicemanForm({ personId, records, relations, current }: { personId: string; records: Option[]; relations: Option[]; current: { servicemanId: string | null; relation: string | null } }) {
  const t = useTranslations("servicemen");
  const [state, formAction] = useActionState(linkServicemanAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <form key={formKey} action={formAction} className={FORM} noValidate aria-label={t("linkTitle")}>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("linked")} /></div>
      <input type="hidden" name="personId" value={personId} />
      <SelectField name="relationToServiceman" label={t("relation")} options={relations} defaultValue={text("relationToServiceman") ?? current.relation ?? "SPOUSE"} error={e?.relationToServiceman} />
      <SelectField name="servicemanId" label={t("record")} options={[{ value: "", label: t("recordNone") }, ...records]} defaultValue={text("servicemanId") ?? (records.some((r) => r.value === current.servicemanId) ? (current.servicemanId ?? "") : "")} error={e?.servicemanId} />
      <Field name="servicemanIdNumber" label={t("idNumber")} hint={t("idNumberHint")} defaultValue={text("servicemanIdNumber")} error={e?.servicemanIdNumber} autoComplete="off" maxLength={20} className="sm:col-span-2" />
      <div><SubmitButton>{t("linkSubmit")}</SubmitButton></div>
    </form>
  );
}

export function UnlinkServicemanForm({ personId }: { personId: string }) {
  const t = useTranslations("servicemen");
  const [state, formAction] = useActionState(unlinkServicemanAction, IDLE);
  return (
    <form action={formAction} noValidate aria-label={t("unlinkLabel")}>
      <input type="hidden" name="personId" value={personId} />
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">{t("unlink")}</button>
      {state.status === "error" ? <p role="alert" className="mt-1 text-xs text-red-700">{state.message}</p> : null}
    </form>
  );
}

type RecordValues = { name: string | null; kind: string; diedOn: string | null; certificate: string | null; hukouProvince: string | null };

function RecordFields({ kinds, e, v, record, onRegister }: { kinds: Option[]; e: Record<string, string> | undefined; v: Record<string, string | string[]>; record?: RecordValues; onRegister: boolean }) {
  const t = useTranslations("servicemen");
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <>
      {onRegister ? <p className="text-sm text-slate-600 sm:col-span-2">{t("fromPerson")}</p> : (
        <Field name="name" label={t("name")} defaultValue={text("name") ?? record?.name ?? ""} error={e?.name} required autoComplete="off" maxLength={20} />
      )}
      <SelectField name="kind" label={t("kind")} options={kinds} defaultValue={text("kind") ?? record?.kind ?? "MARTYR"} error={e?.kind} />
      <Field name="diedOn" type="date" label={t("diedOn")} defaultValue={text("diedOn") ?? record?.diedOn ?? ""} error={e?.diedOn} />
      <Field name="certificate" label={t("certificate")} hint={t("certificateHint")} defaultValue={text("certificate") ?? record?.certificate ?? ""} error={e?.certificate} autoComplete="off" maxLength={60} />
      {onRegister ? null : (
        <Field name="hukouProvince" label={t("hukouProvince")} hint={t("provinceHint")} defaultValue={text("hukouProvince") ?? record?.hukouProvince ?? "SX"} error={e?.hukouProvince} required maxLength={2} />
      )}
    </>
  );
}

export function CreateServicemanForm({ kinds, family, relations }: { kinds: Option[]; family: { id: string; name: string } | null; relations: Option[] }) {
  const t = useTranslations("servicemen");
  const [state, formAction] = useActionState(createServicemanAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  return (
    <form key={formKey} action={formAction} className={FORM} noValidate aria-label={t("createTitle")}>
      <div className="sm:col-span-2"><FormMessage state={state} /></div>
      <RecordFields kinds={kinds} e={e} v={v} onRegister={false} />
      {family ? (
        <>
          <input type="hidden" name="familyId" value={family.id} />
          <p className="text-sm text-slate-700 sm:col-span-2">{t("createFor", { name: family.name })}</p>
          <SelectField name="relationToServiceman" label={t("relation")} options={relations} defaultValue={typeof v.relationToServiceman === "string" ? v.relationToServiceman : "SPOUSE"} error={e?.relationToServiceman} />
        </>
      ) : null}
      <div className="sm:col-span-2"><SubmitButton>{t("createSubmit")}</SubmitButton></div>
    </form>
  );
}

export function UpdateServicemanForm({ servicemanId, version, kinds, record, onRegister }: { servicemanId: string; version: number; kinds: Option[]; record: RecordValues; onRegister: boolean }) {
  const t = useTranslations("servicemen");
  const [state, formAction] = useActionState(updateServicemanAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  return (
    <form key={formKey} action={formAction} className={FORM} noValidate aria-label={t("edit")}>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("saved")} /></div>
      <input type="hidden" name="servicemanId" value={servicemanId} />
      <input type="hidden" name="version" value={version} />
      <RecordFields kinds={kinds} e={e} v={v} record={record} onRegister={onRegister} />
      <div className="sm:col-span-2"><SubmitButton>{t("save")}</SubmitButton></div>
    </form>
  );
}
