import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { AddMemberForm, MemberRelationForm, RemoveMemberForm, UpdateHouseholdForm } from "@/components/people/household-forms";
import { hasPermission } from "@/lib/auth/permissions";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { RELATIONS_TO_HEAD } from "@/lib/households/household.schema";
import { getHousehold, householdRegionOptions } from "@/lib/households/households.queries";
import { ageOn, maskIdNumber } from "@/lib/people/masking";

export async function generateMetadata() {
  const t = await getTranslations("households");
  return { title: t("section") };
}

export default async function HouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("person:read");
  const { id } = await params;
  const household = await getHousehold(actor, id);
  if (!household) return refuseNotFound(actor, { action: "person:read", entity: "household", entityId: id });
  const t = await getTranslations();
  const edits = hasPermission(actor.role, "household:update");
  const regions = edits ? await householdRegionOptions(actor, household.regionCode) : [];
  const relations = RELATIONS_TO_HEAD.map((r) => ({ value: r, label: t(`relation.${r}`) }));
  const head = household.members.find((m) => m.relationToHead === "HEAD");
  const back = head ?? household.members[0];
  return (
    <article className="space-y-6" aria-labelledby="household-page-title">
      <div>
        {back ? <Link href={`/people/${back.id}`} className="text-sm text-brand-700 hover:underline">← {t("households.back")}</Link> : null}
        <h1 id="household-page-title" className="mt-2 text-xl font-semibold">{t("households.title", { address: household.address })}</h1>
        <p className="text-sm text-slate-600">{household.region.parent ? `${household.region.parent.name} ` : ""}{household.region.name}</p>
      </div>
      {household.members.length > 0 && !head ? <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("households.noHead")}</p> : null}
      <section aria-labelledby="members-title" className="space-y-3">
        <h2 id="members-title" className="font-semibold">{t("households.members")}</h2>
        {household.members.length === 0 ? <EmptyState title={t("households.empty")} /> : (
          // A list rather than a table: on a phone each member's row keeps its name, number and forms readable.
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="household-members">
            {household.members.map((m) => (
              <li key={m.id} className="flex flex-col gap-2 px-4 py-3 md:flex-row md:items-center md:justify-between">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <Link href={`/people/${m.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{m.name}</Link>
                  {edits ? null : <span>{t(`relation.${m.relationToHead}`)}</span>}
                  <span className="font-mono text-slate-700">{maskIdNumber(m.idNumber)}</span>
                  <span className="text-slate-600">{t(`sex.${m.sex}`)} · {t("people.ageYears", { age: ageOn(m.birthDate, new Date()) })} · {m.diedOn ? t("people.status.deceased") : t("households.statusAlive")}</span>
                </div>
                {edits ? (
                  <div className="flex flex-wrap items-start gap-2">
                    <MemberRelationForm householdId={household.id} personId={m.id} name={m.name} relation={m.relationToHead} relations={relations} />
                    <RemoveMemberForm householdId={household.id} personId={m.id} name={m.name} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {edits ? (
        <>
          <section aria-labelledby="add-member-title" className="space-y-2">
            <h2 id="add-member-title" className="font-semibold">{t("households.addMember")}</h2>
            <AddMemberForm householdId={household.id} relations={relations} />
          </section>
          {household.members.length > 0 ? (
            <section aria-labelledby="edit-household-title" className="space-y-2">
              <h2 id="edit-household-title" className="font-semibold">{t("households.edit")}</h2>
              <UpdateHouseholdForm
                householdId={household.id}
                address={household.address}
                regionCode={household.region.code}
                regions={regions.map((r) => ({ value: r.code, label: r.level === "VILLAGE" && r.parent ? `${r.parent.name} ${r.name}` : r.name }))}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
