import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptProposalForm, RejectProposalForm } from "@/components/people/proposal-forms";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { proposalBureauOfRole } from "@/lib/people/identity-proposal.schema";
import { getProposal } from "@/lib/people/identity-proposals.queries";
import { ageOn, maskIdNumber } from "@/lib/people/masking";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("proposals") };
}

export default async function IdentityProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("person:read");
  const { id } = await params;
  const proposal = await getProposal(actor, id);
  if (!proposal) return refuseNotFound(actor, { action: "person:read", entity: "proposal", entityId: id });
  const t = await getTranslations();
  const bureau = proposalBureauOfRole(actor.role);
  const decides = bureau !== null && proposal.bureau === actor.role && proposal.state === "PENDING";
  const p = proposal.person;
  return (
    <article className="max-w-3xl space-y-6" aria-labelledby="proposal-title">
      <div>
        <Link href={bureau ? "/identity-proposals" : `/people/${p.id}`} className="text-sm text-brand-700 hover:underline">← {bureau ? t("proposals.back") : t("people.backToPerson")}</Link>
        <h1 id="proposal-title" className="mt-2 text-xl font-semibold">{t("proposals.detailTitle", { name: p.name })}</h1>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <div><dt className="text-slate-500">{t("proposals.person")}</dt><dd><Link href={`/people/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{p.name}</Link></dd></div>
        <div><dt className="text-slate-500">{t("people.idNumber")}</dt><dd className="font-mono">{maskIdNumber(p.idNumber)}</dd></div>
        <div><dt className="text-slate-500">{t("people.region")}</dt><dd>{p.region.parent ? `${p.region.parent.name} ` : ""}{p.region.name}</dd></div>
        <div><dt className="text-slate-500">{t("people.age")}</dt><dd>{t("format.nameWithNote", { name: t(`sex.${p.sex}`), note: t("people.ageYears", { age: ageOn(p.birthDate, new Date()) }) })}</dd></div>
        <div><dt className="text-slate-500">{t("proposals.type")}</dt><dd className="font-medium">{t(`identity.${proposal.type}`)}</dd></div>
        <div><dt className="text-slate-500">{t("proposals.validFrom")}</dt><dd className="tabular-nums">{formatDate(proposal.validFrom)}</dd></div>
        <div className="col-span-2"><dt className="text-slate-500">{t("proposals.reason")}</dt><dd>{proposal.reason}</dd></div>
        <div className="col-span-2"><dt className="text-slate-500">{t("proposals.attachment")}</dt><dd>{proposal.attachment ?? "—"}</dd></div>
        <div><dt className="text-slate-500">{t("proposals.proposedBy")}</dt><dd>{t("format.nameWithNote", { name: proposal.proposedBy, note: formatDateTime(proposal.proposedAt) })}</dd></div>
        <div><dt className="text-slate-500">{t("proposals.state")}</dt><dd data-testid="proposal-state">{t(`proposals.states.${proposal.state}`)}</dd></div>
        {proposal.decidedAt ? <div className="col-span-2"><dt className="sr-only">{t("proposals.state")}</dt><dd className="text-slate-600">{t("proposals.decided", { by: proposal.decidedBy ?? "", at: formatDateTime(proposal.decidedAt), state: t(`proposals.states.${proposal.state}`) })}</dd></div> : null}
        {proposal.decisionNote ? <div className="col-span-2"><dt className="text-slate-500">{t("proposals.rejectReason")}</dt><dd>{proposal.decisionNote}</dd></div> : null}
      </dl>
      {decides && bureau ? (
        <div className="grid gap-4 md:grid-cols-2">
          <AcceptProposalForm bureau={bureau} proposalId={proposal.id} />
          <RejectProposalForm bureau={bureau} proposalId={proposal.id} />
        </div>
      ) : proposal.state === "PENDING" ? <p className="text-sm text-slate-600">{t("proposals.notYours", { bureau: t(`roles.${proposal.bureau}`) })}</p> : null}
    </article>
  );
}
