import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { PolicyValue } from "@/components/policy-value";
import { requireActor } from "@/lib/auth/session";
import { describeLibrary } from "@/lib/rules/library/library-catalogue";

export async function generateMetadata() {
  const t = await getTranslations("policy");
  return { title: t("title") };
}

export default async function PolicyPage() {
  await requireActor("policy:read");
  const t = await getTranslations();
  const { documents, parameters } = describeLibrary();
  const stages = [...new Set(parameters.map((p) => p.stageLabel))];
  return (
    <section aria-labelledby="policy-title" className="space-y-6">
      <div>
        <h1 id="policy-title" className="text-xl font-semibold">{t("policy.title")}</h1>
        <p className="text-sm text-slate-600">{t("policy.note")}</p>
      </div>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title" className="mb-2 font-semibold">{t("policy.documents")}</h2>
        <DataTable
          caption={t("policy.documents")}
          testId="documents"
          alignTop
          columns={[t("policy.number"), t("policy.docTitle"), t("policy.issuer"), t("policy.jurisdiction"), t("policy.inForce"), t("policy.supersedes")].map((label) => ({ label }))}
        >
              {documents.map((d) => (
                <tr key={d.key} id={`doc-${d.key}`}>
                  <td className="px-3 py-2">{d.number}<div className="font-mono text-xs text-slate-500">{d.key}</div></td>
                  <td className="px-3 py-2">{d.title}{d.note ? <div className="text-xs text-slate-500">{d.note}</div> : null}</td>
                  <td className="px-3 py-2 text-xs">{d.issuer}</td>
                  <td className="px-3 py-2 font-mono text-xs">{d.jurisdiction}</td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{d.inForceFrom} — {d.inForceTo ?? t("common.ongoing")}</td>
                  <td className="px-3 py-2 text-xs">{d.supersedes.length ? d.supersedes.join(t("format.listSeparator")) : "—"}</td>
                </tr>
              ))}
        </DataTable>
      </section>

      {stages.map((stage) => (
        <section key={stage} aria-label={stage} className="space-y-3">
          <h2 className="font-semibold">{stage}</h2>
          {parameters.filter((p) => p.stageLabel === stage).map((p) => (
            <article key={p.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`param-${p.id}`}>
              <h3 className="font-medium">{p.label} <span className="ml-2 font-mono text-xs text-slate-500">{p.id}</span></h3>
              <table className="mt-2 min-w-full text-sm">
                <thead className="text-left text-xs text-slate-500">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("policy.jurisdiction")}</th>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("policy.period")}</th>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("policy.value")}</th>
                    <th scope="col" className="py-1 font-medium">{t("policy.citation")}</th>
                  </tr>
                </thead>
                <tbody className="align-top">
                  {p.versions.map((v) => (
                    <tr key={`${v.jurisdiction}-${v.from}`} className="border-t border-slate-100">
                      <td className="py-1 pr-3 font-mono text-xs">{v.jurisdiction}</td>
                      <td className="whitespace-nowrap py-1 pr-3 tabular-nums">{v.from} — {v.to ?? t("common.ongoing")}</td>
                      <td className="py-1 pr-3"><PolicyValue value={v.value} /></td>
                      <td className="py-1">{v.citation.documentNumber ?? v.citation.document} {v.citation.article}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          ))}
        </section>
      ))}
    </section>
  );
}
