import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
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
          <DataTable
            caption={t("households.members")}
            testId="household-members"
            columns={[t("people.name"), t("people.relation"), t("people.idNumber"), t("people.sex"), t("people.age"), t("households.status"), ...(edits ? [t("households.actions")] : [])].map((label) => ({ label }))}
          >
            {household.members.map((m) => (
              <tr key={m.id}>
                <td className="px-3 py-2"><Link href={`/people/${m.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{m.name}</Link></td>
                <td className="px-3 py-2">
                  {edits ? <MemberRelationForm householdId={household.id} personId={m.id} name={m.name} relation={m.relationToHead} relations={relations} /> : t(`relation.${m.relationToHead}`)}
                </td>
                <td className="px-3 py-2 font-mono">{maskIdNumber(m.idNumber)}</td>
                <td className="px-3 py-2">{t(`sex.${m.sex}`)}</td>
                <td className="px-3 py-2 tabular-nums">{t("people.ageYears", { age: ageOn(m.birthDate, new Date()) })}</td>
                <td className="px-3 py-2">{m.diedOn ? t("people.status.deceased") : t("households.statusAlive")}</td>
                {edits ? <td className="px-3 py-2"><RemoveMemberForm householdId={household.id} personId={m.id} name={m.name} /></td> : null}
              </tr>
            ))}
          </DataTable>
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
