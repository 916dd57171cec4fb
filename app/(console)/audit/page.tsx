import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { SelectField } from "@/components/select-field";
import { AUDIT_ACTIONS, auditLabelKey } from "@/lib/audit/audit-events";
import { AUDIT_ENTITIES, auditFilterSchema, type AuditFilter } from "@/lib/audit/audit.schema";
import { listAudit } from "@/lib/audit/audit.queries";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const pageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const FILTER_KEYS = ["actor", "action", "entity", "entityId", "from", "to"] as const;

function filterQuery(filter: AuditFilter, page?: number): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key]) params.set(key, String(filter[key]));
  if (page) params.set("page", String(page));
  return params.toString();
}

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("audit:read");
  const t = await getTranslations();
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const page = pageSchema.parse(first(raw.page) || 1);
  const parsed = auditFilterSchema.safeParse(Object.fromEntries(FILTER_KEYS.map((k) => [k, first(raw[k])])));
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const { total, rows, pageSize } = await listAudit(actor, page, filter);
  const label = (action: string) => (t.has(auditLabelKey(action)) ? t(auditLabelKey(action)) : action);
  return (
    <section aria-labelledby="audit-title" className="space-y-4">
      <h1 id="audit-title" className="text-xl font-semibold">{t("audit.title")}</h1>
      <p className="text-sm text-slate-600">{t("audit.note")}</p>
      <form role="search" action="/audit" className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
        <div>
          <label htmlFor="audit-actor" className="block text-sm font-medium text-slate-700">{t("audit.filterActor")}</label>
          <input id="audit-actor" name="actor" defaultValue={filter.actor ?? ""} maxLength={64} className={inputClass} />
        </div>
        <SelectField name="action" label={t("audit.filterAction")} defaultValue={filter.action ?? ""} options={[{ value: "", label: t("audit.anyAction") }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: label(a) }))]} />
        <SelectField name="entity" label={t("audit.filterEntity")} defaultValue={filter.entity ?? ""} options={[{ value: "", label: t("audit.anyEntity") }, ...AUDIT_ENTITIES.map((e) => ({ value: e, label: e }))]} />
        <div>
          <label htmlFor="audit-entity-id" className="block text-sm font-medium text-slate-700">{t("audit.filterEntityId")}</label>
          <input id="audit-entity-id" name="entityId" defaultValue={filter.entityId ?? ""} maxLength={64} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-sm font-medium text-slate-700">{t("audit.filterFrom")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-sm font-medium text-slate-700">{t("audit.filterTo")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("audit.filter")}</button>
        {hasPermission(actor.role, "audit:export") ? (
          <a href={`/audit/export?${filterQuery(filter)}`} className="rounded-md border border-brand-700 px-4 py-2 text-center text-sm font-medium text-brand-700 hover:bg-brand-50" download>
            {t("audit.export")}
          </a>
        ) : null}
      </form>
      {!parsed.success ? <p role="alert" className="text-sm text-red-700">{t("audit.badFilter")}</p> : null}
      {rows.length === 0 ? <EmptyState title={t("audit.empty")} /> : (
        <DataTable caption={t("audit.title")} alignTop columns={[t("audit.at"), t("audit.actor"), t("audit.action"), t("audit.entity"), t("audit.change")].map((label) => ({ label }))}>
              {rows.map((r) => (
                <tr key={String(r.id)}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDateTime(r.at)}</td>
                  <td className="px-3 py-2 font-mono">{r.actorName}</td>
                  <td className="px-3 py-2">{label(r.action)}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.entity}:{r.entityId.slice(0, 8)}</td>
                  <td className="max-w-md px-3 py-2 font-mono text-xs break-all text-slate-700">
                    {r.before ? <div>{t("audit.before")}: {JSON.stringify(r.before)}</div> : null}
                    {r.after ? <div>{t("audit.after")}: {JSON.stringify(r.after)}</div> : null}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} hrefFor={(p) => `/audit?${filterQuery(filter, p)}`} />
    </section>
  );
}
