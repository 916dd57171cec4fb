import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { requireActor } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { IDENTITY_BUREAUS } from "@/lib/people/identity-bureaus";
import { proposalBureauOfRole } from "@/lib/people/identity-proposal.schema";
import { pendingProposals } from "@/lib/people/identity-proposals.queries";
import { maskIdNumber } from "@/lib/people/masking";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("proposals") };
}

export default async function IdentityProposalsPage() {
  const signedIn = await requireActor();
  // Only a bureau that certifies on proposals has a list; anyone else is refused (and audited).
  const bureau = proposalBureauOfRole(signedIn.role);
  const actor = bureau ? signedIn : await requireActor("identity:manage:assistance");
  const role = IDENTITY_BUREAUS[bureau ?? "assistance"].role;
  const rows = await pendingProposals(actor, role);
  const t = await getTranslations();
  return (
    <section className="space-y-4" aria-labelledby="proposals-page-title">
      <div>
        <h1 id="proposals-page-title" className="text-xl font-semibold">{t("proposals.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("proposals.intro")}</p>
      </div>
      {rows.length === 0 ? <EmptyState title={t("proposals.none")} /> : (
        <DataTable
          caption={t("proposals.title")}
          testId="proposal-list"
          alignTop
          columns={[t("proposals.person"), t("proposals.type"), t("proposals.validFrom"), t("proposals.reason"), t("proposals.proposedBy"), t("households.actions")].map((label) => ({ label }))}
        >
          {rows.map((p) => (
            <tr key={p.id}>
              <td className="px-3 py-2">
                <Link href={`/people/${p.person.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{p.person.name}</Link>
                <span className="block font-mono text-xs text-slate-500">{maskIdNumber(p.person.idNumber)}</span>
                <span className="block text-xs text-slate-500">{p.person.region.parent ? `${p.person.region.parent.name} ` : ""}{p.person.region.name}</span>
              </td>
              <td className="whitespace-nowrap px-3 py-2">{t(`identity.${p.type}`)}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDate(p.validFrom)}</td>
              <td className="max-w-md px-3 py-2">{p.attachment ? t("proposals.reasonWithAttachment", { reason: p.reason, attachment: p.attachment }) : p.reason}</td>
              <td className="px-3 py-2 text-slate-600">{p.proposedBy}<span className="block whitespace-nowrap text-xs tabular-nums">{formatDateTime(p.proposedAt)}</span></td>
              <td className="px-3 py-2"><Link href={`/identity-proposals/${p.id}`} className="inline-block whitespace-nowrap rounded-md border border-brand-700 px-3 py-1 text-brand-700 hover:bg-brand-50">{t("proposals.open")}</Link></td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
