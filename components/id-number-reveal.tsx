"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form-message";
import { IDLE } from "@/lib/action-state";
import { viewIdNumberAction } from "@/lib/people/people.actions";

/** The masked ID number, and for those allowed a button that shows the full one (audited on the server). */
export function IdNumberReveal({ personId, masked, canReveal }: { personId: string; masked: string; canReveal: boolean }) {
  const t = useTranslations("people");
  const [state, formAction, pending] = useActionState(viewIdNumberAction, IDLE);
  if (state.status === "ok") {
    return (
      <span data-testid="id-number" className="font-mono">
        {state.data.idNumber}
        <span className="ml-2 text-xs text-slate-500">{t("birthDateShown", { date: state.data.birthDate })}</span>
      </span>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span data-testid="id-number" className="font-mono">{masked}</span>
      {canReveal ? (
        <form action={formAction}>
          <input type="hidden" name="id" value={personId} />
          <button type="submit" disabled={pending} className="rounded border border-slate-300 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50">
            {t("revealId")}
          </button>
        </form>
      ) : null}
      <FormMessage state={state} />
    </div>
  );
}
