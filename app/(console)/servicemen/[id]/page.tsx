import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { UpdateServicemanForm } from "@/components/people/serviceman-forms";
import { auditLabelKey } from "@/lib/audit/audit-events";
import { hasPermission } from "@/lib/auth/permissions";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { maskIdNumber } from "@/lib/people/masking";
import { isPathInScope } from "@/lib/regions/scope";
import { SERVICEMAN_KINDS } from "@/lib/servicemen/serviceman.schema";
import { getServiceman, servicemanHistory } from "@/lib/servicemen/servicemen.queries";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("servicemen") };
}

export default async function ServicemanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("person:read");
  const { id } = await params;
  const serviceman = await getServiceman(actor, id);
  if (!serviceman) return refuseNotFound(actor, { action: "person:read", entity: "serviceman", entityId: id });
  const t = await getTranslations();
  const history = await servicemanHistory(serviceman.id);
  const name = serviceman.person?.name ?? serviceman.name ?? t("servicemen.nameMissing");
  const province = serviceman.person?.hukouProvince ?? serviceman.hukouProvince;
  const diedOn = serviceman.diedOn ?? serviceman.person?.diedOn ?? null;
  return (
    <article className="space-y-6" aria-labelledby="serviceman-page-title">
      <div>
        <Link href="/servicemen" className="text-sm text-brand-700 hover:underline">← {t("servicemen.back")}</Link>
        <h1 id="serviceman-page-title" className="mt-2 text-xl font-semibold">{name}</h1>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-4">
          <div><dt className="text-slate-500">{t("servicemen.kind")}</dt><dd>{t(`servicemen.kinds.${serviceman.kind}`)}</dd></div>
          <div><dt className="text-slate-500">{t("servicemen.diedOn")}</dt><dd className="tabular-nums">{diedOn ? formatDate(diedOn) : "—"}</dd></div>
          <div><dt className="text-slate-500">{t("servicemen.certificate")}</dt><dd>{serviceman.certificate ?? "—"}</dd></div>
          <div><dt className="text-slate-500">{t("servicemen.hukouProvince")}</dt><dd>{province ?? "—"}</dd></div>
          <div className="col-span-2 md:col-span-4">
            <dt className="sr-only">{t("servicemen.onRegister")}</dt>
            <dd className="text-slate-600">
              {serviceman.person ? (
                isPathInScope(actor, serviceman.person.region.path) ? (
                  <Link href={`/people/${serviceman.person.id}`} className="text-brand-700 underline-offset-2 hover:underline">{`${t("servicemen.onRegister")} ${maskIdNumber(serviceman.person.idNumber)}`}</Link>
                ) : `${t("servicemen.onRegister")} ${maskIdNumber(serviceman.person.idNumber)}`
              ) : t("servicemen.notOnRegister")}
            </dd>
          </div>
        </dl>
      </div>
      <section aria-labelledby="family-title" className="space-y-2">
        <h2 id="family-title" className="font-semibold">{t("servicemen.family")}</h2>
        {serviceman.family.length === 0 ? <EmptyState title={t("servicemen.noFamily")} /> : (
          <DataTable caption={t("servicemen.family")} testId="serviceman-family" columns={[t("people.name"), t("servicemen.relation"), t("people.idNumber"), t("people.region")].map((label) => ({ label }))}>
            {serviceman.family.map((m) => (
              <tr key={m.id}>
                <td className="px-3 py-2"><Link href={`/people/${m.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{m.name}</Link></td>
                <td className="px-3 py-2">{m.relationToServiceman ? t(`servicemanRelation.${m.relationToServiceman}`) : "—"}</td>
                <td className="px-3 py-2 font-mono">{maskIdNumber(m.idNumber)}</td>
                <td className="px-3 py-2">{m.region.parent ? `${m.region.parent.name} ` : ""}{m.region.name}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {hasPermission(actor.role, "serviceman:manage") ? (
        <section aria-labelledby="edit-serviceman-title" className="space-y-2">
          <h2 id="edit-serviceman-title" className="font-semibold">{t("servicemen.edit")}</h2>
          <UpdateServicemanForm
            servicemanId={serviceman.id}
            version={serviceman.version}
            onRegister={serviceman.personId !== null}
            kinds={SERVICEMAN_KINDS.map((k) => ({ value: k, label: t(`servicemen.kinds.${k}`) }))}
            record={{ name: serviceman.name, kind: serviceman.kind, diedOn: serviceman.diedOn ? formatDate(serviceman.diedOn) : null, certificate: serviceman.certificate, hukouProvince: serviceman.hukouProvince }}
          />
        </section>
      ) : null}
      <section aria-labelledby="serviceman-history-title">
        <h2 id="serviceman-history-title" className="mb-2 font-semibold">{t("servicemen.history")}</h2>
        {history.length === 0 ? <EmptyState title={t("servicemen.noHistory")} /> : (
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="serviceman-history">
            {history.map((h) => (
              <li key={String(h.id)} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                <span>{t(auditLabelKey(h.action))}</span>
                <span className="tabular-nums text-slate-600">{t("format.nameWithNote", { name: formatDateTime(h.at), note: h.actorName })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
