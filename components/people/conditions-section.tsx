import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { AddConditionForm, EndConditionForm, type ConditionGroup } from "@/components/people/condition-forms";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { CONDITION_LISTS, conditionCatalogue } from "@/lib/rules/library/conditions";

type Condition = { id: string; condition: string; validFrom: Date; validTo: Date | null; evidence: string | null };

/** Conditions recognised by 医保局 (cancer, long-term bedridden, the policy lists' diseases), dated. */
export async function ConditionsSection({ actor, person }: { actor: Actor; person: { id: string; mergedIntoId: string | null; conditions: Condition[] } }) {
  const t = await getTranslations();
  const manages = hasPermission(actor.role, "identity:manage:medical") && !person.mergedIntoId;
  // Each condition under the first list that names it, the lists in the library's order.
  const catalogue = conditionCatalogue();
  const groups: ConditionGroup[] = CONDITION_LISTS.map((list) => ({
    label: t(`conditionList.${list}`),
    options: catalogue.filter((entry) => entry.lists[0] === list).map((entry) => ({ value: entry.code, label: t(`condition.${entry.code}`) })),
  })).filter((group) => group.options.length > 0);
  return (
    <section aria-labelledby="conditions-title" className="space-y-3">
      <h2 id="conditions-title" className="font-semibold">{t("conditionForm.heading")}</h2>
      {person.conditions.length === 0 ? <EmptyState title={t("conditionForm.none")} /> : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="conditions">
          {person.conditions.map((c) => (
            <li key={c.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-2">
              <div>
                <span className="font-medium">{t(`condition.${c.condition}`)}</span>
                <span className="ml-3 tabular-nums text-slate-600">{formatDate(c.validFrom)} — {c.validTo ? formatDate(c.validTo) : t("common.ongoing")}</span>
                {c.evidence ? <p className="text-xs text-slate-500">{t("conditionForm.evidenceShown", { evidence: c.evidence })}</p> : null}
              </div>
              {manages && !c.validTo ? <EndConditionForm conditionId={c.id} label={t("format.nameWithNote", { name: t("conditionForm.end"), note: t(`condition.${c.condition}`) })} /> : null}
            </li>
          ))}
        </ul>
      )}
      {manages ? <AddConditionForm personId={person.id} groups={groups} /> : null}
    </section>
  );
}
