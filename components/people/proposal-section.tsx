import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProposeIdentityForm } from "@/components/people/proposal-forms";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { formatDate, formatDateTime } from "@/lib/format";
import { PROPOSABLE_TYPES } from "@/lib/people/identity-proposal.schema";
import { personProposals } from "@/lib/people/identity-proposals.queries";

const STATE_STYLE = { PENDING: "bg-amber-100 text-amber-900", ACCEPTED: "bg-green-100 text-green-900", REJECTED: "bg-red-100 text-red-900" } as const;

/** A township's proposals for the person and what the bureau made of them; the clerk's form to propose. */
export async function ProposalSection({ actor, personId }: { actor: Actor; personId: string }) {
  const proposes = hasPermission(actor.role, "identity:propose");
  const proposals = await personProposals(personId);
  if (!proposes && proposals.length === 0) return null;
  const t = await getTranslations();
  return (
    <section aria-labelledby="proposals-title" className="space-y-3">
      <h2 id="proposals-title" className="font-semibold">{t("proposals.section")}</h2>
      {proposals.length === 0 ? <p className="text-sm text-slate-600">{t("proposals.noneForPerson")}</p> : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="person-proposals">
          {proposals.map((p) => (
            <li key={p.id} className="space-y-1 px-4 py-2">
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-medium">{t(`identity.${p.type}`)}</span>
                <span className="tabular-nums text-slate-600">{t("proposals.fromLine", { date: formatDate(p.validFrom) })}</span>
                <span className={`rounded px-2 py-0.5 text-xs ${STATE_STYLE[p.state]}`}>{t(`proposals.states.${p.state}`)}</span>
                {p.state === "PENDING" && actor.role === p.bureau ? <Link href={`/identity-proposals/${p.id}`} className="text-brand-700 underline-offset-2 hover:underline">{t("proposals.open")}</Link> : null}
              </div>
              <p className="text-slate-700">{p.attachment ? t("proposals.reasonWithAttachment", { reason: p.reason, attachment: p.attachment }) : p.reason}</p>
              <p className="text-xs text-slate-500">
                {t("format.nameWithNote", { name: formatDateTime(p.proposedAt), note: p.proposedBy })}
                <span className="ml-2">{t("proposals.to", { bureau: t(`roles.${p.bureau}`) })}</span>
                {p.decidedAt ? <span className="ml-2">{t("proposals.decided", { by: p.decidedBy ?? "", at: formatDateTime(p.decidedAt), state: t(`proposals.states.${p.state}`) })}</span> : null}
              </p>
              {p.state === "REJECTED" && p.decisionNote ? <p className="text-red-800">{t("proposals.rejectedBecause", { reason: p.decisionNote })}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {proposes ? (
        // Folded: most visits to a person's page are not to propose anything.
        <details className="group">
          <summary className="inline-block cursor-pointer rounded-md border border-brand-700 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50">{t("proposals.formTitle")}</summary>
          <div className="mt-2"><ProposeIdentityForm personId={personId} types={PROPOSABLE_TYPES.map((type) => ({ value: type, label: t(`identity.${type}`) }))} /></div>
        </details>
      ) : null}
    </section>
  );
}
