import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { requireActor } from "@/lib/auth/session";
import { publicityParams, publicityQuery } from "@/lib/cases/publicity-params";
import { townshipOptions } from "@/lib/cases/township-options";
import { publicityList } from "@/lib/cases/cases.queries";
import { prisma } from "@/lib/db";
import { formatMoney } from "@/lib/format";

export async function generateMetadata() {
  const t = await getTranslations("casePages");
  return { title: t("publicityTitle") };
}

export default async function PublicityListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("case:read");
  const t = await getTranslations();
  const townships = await townshipOptions(prisma, actor);
  const params = publicityParams(actor, await searchParams, townships);
  const townshipName = townships.find((r) => r.code === params.township)?.name ?? "";
  const lists = params.township ? await publicityList(prisma, actor, { township: params.township, from: params.from, to: params.to }) : null;

  return (
    <section aria-labelledby="publicity-title" className="space-y-4">
      <div className="print:hidden">
        <h1 id="publicity-title" className="text-xl font-semibold">{t("casePages.publicityTitle")}</h1>
        <p className="text-sm text-slate-600">{t("casePages.publicityIntro")}</p>
      </div>
      <form action="/cases/publicity" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 print:hidden" aria-label={t("casePages.filters")}>
        {townships.length > 1 ? (
          <div>
            <label htmlFor="p-township" className="block text-sm font-medium text-slate-700">{t("casePages.filterTownship")}</label>
            <select id="p-township" name="township" defaultValue={params.township ?? ""} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
              <option value="">{t("casePages.chooseTownship")}</option>
              {townships.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor="p-from" className="block text-sm font-medium text-slate-700">{t("casePages.periodFrom")}</label>
          <input id="p-from" name="from" placeholder="YYYY-MM-DD" defaultValue={params.from} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="p-to" className="block text-sm font-medium text-slate-700">{t("casePages.periodTo")}</label>
          <input id="p-to" name="to" placeholder="YYYY-MM-DD" defaultValue={params.to} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("casePages.show")}</button>
      </form>

      {!lists ? <EmptyState title={t("casePages.chooseTownship")} /> : lists.length === 0 ? <EmptyState title={t("casePages.publicityNone")} /> : lists.map(({ data, rows }, n) => (
        <section key={`${data.startsOn}-${data.place}`} aria-labelledby={`posting-${n}`} className="space-y-2 break-after-page" data-testid="publicity-posting">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={`posting-${n}`} className="text-lg font-semibold">{t("casePages.publicityHeading", { township: townshipName, from: data.startsOn, to: data.lastDay })}</h2>
            <a href={`/cases/publicity/pdf?${publicityQuery(params)}&n=${n}`} className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 print:hidden" data-testid="publicity-pdf">{t("casePages.pdf")}</a>
          </div>
          <p className="text-sm text-slate-600">{t("casePages.publicityPlaceLine", { place: data.place, contact: t("casePages.publicityContact", { township: townshipName }) })}</p>
          <DataTable
            caption={t("casePages.publicityHeading", { township: townshipName, from: data.startsOn, to: data.lastDay })}
            testId="publicity-list"
            columns={[{ label: t("casePages.index") }, { label: t("casePages.maskedName") }, { label: t("casePages.maskedId") }, { label: t("casePages.kind") }, { label: t("casePages.amount"), align: "right" }]}
          >
            {rows.map((row, i) => (
              <tr key={row.index}>
                <td className="px-3 py-2 tabular-nums">{row.index}</td>
                <td className="px-3 py-2" data-testid="masked-name">{row.name}</td>
                <td className="px-3 py-2 font-mono">{row.idNumber}</td>
                <td className="px-3 py-2">{data.entries[i] ? t(`applicationKind.${data.entries[i].kind}`) : row.kind}</td>
                <td className="px-3 py-2 text-right tabular-nums">{/^\d/.test(row.amount) ? formatMoney(row.amount) : row.amount}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ))}
    </section>
  );
}
