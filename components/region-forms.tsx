"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { IDLE, submittedValues } from "@/lib/action-state";
import { reloadCountyAction, setCountyJurisdictionAction } from "@/lib/regions/regions.actions";

type Option = { value: string; label: string };

export function SetJurisdictionForm({ countyCode, current, options }: { countyCode: string; current: string; options: Option[] }) {
  const t = useTranslations("regions");
  const [state, formAction] = useActionState(setCountyJurisdictionAction, IDLE);
  const e = state.status === "error" ? state.fieldErrors : undefined;
  const v = submittedValues(state);
  const chosen = typeof v.jurisdiction === "string" ? v.jurisdiction : current;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="jurisdiction-form" noValidate>
      <div className="w-full">
        <FormMessage state={state} success={state.status === "ok" ? (state.data.effective ? t("jurisdictionSaved") : t("jurisdictionSavedNone")) : undefined} />
      </div>
      <input type="hidden" name="countyCode" value={countyCode} />
      <SelectField name="jurisdiction" label={t("jurisdictionOwn")} options={options} defaultValue={chosen} error={e?.jurisdiction} className="min-w-64" />
      <SubmitButton>{t("jurisdictionSubmit")}</SubmitButton>
    </form>
  );
}

export function ConfirmReloadForm({ countyCode, planHash }: { countyCode: string; planHash: string }) {
  const t = useTranslations("regions");
  const [state, formAction] = useActionState(reloadCountyAction, IDLE);
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="reload-confirm-form">
      <FormMessage state={state} />
      <p className="text-sm text-amber-900">{t("reloadConfirmIntro")}</p>
      <input type="hidden" name="countyCode" value={countyCode} />
      <input type="hidden" name="planHash" value={planHash} />
      <SubmitButton>{t("reloadSubmit")}</SubmitButton>
    </form>
  );
}
