import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RecordPaymentForm } from "@/components/case-forms";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { paymentOrder } from "@/lib/cases/cases.queries";
import { prisma } from "@/lib/db";
import { formatMoney } from "@/lib/format";
import { chinaDate } from "@/lib/workflow/case-machine";

export async function generateMetadata() {
  const t = await getTranslations("casePages");
  return { title: t("paymentsTitle") };
}

export default async function PaymentsPage() {
  const actor = await requireActor("payment:read");
  const t = await getTranslations();
  const order = await paymentOrder(prisma, actor, {});
  if (!order) forbidden();
  const records = hasPermission(actor.role, "payment:record");
  const today = chinaDate(new Date());
  return (
    <section aria-labelledby="payments-title" className="space-y-4">
      <div>
        <h1 id="payments-title" className="text-xl font-semibold">{t("casePages.paymentsTitle")}</h1>
        <p className="text-sm text-slate-600">{t("casePages.paymentsIntro")}</p>
      </div>
      {order.rows.length === 0 ? <EmptyState title={t("casePages.paymentsNone")} /> : (
        <>
          <p className="text-sm font-medium" data-testid="payments-total">{t("casePages.paymentsTotal", { count: order.rows.length, amount: formatMoney(order.total) })}</p>
          <DataTable
            caption={t("casePages.paymentsTitle")}
            testId="payments"
            columns={[{ label: t("casePages.number") }, { label: t("casePages.person") }, { label: t("casePages.kind") }, { label: t("casePages.region") }, { label: t("casePages.approvedOnColumn") }, { label: t("casePages.amount"), align: "right" }, ...(records ? [{ label: t("casePages.recordPayment") }] : [])]}
          >
            {order.rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap px-3 py-2 font-mono"><Link href={`/cases/${r.id}`} className="text-brand-700 underline-offset-2 hover:underline">{r.number}</Link></td>
                <td className="whitespace-nowrap px-3 py-2">{r.name}</td>
                <td className="px-3 py-2">{t(`applicationKind.${r.kind}`)}</td>
                <td className="px-3 py-2">{r.township.name}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.approvedOn}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(r.total)}</td>
                {records ? <td className="px-3 py-2"><RecordPaymentForm caseRef={{ caseId: r.id, version: r.version }} today={today} number={r.number} /></td> : null}
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
