import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseStateBadge } from "@/components/case-views";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { requireActor } from "@/lib/auth/session";
import { resultList } from "@/lib/cases/cases.queries";
import { prisma } from "@/lib/db";
import { formatMoney } from "@/lib/format";

export async function generateMetadata() {
  const t = await getTranslations("casePages");
  return { title: t("resultsTitle") };
}

export default async function ResultsPage() {
  const actor = await requireActor("case:read");
  const t = await getTranslations();
  const rows = await resultList(prisma, actor, {});
  return (
    <section aria-labelledby="results-title" className="space-y-4">
      <div>
        <h1 id="results-title" className="text-xl font-semibold">{t("casePages.resultsTitle")}</h1>
        <p className="text-sm text-slate-600">{t("casePages.resultsIntro")}</p>
      </div>
      {rows.length === 0 ? <EmptyState title={t("casePages.resultsNone")} /> : (
        <DataTable
          caption={t("casePages.resultsTitle")}
          testId="results"
          columns={[{ label: t("casePages.number") }, { label: t("casePages.maskedName") }, { label: t("casePages.kind") }, { label: t("casePages.region") }, { label: t("casePages.approvedOnColumn") }, { label: t("casePages.state") }, { label: t("casePages.amount"), align: "right" }]}
        >
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="whitespace-nowrap px-3 py-2 font-mono"><Link href={`/cases/${r.id}`} className="text-brand-700 underline-offset-2 hover:underline">{r.number}</Link></td>
              <td className="px-3 py-2" data-testid="masked-name">{r.name}</td>
              <td className="px-3 py-2">{t(`applicationKind.${r.kind}`)}</td>
              <td className="px-3 py-2">{r.township.name}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.approvedOn}</td>
              <td className="px-3 py-2"><CaseStateBadge state={r.state} /></td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(r.total)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
