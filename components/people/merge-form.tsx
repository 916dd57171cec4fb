"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { IDLE, submittedValues } from "@/lib/action-state";
import { mergePeopleAction } from "@/lib/people/merge.actions";

/** The county's confirmation of a merge: the reason is kept in the audit row of both records. */
export function MergeForm({ keepId, mergeId }: { keepId: string; mergeId: string }) {
  const t = useTranslations("merge");
  const [state, formAction] = useActionState(mergePeopleAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate aria-label={t("confirmTitle")}>
      <FormMessage state={state} />
      <input type="hidden" name="keepId" value={keepId} />
      <input type="hidden" name="mergeId" value={mergeId} />
      <div>
        <label htmlFor="merge-reason" className="block text-sm font-medium text-slate-700">
          {t("reason")}<span className="ml-0.5 text-red-700" aria-hidden="true">*</span>
        </label>
        <textarea
          id="merge-reason"
          name="reason"
          rows={3}
          required
          defaultValue={typeof v.reason === "string" ? v.reason : undefined}
          aria-invalid={e?.reason ? true : undefined}
          aria-describedby={["merge-reason-hint", e?.reason ? "merge-reason-error" : null].filter(Boolean).join(" ")}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-600"
        />
        <p id="merge-reason-hint" className="mt-1 text-xs text-slate-500">{t("reasonHint")}</p>
        {e?.reason ? <p id="merge-reason-error" className="mt-1 text-sm text-red-700">{e.reason}</p> : null}
      </div>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
