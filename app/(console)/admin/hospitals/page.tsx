import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { requireActor } from "@/lib/auth/session";
import { hospitalSearchSchema, listHospitals } from "@/lib/hospitals/hospitals.queries";

export async function generateMetadata() {
  const t = await getTranslations("hospitals");
  return { title: t("title") };
}

export default async function HospitalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("hospital:manage");
  const t = await getTranslations();
  const raw = await searchParams;
  const parsed = hospitalSearchSchema.safeParse({ q: raw.q, page: raw.page });
  const search = parsed.success ? parsed.data : { q: "", page: 1 };
  const { total, rows, pageSize } = await listHospitals(actor, search);
  const hrefFor = (page: number) => `/admin/hospitals?${new URLSearchParams({ ...(search.q ? { q: search.q } : {}), page: String(page) })}`;
  return (
    <section aria-labelledby="hospitals-title" className="space-y-4">
      <div>
        <h1 id="hospitals-title" className="text-xl font-semibold">{t("hospitals.title")}</h1>
        <p className="text-sm text-slate-600">{search.q ? t("hospitals.found", { q: search.q, total }) : t("hospitals.explain", { region: actor.regionName, total })}</p>
        <Link href="/admin/hospitals/new" className="mt-2 inline-block rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50">{t("hospitals.create")}</Link>
      </div>
      <form role="search" aria-label={t("hospitals.search")} action="/admin/hospitals" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="hospitals-q" className="block text-sm font-medium text-slate-700">{t("hospitals.searchLabel")}</label>
          <input id="hospitals-q" name="q" defaultValue={search.q} placeholder={t("hospitals.searchPlaceholder")} className="mt-1 w-72 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("common.search")}</button>
      </form>
      {!parsed.success ? <p role="alert" className="text-sm text-red-700">{t("hospitals.badSearch")}</p> : null}
      {rows.length === 0 ? <EmptyState title={search.q ? t("hospitals.noMatch", { q: search.q }) : t("hospitals.empty")} /> : (
        <DataTable
          caption={t("hospitals.title")}
          testId="hospital-list"
          columns={[t("hospitals.code"), t("hospitals.name"), t("hospitals.level"), t("hospitals.priceClass"), t("hospitals.runBy"), t("hospitals.isPublic"), t("hospitals.province"), t("hospitals.cardDesignated"), t("hospitals.region")].map((label) => ({ label }))}
        >
          {rows.map((h) => (
            <tr key={h.id}>
              <td className="px-3 py-2 font-mono">{h.editable ? <Link href={`/admin/hospitals/${h.id}`} className="text-brand-700 underline-offset-2 hover:underline">{h.code}</Link> : h.code}</td>
              <td className="px-3 py-2">{h.name}{h.editable ? null : <span className="ml-2 text-xs text-slate-500">{t("hospitals.keptAbove")}</span>}</td>
              <td className="px-3 py-2">{t(`hospitals.levelOption.${h.level}`)}</td>
              <td className="px-3 py-2">{t(`hospitals.priceClassOption.${h.priceClass}`)}</td>
              <td className="px-3 py-2">{t(`hospitals.runByOption.${h.runBy}`)}</td>
              <td className="px-3 py-2">{h.isPublic ? t("hospitals.public") : t("hospitals.private")}</td>
              <td className="px-3 py-2">{h.province}</td>
              <td className="px-3 py-2">{h.cardDesignated ? t("hospitals.yes") : t("hospitals.no")}</td>
              <td className="px-3 py-2">{h.region.name}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={search.page} pageSize={pageSize} total={total} hrefFor={hrefFor} />
    </section>
  );
}
