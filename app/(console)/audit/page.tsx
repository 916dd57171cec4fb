import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { auditLabelKey } from "@/lib/audit/audit-events";
import { listAudit } from "@/lib/audit/audit.queries";
import { requireActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}



const pageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor("audit:read");
  const t = await getTranslations();
  const page = pageSchema.parse((await searchParams).page ?? 1);
  const { total, rows, pageSize } = await listAudit(actor, page);
  return (
    <section aria-labelledby="audit-title" className="space-y-4">
      <h1 id="audit-title" className="text-xl font-semibold">{t("audit.title")}</h1>
      <p className="text-sm text-slate-600">{t("audit.note")}</p>
      {rows.length === 0 ? <EmptyState title={t("audit.empty")} /> : (
        <DataTable caption={t("audit.title")} alignTop columns={[t("audit.at"), t("audit.actor"), t("audit.action"), t("audit.entity"), t("audit.change")].map((label) => ({ label }))}>
              {rows.map((r) => (
                <tr key={String(r.id)}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDateTime(r.at)}</td>
                  <td className="px-3 py-2 font-mono">{r.actorName}</td>
                  <td className="px-3 py-2">{t.has(auditLabelKey(r.action)) ? t(auditLabelKey(r.action)) : r.action}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.entity}:{r.entityId.slice(0, 8)}</td>
                  <td className="max-w-md px-3 py-2 font-mono text-xs break-all text-slate-700">
                    {r.before ? <div>{t("audit.before")}: {JSON.stringify(r.before)}</div> : null}
                    {r.after ? <div>{t("audit.after")}: {JSON.stringify(r.after)}</div> : null}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} hrefFor={(p) => `/audit?page=${p}`} />
    </section>
  );
}
