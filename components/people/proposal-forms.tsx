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
  acceptAssistanceProposalAction,
  acceptSpecialCareProposalAction,
  proposeIdentityAction,
  rejectAssistanceProposalAction,
  rejectSpecialCareProposalAction,
} from "@/lib/people/identity-proposal.actions";
import type { ProposalBureau } from "@/lib/people/identity-proposal.schema";

type Option = { value: string; label: string };

const FORM = "grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2";
const ACCEPT = { assistance: acceptAssistanceProposalAction, "special-care": acceptSpecialCareProposalAction } as const;
const REJECT = { assistance: rejectAssistanceProposalAction, "special-care": rejectSpecialCareProposalAction } as const;

/** A township clerk proposes an identity; the bureau that certifies its type decides. */
export function ProposeIdentityForm({ personId, types }: { personId: string; types: Option[] }) {
  const t = useTranslations("proposals");
  const [state, formAction] = useActionState(proposeIdentityAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const text = (key: string) => (typeof v[key] === "string" ? v[key] : undefined);
  return (
    <form key={formKey} action={formAction} className={FORM} noValidate aria-label={t("formTitle")}>
      <div className="sm:col-span-2"><FormMessage state={state} success={t("submitted")} /></div>
      <p className="text-sm text-slate-600 sm:col-span-2">{t("formHint")}</p>
      <input type="hidden" name="personId" value={personId} />
      <SelectField name="type" label={t("type")} options={types} defaultValue={text("type")} error={e?.type} />
      <Field name="validFrom" type="date" label={t("validFrom")} defaultValue={text("validFrom")} error={e?.validFrom} required />
      <div className="sm:col-span-2">
        <label htmlFor="f-reason" className="block text-sm font-medium text-slate-700">{t("reason")}<span className="ml-0.5 text-red-700" aria-hidden="true">*</span></label>
        <textarea id="f-reason" name="reason" rows={3} maxLength={200} required defaultValue={text("reason")} aria-invalid={e?.reason ? true : undefined} aria-describedby={e?.reason ? "f-reason-error" : undefined} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-600" />
        {e?.reason ? <p id="f-reason-error" className="mt-1 text-sm text-red-700">{e.reason}</p> : null}
      </div>
      <Field name="attachment" label={t("attachment")} hint={t("attachmentHint")} defaultValue={text("attachment")} error={e?.attachment} autoComplete="off" maxLength={100} className="sm:col-span-2" />
      <div><SubmitButton>{t("submit")}</SubmitButton></div>
    </form>
  );
}

/** The bureau accepts: the identity period is recorded from the proposed date (its own checks apply). */
export function AcceptProposalForm({ bureau, proposalId }: { bureau: ProposalBureau; proposalId: string }) {
  const t = useTranslations("proposals");
  const ti = useTranslations("identityForm");
  const [state, formAction] = useActionState(ACCEPT[bureau], IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  // The period's own checks (overlap) speak of its start date, which this form does not edit.
  const periodError = e?.validFrom ?? e?.type;
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate aria-label={t("acceptTitle")}>
      <h2 className="font-medium">{t("acceptTitle")}</h2>
      <FormMessage state={state} success={t("accepted")} />
      {periodError ? <p className="text-sm text-red-700" data-testid="accept-period-error">{periodError}</p> : null}
      <input type="hidden" name="proposalId" value={proposalId} />
      <Field name="certificate" label={ti("certificate")} defaultValue={typeof v.certificate === "string" ? v.certificate : undefined} error={e?.certificate} autoComplete="off" maxLength={60} />
      <SubmitButton>{t("acceptSubmit")}</SubmitButton>
    </form>
  );
}

export function RejectProposalForm({ bureau, proposalId }: { bureau: ProposalBureau; proposalId: string }) {
  const t = useTranslations("proposals");
  const [state, formAction] = useActionState(REJECT[bureau], IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate aria-label={t("rejectTitle")}>
      <h2 className="font-medium">{t("rejectTitle")}</h2>
      <FormMessage state={state} success={t("rejected")} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <div>
        <label htmlFor="f-rejectReason" className="block text-sm font-medium text-slate-700">{t("rejectReason")}<span className="ml-0.5 text-red-700" aria-hidden="true">*</span></label>
        <textarea id="f-rejectReason" name="rejectReason" rows={3} maxLength={200} required defaultValue={typeof v.rejectReason === "string" ? v.rejectReason : undefined} aria-invalid={e?.rejectReason ? true : undefined} aria-describedby={e?.rejectReason ? "f-rejectReason-error" : undefined} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-600" />
        {e?.rejectReason ? <p id="f-rejectReason-error" className="mt-1 text-sm text-red-700">{e.rejectReason}</p> : null}
      </div>
      <button type="submit" className="rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50">{t("rejectSubmit")}</button>
    </form>
  );
}
