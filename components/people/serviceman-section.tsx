import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LinkServicemanForm, UnlinkServicemanForm } from "@/components/people/serviceman-forms";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { maskIdNumber } from "@/lib/people/masking";
import { isPathInScope } from "@/lib/regions/scope";
import { SERVICEMAN_RELATIONS } from "@/lib/servicemen/serviceman.schema";
import { servicemanOfMember, servicemanOptions } from "@/lib/servicemen/servicemen.queries";

type Member = { id: string; servicemanId: string | null; relationToServiceman: string | null };

/**
 * A family member's serviceman (a martyr may be on no register: his record is what there is), and
 * for 退役军人事务局 the link itself. Shown where there is a link, or someone who keeps them.
 */
export async function ServicemanSection({ actor, person }: { actor: Actor; person: Member }) {
  const manages = hasPermission(actor.role, "serviceman:manage");
  if (!person.servicemanId && !manages) return null;
  const t = await getTranslations();
  const [serviceman, records] = await Promise.all([
    person.servicemanId ? servicemanOfMember(person.servicemanId) : null,
    manages ? servicemanOptions(actor) : [],
  ]);
  const name = serviceman ? (serviceman.person?.name ?? serviceman.name ?? t("servicemen.nameMissing")) : null;
  const province = serviceman ? (serviceman.person?.hukouProvince ?? serviceman.hukouProvince) : null;
  const diedOn = serviceman ? (serviceman.diedOn ?? serviceman.person?.diedOn ?? null) : null;
  // His person page and his record's page exist for the actor only inside the actor's region.
  const personHref = serviceman?.person && isPathInScope(actor, serviceman.person.region.path) ? `/people/${serviceman.person.id}` : null;
  return (
    <section aria-labelledby="serviceman-title" className="space-y-3" data-testid="serviceman-section">
      <h2 id="serviceman-title" className="font-semibold">{t("servicemen.section")}</h2>
      {serviceman ? (
        <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <dl className="grid flex-1 grid-cols-2 gap-x-6 gap-y-2 md:grid-cols-3">
            <div><dt className="text-slate-500">{t("servicemen.name")}</dt><dd className="font-medium">{personHref ? <Link href={personHref} className="text-brand-700 underline-offset-2 hover:underline">{name}</Link> : name}</dd></div>
            <div><dt className="text-slate-500">{t("servicemen.relation")}</dt><dd>{person.relationToServiceman ? t(`servicemanRelation.${person.relationToServiceman}`) : "—"}</dd></div>
            <div><dt className="text-slate-500">{t("servicemen.kind")}</dt><dd>{t(`servicemen.kinds.${serviceman.kind}`)}</dd></div>
            <div><dt className="text-slate-500">{t("servicemen.diedOn")}</dt><dd className="tabular-nums">{diedOn ? formatDate(diedOn) : "—"}</dd></div>
            <div><dt className="text-slate-500">{t("servicemen.certificate")}</dt><dd>{serviceman.certificate ?? "—"}</dd></div>
            <div><dt className="text-slate-500">{t("servicemen.hukouProvince")}</dt><dd>{province ?? "—"}</dd></div>
            <div className="col-span-2 md:col-span-3"><dt className="sr-only">{t("servicemen.onRegister")}</dt><dd className="text-slate-600">{serviceman.person ? `${t("servicemen.onRegister")} ${maskIdNumber(serviceman.person.idNumber)}` : t("servicemen.notOnRegister")}</dd></div>
          </dl>
          <div className="flex flex-col items-end gap-2">
            {manages ? <Link href={`/servicemen/${serviceman.id}`} className="text-brand-700 underline-offset-2 hover:underline">{t("servicemen.openRecord")}</Link> : null}
            {manages ? <UnlinkServicemanForm personId={person.id} /> : null}
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("servicemen.notLinkedYet")}</p>
      )}
      {manages ? (
        <div className="space-y-2">
          <LinkServicemanForm
            personId={person.id}
            current={{ servicemanId: person.servicemanId, relation: person.relationToServiceman }}
            relations={SERVICEMAN_RELATIONS.map((r) => ({ value: r, label: t(`servicemanRelation.${r}`) }))}
            records={records.map((r) => ({ value: r.id, label: [r.name ?? t("servicemen.nameMissing"), t(`servicemen.kinds.${r.kind}`), r.certificate].filter(Boolean).join(" · ") }))}
          />
          <Link href={`/servicemen/new?family=${person.id}`} className="inline-block text-sm text-brand-700 underline-offset-2 hover:underline">{t("servicemen.createForMember")}</Link>
        </div>
      ) : null}
    </section>
  );
}
