"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { IDLE, submittedValues } from "@/lib/action-state";
import { duplicateMatchesOf, type DuplicateMatch } from "@/lib/people/duplicate-matches";
import { createPersonAction, updatePersonAction } from "@/lib/people/people.actions";

type Option = { value: string; label: string };

/** What the edit form starts from; the full ID number is not among it (see updatePersonSchema). */
export type PersonFormValues = {
  id: string;
  version: number;
  maskedIdNumber: string;
  name: string;
  regionCode: string;
  ruralHukou: boolean;
  hukouProvince: string;
  phone: string | null;
  bankAccount: string | null;
  diedOn: string | null;
  movedOutOn: string | null;
};

const GRID = "grid gap-4 rounded-lg border border-slate-200 bg-white p-6 sm:grid-cols-2";

function CommonFields({ regions, e, v, person }: { regions: Option[]; e: Record<string, string> | undefined; v: Record<string, string | string[]>; person?: PersonFormValues }) {
  const t = useTranslations("people");
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <>
      <Field name="name" label={t("name")} defaultValue={text("name") ?? person?.name} error={e?.name} required autoComplete="off" />
      <SelectField name="regionCode" label={t("region")} options={regions} defaultValue={text("regionCode") ?? person?.regionCode} error={e?.regionCode} />
      <SelectField
        name="ruralHukou"
        label={t("hukou")}
        options={[{ value: "true", label: t("rural") }, { value: "false", label: t("urban") }]}
        defaultValue={text("ruralHukou") ?? String(person?.ruralHukou ?? true)}
        error={e?.ruralHukou}
      />
      <Field name="hukouProvince" label={t("hukouProvince")} hint={t("hukouProvinceHint")} defaultValue={text("hukouProvince") ?? person?.hukouProvince ?? "SX"} error={e?.hukouProvince} required maxLength={2} />
      <Field name="phone" type="tel" label={t("phone")} defaultValue={text("phone") ?? person?.phone ?? ""} error={e?.phone} autoComplete="off" />
      <Field name="bankAccount" label={t("bankAccount")} defaultValue={text("bankAccount") ?? person?.bankAccount ?? ""} error={e?.bankAccount} autoComplete="off" inputMode="numeric" />
    </>
  );
}

export function CreatePersonForm({ regions }: { regions: Option[] }) {
  const t = useTranslations("people");
  const [state, formAction] = useActionState(createPersonAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const duplicates = state.status === "error" ? duplicateMatchesOf(state.details) : [];
  return (
    <form action={formAction} className={GRID} noValidate>
      <div className="sm:col-span-2"><FormMessage state={state} /></div>
      {duplicates.length > 0 ? <DuplicateWarning matches={duplicates} /> : null}
      <Field name="idNumber" label={t("idNumber")} hint={t("idNumberHint")} defaultValue={typeof v.idNumber === "string" ? v.idNumber : undefined} error={e?.idNumber} required autoComplete="off" maxLength={20} className="sm:col-span-2" />
      <CommonFields regions={regions} e={e} v={v} />
      <div><SubmitButton>{duplicates.length > 0 ? t("createAnyway") : t("createSubmit")}</SubmitButton></div>
    </form>
  );
}

// The records of the same name, birth date and township; registering beside them takes an explicit
// "this is someone else" (the command refuses without it).
function DuplicateWarning({ matches }: { matches: DuplicateMatch[] }) {
  const t = useTranslations("people");
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 sm:col-span-2" data-testid="duplicate-warning">
      <p className="font-medium">{t("duplicateWarning")}</p>
      <ul className="space-y-1">
        {matches.map((m) => (
          <li key={m.id} className="flex flex-wrap gap-x-3">
            <Link href={`/people/${m.id}`} target="_blank" className="font-medium text-brand-700 underline underline-offset-2">{m.name}</Link>
            <span className="font-mono tabular-nums">{m.maskedIdNumber}</span>
            <span>{m.regionName}</span>
          </li>
        ))}
      </ul>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="confirmDuplicate" value="true" className="mt-0.5 h-4 w-4" />
        <span>{t("confirmDuplicate")}</span>
      </label>
    </div>
  );
}

export function UpdatePersonForm({ person, regions }: { person: PersonFormValues; regions: Option[] }) {
  const t = useTranslations("people");
  const [state, formAction] = useActionState(updatePersonAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <form action={formAction} className={GRID} noValidate>
      <div className="sm:col-span-2"><FormMessage state={state} /></div>
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <Field name="idNumber" label={t("idNumber")} hint={t("idNumberEditHint")} placeholder={person.maskedIdNumber} defaultValue={text("idNumber") ?? ""} error={e?.idNumber} autoComplete="off" maxLength={20} className="sm:col-span-2" />
      <CommonFields regions={regions} e={e} v={v} person={person} />
      <p className="text-sm text-slate-600 sm:col-span-2">{t("lifeEventsHint")}</p>
      <Field name="diedOn" type="date" label={t("diedOn")} defaultValue={text("diedOn") ?? person.diedOn ?? ""} error={e?.diedOn} />
      <Field name="movedOutOn" type="date" label={t("movedOutOn")} defaultValue={text("movedOutOn") ?? person.movedOutOn ?? ""} error={e?.movedOutOn} />
      <div><SubmitButton>{t("save")}</SubmitButton></div>
    </form>
  );
}
