"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { IDLE, submittedValues } from "@/lib/action-state";
import { addHouseholdMemberAction, createHouseholdAction, removeHouseholdMemberAction, setMemberRelationAction, updateHouseholdAction } from "@/lib/households/households.actions";

type Option = { value: string; label: string };

const FORM = "grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2";

/** On the page of a person in no household: a household headed by them. */
export function CreateHouseholdForm({ personId }: { personId: string }) {
  const t = useTranslations("households");
  const [state, formAction] = useActionState(createHouseholdAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  return (
    <form action={formAction} className={FORM} noValidate aria-label={t("create")}>
      <div className="sm:col-span-2"><FormMessage state={state} /></div>
      <input type="hidden" name="headId" value={personId} />
      <Field name="address" label={t("address")} hint={t("createHint")} defaultValue={typeof v.address === "string" ? v.address : undefined} error={e?.address} required autoComplete="off" maxLength={100} className="sm:col-span-2" />
      <div><SubmitButton>{t("createSubmit")}</SubmitButton></div>
    </form>
  );
}

export function UpdateHouseholdForm({ householdId, address, regionCode, regions }: { householdId: string; address: string; regionCode: string; regions: Option[] }) {
  const t = useTranslations("households");
  const [state, formAction] = useActionState(updateHouseholdAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <form key={formKey} action={formAction} className={FORM} noValidate aria-label={t("edit")}>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("saved")} /></div>
      <input type="hidden" name="householdId" value={householdId} />
      <SelectField name="regionCode" label={t("region")} options={regions} defaultValue={text("regionCode") ?? regionCode} error={e?.regionCode} />
      <Field name="address" label={t("address")} defaultValue={text("address") ?? address} error={e?.address} required autoComplete="off" maxLength={100} />
      <div><SubmitButton>{t("save")}</SubmitButton></div>
    </form>
  );
}

export function AddMemberForm({ householdId, relations }: { householdId: string; relations: Option[] }) {
  const t = useTranslations("households");
  const tp = useTranslations("people");
  const [state, formAction] = useActionState(addHouseholdMemberAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <form key={formKey} action={formAction} className={FORM} noValidate aria-label={t("addMember")}>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("added")} /></div>
      <input type="hidden" name="householdId" value={householdId} />
      <Field name="memberIdNumber" label={t("memberIdNumber")} hint={t("memberIdNumberHint")} defaultValue={text("memberIdNumber")} error={e?.memberIdNumber} required autoComplete="off" maxLength={20} inputMode="text" />
      <SelectField name="relationToHead" label={tp("relation")} options={relations} defaultValue={text("relationToHead") ?? "SPOUSE"} error={e?.relationToHead} />
      <div><SubmitButton>{t("addSubmit")}</SubmitButton></div>
    </form>
  );
}

/** One member's row: the relation to the head, changed in place (ids per member: one form per row). */
export function MemberRelationForm({ householdId, personId, name, relation, relations }: { householdId: string; personId: string; name: string; relation: string; relations: Option[] }) {
  const t = useTranslations("households");
  const [state, formAction] = useActionState(setMemberRelationAction, IDLE);
  const formKey = useFormKey(state);
  const error = state.status === "error" ? (state.fieldErrors?.relationToHead ?? state.message) : undefined;
  const id = `relation-${personId}`;
  return (
    <form key={formKey} action={formAction} className="flex flex-wrap items-center gap-2" noValidate aria-label={t("relationLabel", { name })}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="personId" value={personId} />
      <label htmlFor={id} className="sr-only">{t("relationLabel", { name })}</label>
      <select id={id} name="relationToHead" defaultValue={relation} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
        {relations.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <SubmitButton className="px-2 py-1">{t("relationSubmit")}</SubmitButton>
      {error ? <p id={`${id}-error`} role="alert" className="w-full text-xs text-red-700">{error}</p> : null}
    </form>
  );
}

export function RemoveMemberForm({ householdId, personId, name }: { householdId: string; personId: string; name: string }) {
  const t = useTranslations("households");
  const [state, formAction] = useActionState(removeHouseholdMemberAction, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" noValidate aria-label={t("removeLabel", { name })}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="personId" value={personId} />
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 hover:bg-slate-50">{t("remove")}</button>
      {state.status === "error" ? <p role="alert" className="w-full text-xs text-red-700">{state.message}</p> : null}
    </form>
  );
}
