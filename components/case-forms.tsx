"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { BillItemRows } from "@/components/bill-item-rows";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { IDLE, submittedValues, type ActionState } from "@/lib/action-state";
import {
  addAttachmentAction,
  approveCaseAction,
  countyReturnCaseAction,
  createCaseAction,
  forwardCaseAction,
  investigateCaseAction,
  publicizeCaseAction,
  recordObjectionAction,
  recordPaymentAction,
  refuseCaseAction,
  rejectCaseAction,
  removeAttachmentAction,
  resubmitCaseAction,
  returnCaseAction,
  serveNoticeAction,
  submitCaseAction,
  updateDraftBillsAction,
  withdrawCaseAction,
} from "@/lib/cases/cases.actions";
import { ROUTES } from "@/lib/rules/domain";

type Option = { value: string; label: string };
type Action = (prev: ActionState<null>, formData: FormData) => Promise<ActionState<null>>;
type CaseRef = { caseId: string; version: number };

const box = "rounded-lg border border-slate-200 bg-white p-4";

function Hidden({ caseId, version }: CaseRef) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function TextArea({ name, label, error, defaultValue, required, rows = 3 }: { name: string; label: string; error?: string | undefined; defaultValue?: string | undefined; required?: boolean; rows?: number }) {
  const id = `f-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="ml-0.5 text-red-700" aria-hidden="true">*</span> : null}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm aria-[invalid]:border-red-600"
      />
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

function Checkboxes({ name, legend, options, error, defaultValues = [] }: { name: string; legend: string; options: Option[]; error?: string | undefined; defaultValues?: readonly string[] }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-start gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} className="mt-0.5 h-4 w-4 shrink-0" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

/** A form of one case step: the case's id and version, the step's fields, the outcome announced. */
function StepForm({ action, caseRef, success, submit, title, children, testId, danger = false }: {
  action: Action;
  caseRef: CaseRef;
  success: string;
  submit: string;
  title: string;
  children?: (e: Record<string, string> | undefined, v: Record<string, string | string[]>) => React.ReactNode;
  testId: string;
  danger?: boolean;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const headingId = `${testId}-title`;
  return (
    <form key={formKey} action={formAction} className={`${box} space-y-4`} noValidate aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId} className="font-medium">{title}</h3>
      <FormMessage state={state} success={success} />
      <Hidden {...caseRef} />
      {children ? children(e, v) : null}
      <SubmitButton className={danger ? "bg-red-700 hover:bg-red-800" : ""}>{submit}</SubmitButton>
    </form>
  );
}

const str = (v: string | string[] | undefined): string | undefined => (typeof v === "string" ? v : undefined);
const list = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []);

export function StartApplicationForm({ personId, kinds }: { personId: string; kinds: Option[] }) {
  const t = useTranslations("casePages");
  const [state, formAction] = useActionState(createCaseAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className={`${box} flex flex-wrap items-end gap-4`} noValidate data-testid="start-application">
      <div className="w-full"><FormMessage state={state} /></div>
      <input type="hidden" name="personId" value={personId} />
      <SelectField name="kind" label={t("startKind")} options={kinds} error={e?.kind} className="min-w-64" />
      <SubmitButton>{t("startSubmit")}</SubmitButton>
    </form>
  );
}

/** One bill as the clerk enters it; the form sends the case's whole bill list (the command replaces it). */
export type BillJson = Record<string, unknown> & { items: { fee: string; class: string; amount: string; days?: number | undefined }[] };

const ITEM_ROWS = 6;

export function BillForm({ caseRef, bills, hospitals, claimTypes }: { caseRef: CaseRef; bills: BillJson[]; hospitals: Option[]; claimTypes: Option[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(updateDraftBillsAction, IDLE);
  const formKey = useFormKey(state);
  const at = bills.length;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const e = (field: string) => errors?.[`bills.${at}.${field}`];
  const v = submittedValues(state);
  const val = (name: string) => (state.status === "error" ? str(v[name]) : undefined);
  const send = (formData: FormData) => {
    const text = (name: string) => String(formData.get(name) ?? "").trim();
    const items: BillJson["items"] = [];
    for (let i = 0; i < ITEM_ROWS; i++) {
      const amount = text(`item_amount_${i}`);
      if (!amount) continue;
      const days = text(`item_days_${i}`);
      items.push({ fee: text(`item_fee_${i}`), class: text(`item_class_${i}`), amount, ...(days ? { days: Number(days) } : {}) });
    }
    const bill: BillJson = {
      hospitalId: text("hospitalId"), type: text("type"), admitted: text("admitted"), date: text("date"), route: text("route"),
      diagnoses: text("diagnoses"), items, total: text("total"), settledPolicyScope: text("settledPolicyScope"),
      settledInsurance: text("settledInsurance"), settledCriticalIllness: text("settledCriticalIllness"),
    };
    formData.set("bills", JSON.stringify([...bills, bill]));
    formAction(formData);
  };
  const opts = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <form key={formKey} action={send} className={`${box} space-y-4`} noValidate aria-labelledby="bill-form-title" data-testid="bill-form">
      <h3 id="bill-form-title" className="font-medium">{t("casePages.addBill")}</h3>
      <FormMessage state={state} success={t("casePages.billSaved")} />
      <Hidden {...caseRef} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="hospitalId" label={t("casePages.hospital")} options={hospitals} defaultValue={val("hospitalId")} error={e("hospitalId")} className="sm:col-span-2" />
        <SelectField name="type" label={t("casePages.billType")} options={claimTypes} defaultValue={val("type")} error={e("type")} />
        <Field name="admitted" label={t("casePages.admitted")} placeholder="YYYY-MM-DD" defaultValue={val("admitted")} error={e("admitted")} />
        <Field name="date" label={t("casePages.discharged")} placeholder="YYYY-MM-DD" defaultValue={val("date")} error={e("date")} required />
        <SelectField name="route" label={t("casePages.route")} options={opts(ROUTES, "trial.routeOption")} defaultValue={val("route")} error={e("route")} />
        <Field name="diagnoses" label={t("casePages.diagnoses")} hint={t("casePages.diagnosesHint")} defaultValue={val("diagnoses")} error={e("diagnoses")} className="sm:col-span-3" />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("casePages.items")}</legend>
        {e("items") ? <p className="mt-1 text-sm text-red-700">{e("items")}</p> : null}
        <BillItemRows rows={ITEM_ROWS} value={val} amountError={(i) => e(`items.${i}.amount`)} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field name="total" label={t("casePages.billTotal")} inputMode="decimal" defaultValue={val("total")} error={e("total")} required />
        <Field name="settledPolicyScope" label={t("casePages.settledPolicyScope")} inputMode="decimal" defaultValue={val("settledPolicyScope")} error={e("settledPolicyScope")} />
        <Field name="settledInsurance" label={t("casePages.settledInsurance")} inputMode="decimal" defaultValue={val("settledInsurance")} error={e("settledInsurance")} />
        <Field name="settledCriticalIllness" label={t("casePages.settledCriticalIllness")} inputMode="decimal" defaultValue={val("settledCriticalIllness")} error={e("settledCriticalIllness")} />
      </div>
      <SubmitButton>{t("casePages.addBillSubmit")}</SubmitButton>
    </form>
  );
}

export function RemoveBillButton({ caseRef, remaining, label }: { caseRef: CaseRef; remaining: BillJson[]; label: string }) {
  const [state, formAction] = useActionState(updateDraftBillsAction, IDLE);
  return (
    <form action={formAction}>
      <Hidden {...caseRef} />
      <input type="hidden" name="bills" value={JSON.stringify(remaining)} />
      <button type="submit" className="text-sm text-red-700 underline-offset-2 hover:underline">{label}</button>
      {state.status === "error" ? <span role="alert" className="ml-2 text-sm text-red-700">{state.message}</span> : null}
    </form>
  );
}

export function UploadForm({ caseRef, kinds }: { caseRef: CaseRef; kinds: Option[] }) {
  const t = useTranslations("casePages");
  const [state, formAction] = useActionState(addAttachmentAction, IDLE);
  const formKey = useFormKey(state);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form key={formKey} action={formAction} className={`${box} space-y-4`} noValidate aria-labelledby="upload-title" data-testid="upload-form">
      <h3 id="upload-title" className="font-medium">{t("upload")}</h3>
      <FormMessage state={state} success={t("uploaded")} />
      <Hidden {...caseRef} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="kind" label={t("fileKind")} options={kinds} error={e?.kind} />
        <Field name="file" type="file" accept="application/pdf,image/jpeg,image/png" label={t("uploadFile")} error={e?.file} required />
      </div>
      <SubmitButton>{t("uploadSubmit")}</SubmitButton>
    </form>
  );
}

export function RemoveAttachmentButton({ caseRef, attachmentId, label }: { caseRef: CaseRef; attachmentId: string; label: string }) {
  const [state, formAction] = useActionState(removeAttachmentAction, IDLE);
  return (
    <form action={formAction}>
      <Hidden {...caseRef} />
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <button type="submit" className="text-sm text-red-700 underline-offset-2 hover:underline">{label}</button>
      {state.status === "error" ? <span role="alert" className="ml-2 text-sm text-red-700">{state.message}</span> : null}
    </form>
  );
}

export function SubmitCaseForm({ caseRef, resubmit }: { caseRef: CaseRef; resubmit: boolean }) {
  const t = useTranslations("casePages");
  return (
    <StepForm
      action={resubmit ? resubmitCaseAction : submitCaseAction}
      caseRef={caseRef}
      title={resubmit ? t("resubmit") : t("submit")}
      submit={resubmit ? t("resubmit") : t("submit")}
      success={resubmit ? t("resubmitted") : t("submitted")}
      testId="submit-form"
    >
      {() => <p className="text-sm text-slate-600">{t("submitIntro")}</p>}
    </StepForm>
  );
}

export function WithdrawForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("casePages");
  return (
    <StepForm action={withdrawCaseAction} caseRef={caseRef} title={t("withdraw")} submit={t("withdraw")} success={t("withdrawn")} testId="withdraw-form" danger>
      {(e, v) => <Field name="reason" label={t("withdrawReason")} defaultValue={str(v.reason)} error={e?.reason} required />}
    </StepForm>
  );
}

/** 入户调查, filled in at the household on a phone: one column, large targets, at 390 px. */
export function InvestigationForm({ caseRef, today, reviewerName }: { caseRef: CaseRef; today: string; reviewerName: string }) {
  const t = useTranslations();
  const [count, setCount] = useState(2);
  return (
    <StepForm action={investigateCaseAction} caseRef={caseRef} title={t("casePages.recordInvestigation")} submit={t("casePages.investigationSubmit")} success={t("casePages.investigationSaved")} testId="investigation-form">
      {(e, v) => {
        const names = list(v.investigators);
        return (
          <div className="space-y-4">
            <Field name="date" label={t("casePages.investigationDate")} placeholder="YYYY-MM-DD" inputMode="numeric" defaultValue={str(v.date) ?? today} error={e?.date} required />
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">{t("casePages.investigators")} <span className="font-normal text-slate-500">{t("casePages.investigatorsHint")}</span></legend>
              <div className="mt-1 space-y-2">
                {Array.from({ length: Math.max(count, names.length) }, (_, i) => (
                  <input
                    key={i}
                    name="investigators"
                    aria-label={t("casePages.investigatorN", { n: i + 1 })}
                    defaultValue={names[i] ?? (i === 0 ? reviewerName : "")}
                    aria-invalid={e?.investigators ? true : undefined}
                    aria-describedby={e?.investigators ? "investigators-error" : undefined}
                    className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm aria-[invalid]:border-red-600"
                  />
                ))}
              </div>
              <button type="button" onClick={() => setCount((c) => c + 1)} className="mt-2 rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">+ {t("casePages.investigators")}</button>
              {e?.investigators ? <p id="investigators-error" className="mt-1 text-sm text-red-700">{e.investigators}</p> : null}
            </fieldset>
            <Field name="villageCommitteeMember" label={t("casePages.villageCommitteeMember")} defaultValue={str(v.villageCommitteeMember)} error={e?.villageCommitteeMember} required />
            <TextArea name="householdSituation" label={t("casePages.householdSituation")} defaultValue={str(v.householdSituation)} error={e?.householdSituation} required rows={4} />
            <TextArea name="findings" label={t("casePages.findings")} defaultValue={str(v.findings)} error={e?.findings} required rows={4} />
            <SelectField
              name="recommendation"
              label={t("casePages.recommendation")}
              options={[{ value: "APPROVE", label: t("recommendation.APPROVE") }, { value: "REFUSE", label: t("recommendation.REFUSE") }]}
              defaultValue={str(v.recommendation)}
              error={e?.recommendation}
            />
          </div>
        );
      }}
    </StepForm>
  );
}

export function PublicizeForm({ caseRef, today, defaultPlace }: { caseRef: CaseRef; today: string; defaultPlace: string }) {
  const t = useTranslations("casePages");
  return (
    <StepForm action={publicizeCaseAction} caseRef={caseRef} title={t("publicize")} submit={t("publicizeSubmit")} success={t("publicized")} testId="publicize-form">
      {(e, v) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="place" label={t("publicityPlace")} defaultValue={str(v.place) ?? defaultPlace} error={e?.place} required />
          <Field name="startsOn" label={t("publicityStartsOn")} placeholder="YYYY-MM-DD" defaultValue={str(v.startsOn) ?? today} error={e?.startsOn} required />
        </div>
      )}
    </StepForm>
  );
}

export function ObjectionForm({ caseRef, today }: { caseRef: CaseRef; today: string }) {
  const t = useTranslations("casePages");
  return (
    <StepForm action={recordObjectionAction} caseRef={caseRef} title={t("recordObjection")} submit={t("objectionSubmit")} success={t("objectionSaved")} testId="objection-form">
      {(e, v) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="objector" label={t("objector")} defaultValue={str(v.objector)} error={e?.objector} required />
          <Field name="receivedOn" label={t("objectionReceivedOn")} placeholder="YYYY-MM-DD" defaultValue={str(v.receivedOn) ?? today} error={e?.receivedOn} required />
          <div className="sm:col-span-2"><TextArea name="content" label={t("objectionContent")} defaultValue={str(v.content)} error={e?.content} required /></div>
          <div className="sm:col-span-2"><TextArea name="finding" label={t("objectionFinding")} defaultValue={str(v.finding)} error={e?.finding} required /></div>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name="upheld" defaultChecked={v.upheld === "on"} className="h-4 w-4" />
            {t("upheld")}
          </label>
        </div>
      )}
    </StepForm>
  );
}

export function ForwardForm({ caseRef }: { caseRef: CaseRef }) {
  const t = useTranslations("casePages");
  return <StepForm action={forwardCaseAction} caseRef={caseRef} title={t("forward")} submit={t("forwardSubmit")} success={t("forwarded")} testId="forward-form" />;
}

export function ReturnForm({ caseRef, county, kinds, defaultDue }: { caseRef: CaseRef; county: boolean; kinds: Option[]; defaultDue: string }) {
  const t = useTranslations("casePages");
  return (
    <StepForm action={county ? countyReturnCaseAction : returnCaseAction} caseRef={caseRef} title={t("return")} submit={t("returnSubmit")} success={t("returnedDone")} testId="return-form">
      {(e, v) => (
        <div className="space-y-4">
          <Checkboxes name="missing" legend={t("returnMissing")} options={kinds} error={e?.missing} defaultValues={list(v.missing)} />
          <TextArea name="note" label={t("note")} defaultValue={str(v.note)} error={e?.note} />
          <Field name="dueOn" label={t("returnDueOn")} placeholder="YYYY-MM-DD" defaultValue={str(v.dueOn) ?? defaultDue} error={e?.dueOn} required />
        </div>
      )}
    </StepForm>
  );
}

/** Refusal with reason codes (each with its article); at the township or the county. */
export function RefuseForm({ caseRef, county, reasons }: { caseRef: CaseRef; county: boolean; reasons: Option[] }) {
  const t = useTranslations("casePages");
  return (
    <StepForm action={county ? refuseCaseAction : rejectCaseAction} caseRef={caseRef} title={t("reject")} submit={t("rejectSubmit")} success={t("rejected")} testId="refuse-form" danger>
      {(e, v) => (
        <div className="space-y-4">
          <Checkboxes name="reasons" legend={t("rejectReasons")} options={reasons} error={e?.reasons} defaultValues={list(v.reasons)} />
          <TextArea name="note" label={t("note")} defaultValue={str(v.note)} error={e?.note} />
        </div>
      )}
    </StepForm>
  );
}

/** Approval confirms what the rules module computed; there is no amount to type. */
export function ApproveForm({ caseRef, total }: { caseRef: CaseRef; total: string }) {
  const t = useTranslations("casePages");
  return (
    <StepForm action={approveCaseAction} caseRef={caseRef} title={t("approve")} submit={t("approve")} success={t("approved")} testId="approve-form">
      {() => (
        <p className="text-sm">
          {t("computedTotal")}: <strong className="tabular-nums" data-testid="approve-total">{total}</strong>
        </p>
      )}
    </StepForm>
  );
}

export function ServeNoticeForm({ caseRef, today }: { caseRef: CaseRef; today: string }) {
  const t = useTranslations("casePages");
  return (
    <StepForm action={serveNoticeAction} caseRef={caseRef} title={t("serve")} submit={t("serveSubmit")} success={t("served")} testId="serve-form">
      {(e, v) => <Field name="servedOn" label={t("servedOn")} placeholder="YYYY-MM-DD" defaultValue={str(v.servedOn) ?? today} error={e?.servedOn} required />}
    </StepForm>
  );
}

/** The finance bureau's record that an approved case was paid (the payment run is its own issue). */
export function RecordPaymentForm({ caseRef, today, number }: { caseRef: CaseRef; today: string; number: string }) {
  const t = useTranslations("casePages");
  const [state, formAction] = useActionState(recordPaymentAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate aria-label={t("recordPaymentFor", { number })}>
      <Hidden {...caseRef} />
      <input type="hidden" name="paidOn" value={today} />
      <div>
        <label htmlFor={`ref-${caseRef.caseId}`} className="sr-only">{t("paymentReference")}</label>
        <input id={`ref-${caseRef.caseId}`} name="reference" placeholder={t("paymentReference")} aria-invalid={e?.reference ? true : undefined} className="w-40 rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid]:border-red-600" />
      </div>
      <SubmitButton className="px-3 py-1">{t("recordPayment")}</SubmitButton>
      {state.status === "error" ? <span role="alert" className="text-sm text-red-700">{state.message}</span> : null}
    </form>
  );
}
