import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { CreateHouseholdForm } from "@/components/people/household-forms";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { getHousehold } from "@/lib/households/households.queries";
import { ageOn, maskIdNumber } from "@/lib/people/masking";

/** The person page's household: its members (those the actor may see), each linking to their page. */
export async function HouseholdSection({ actor, person }: { actor: Actor; person: { id: string; householdId: string | null } }) {
  const t = await getTranslations();
  const household = person.householdId ? await getHousehold(actor, person.householdId) : null;
  return (
    <section aria-labelledby="household-title" className="space-y-3" data-testid="household-section">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="household-title" className="font-semibold">{t("households.section")}</h2>
        {household ? <Link href={`/households/${household.id}`} className="text-sm text-brand-700 underline-offset-2 hover:underline">{t("households.open")}</Link> : null}
      </div>
      {household ? (
        <div className="rounded-lg border border-slate-200 bg-white text-sm">
          <p className="border-b border-slate-100 px-4 py-2 text-slate-600">
            {household.address}
            <span className="ml-2">{t("households.membersCount", { count: household.members.length })}</span>
          </p>
          <ul className="divide-y divide-slate-100">
            {household.members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span>
                  {m.id === person.id ? <span className="font-medium">{m.name}{t("households.self")}</span> : (
                    <Link href={`/people/${m.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{m.name}</Link>
                  )}
                  <span className="ml-2 text-slate-600">{t(`relation.${m.relationToHead}`)}</span>
                </span>
                <span className="flex flex-wrap gap-3 text-slate-600">
                  <span className="font-mono">{maskIdNumber(m.idNumber)}</span>
                  <span>{t(`sex.${m.sex}`)}</span>
                  <span>{t("people.ageYears", { age: ageOn(m.birthDate, new Date()) })}</span>
                  {m.diedOn ? <span>{t("people.status.deceased")}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <EmptyState title={t("households.none")} />
          {hasPermission(actor.role, "household:create") ? (
            <details>
              <summary className="inline-block cursor-pointer rounded-md border border-brand-700 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50">{t("households.create")}</summary>
              <div className="mt-2"><CreateHouseholdForm personId={person.id} /></div>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
