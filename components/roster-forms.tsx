"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { IDLE, submittedValues, type ActionState } from "@/lib/action-state";
import { ROSTER_MAX_BYTES } from "@/lib/roster/roster-limits";
import { acknowledgeRosterAction, confirmRosterAction, uploadRosterAction } from "@/lib/roster/roster.actions";

export function UploadRosterForm({ defaultPeriod }: { defaultPeriod: string }) {
  const t = useTranslations("rosterPages");
  const tr = useTranslations();
  const [serverState, formAction] = useActionState(uploadRosterAction, IDLE);
  // A file over the limit is refused here, before 20 MB travel for nothing (the command refuses it
  // too, with the same message, for a request that does not come from this form).
  const [tooLarge, setTooLarge] = useState(false);
  const state: ActionState<unknown> = tooLarge
    ? { status: "error", message: tr("errors.checkFields", { fields: t("file") }), fieldErrors: { file: tr("roster.fileSize") } }
    : serverState;
  const values = submittedValues(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get("file");
    const over = file instanceof File && file.size > ROSTER_MAX_BYTES;
    setTooLarge(over);
    if (over) event.preventDefault();
  };
  return (
    <form action={formAction} onSubmit={checkSize} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="roster-upload-form">
      <h2 className="font-medium">{t("uploadTitle")}</h2>
      <p className="text-sm text-slate-600">{t("uploadIntro")}</p>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="period" label={t("period")} hint={t("periodHint")} defaultValue={typeof values.period === "string" ? values.period : defaultPeriod} error={e?.period} required />
        <Field name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" label={t("file")} error={e?.file} required />
      </div>
      <SubmitButton>{t("uploadSubmit")}</SubmitButton>
    </form>
  );
}

export function ConfirmRosterForm({ batchId, version, defaultDate }: { batchId: string; version: number; defaultDate: string }) {
  const t = useTranslations("rosterPages");
  const [state, formAction] = useActionState(confirmRosterAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  if (state.status === "ok") return <FormMessage state={state} success={t("confirmed")} />;
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="roster-confirm-form">
      <h2 className="font-medium">{t("confirmTitle")}</h2>
      <p className="text-sm text-slate-600">{t("confirmIntro")}</p>
      <FormMessage state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="version" value={version} />
      <Field name="certificateDate" type="date" label={t("certificateDate")} defaultValue={defaultDate} error={e?.certificateDate} required className="max-w-xs" />
      <SubmitButton>{t("confirmSubmit")}</SubmitButton>
    </form>
  );
}

export function AcknowledgeRosterForm({ batchId }: { batchId: string }) {
  const t = useTranslations("rosterPages");
  const [state, formAction] = useActionState(acknowledgeRosterAction, IDLE);
  if (state.status === "ok") return <FormMessage state={state} success={t("acknowledged")} />;
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <SubmitButton>{t("acknowledgeSubmit")}</SubmitButton>
    </form>
  );
}
