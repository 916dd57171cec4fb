import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listServicemen } from "@/lib/servicemen/servicemen.queries";
import { cleanText } from "@/lib/text-input";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("servicemen") };
}

export default async function ServicemenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("person:read");
  const raw = await searchParams;
  const qRaw = typeof raw.q === "string" ? raw.q.trim() : "";
  const q = cleanText(20).safeParse(qRaw).success ? qRaw : "";
  const pageNo = Math.max(1, Math.min(10_000, Number.parseInt(typeof raw.page === "string" ? raw.page : "1", 10) || 1));
  const { total, rows, pageSize } = await listServicemen(actor, { q: q || undefined, page: pageNo });
  const t = await getTranslations();
  return (
    <section className="space-y-4" aria-labelledby="servicemen-title">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 id="servicemen-title" className="text-xl font-semibold">{t("servicemen.title")}</h1>
          <p className="max-w-3xl text-sm text-slate-600">{t("servicemen.intro")}</p>
        </div>
        {hasPermission(actor.role, "serviceman:manage") ? <Link href="/servicemen/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("servicemen.new")}</Link> : null}
      </div>
      <form role="search" className="flex flex-wrap items-end gap-2" aria-label={t("servicemen.search")}>
        <div>
          <label htmlFor="servicemen-q" className="block text-sm font-medium text-slate-700">{t("servicemen.searchLabel")}</label>
          <input id="servicemen-q" name="q" defaultValue={q} maxLength={20} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50">{t("servicemen.search")}</button>
      </form>
      <p className="text-sm text-slate-600">{t("servicemen.count", { total })}</p>
      {rows.length === 0 ? <EmptyState title={q ? t("servicemen.noMatch") : t("servicemen.empty")} /> : (
        <DataTable
          caption={t("servicemen.title")}
          testId="servicemen-list"
          columns={[t("servicemen.name"), t("servicemen.kind"), t("servicemen.diedOn"), t("servicemen.certificate"), t("servicemen.hukouProvince"), t("servicemen.familyCount")].map((label) => ({ label }))}
        >
          {rows.map((s) => (
            <tr key={s.id}>
              <td className="px-3 py-2">
                <Link href={`/servicemen/${s.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{s.person?.name ?? s.name ?? t("servicemen.nameMissing")}</Link>
                {s.person ? <span className="ml-2 text-xs text-slate-500">{t("servicemen.onRegister")}</span> : null}
              </td>
              <td className="px-3 py-2">{t(`servicemen.kinds.${s.kind}`)}</td>
              <td className="px-3 py-2 tabular-nums">{s.diedOn ? formatDate(s.diedOn) : "—"}</td>
              <td className="px-3 py-2">{s.certificate ?? "—"}</td>
              <td className="px-3 py-2">{s.person?.hukouProvince ?? s.hukouProvince ?? "—"}</td>
              <td className="px-3 py-2 tabular-nums">{s._count.family}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={pageNo} pageSize={pageSize} total={total} hrefFor={(n) => `/servicemen?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) }).toString()}`} />
    </section>
  );
}
