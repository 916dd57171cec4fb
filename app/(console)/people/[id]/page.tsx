import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StartApplicationForm } from "@/components/case-forms";
import { CaseStateBadge } from "@/components/case-views";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { hasPermission } from "@/lib/auth/permissions";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { filingOptions, personCases } from "@/lib/cases/person-cases";
import { prisma } from "@/lib/db";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { auditLabelKey } from "@/lib/audit/audit-events";
import { Prisma } from "@/lib/generated/prisma/client";
import { IdNumberReveal } from "@/components/id-number-reveal";
import { HouseholdSection } from "@/components/people/household-section";
import { ProposalSection } from "@/components/people/proposal-section";
import { ServicemanSection } from "@/components/people/serviceman-section";
import { AddIdentityForm, EndIdentityForm } from "@/components/identity-forms";
import { ConditionsSection } from "@/components/people/conditions-section";
import { EnrolmentSection } from "@/components/people/enrolment-section";
import { MergeNotice } from "@/components/people/merge-notice";
import { bureauOfRole, IDENTITY_BUREAUS, keeperOf } from "@/lib/people/identity-bureaus";
import { ageOn, maskBankAccount, maskIdNumber } from "@/lib/people/masking";
import { getPerson, personHistory, personPayouts } from "@/lib/people/people.queries";

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("person:read");
  const { id } = await params;
  const person = await getPerson(actor, id);
  if (!person) return refuseNotFound(actor, { action: "person:read", entity: "person", entityId: id });
  const t = await getTranslations();
  const files = hasPermission(actor.role, "case:file");
  const readsCases = hasPermission(actor.role, "case:read");
  const [cases, kinds, payouts, history] = await Promise.all([
    readsCases ? personCases(prisma, actor, person.id) : [],
    filingOptions(prisma, actor, person.id),
    readsCases ? personPayouts(person.id) : [],
    personHistory(person.id),
  ]);
  const bureau = bureauOfRole(actor.role);
  const period = (from: Date, to: Date | null) => `${formatDate(from)} — ${to ? formatDate(to) : t("common.ongoing")}`;

  return (
    <article className="space-y-6" aria-labelledby="person-title">
      <div>
        <Link href="/people" className="text-sm text-brand-700 hover:underline">← {t("people.back")}</Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 id="person-title" className="text-xl font-semibold">{person.name}</h1>
          {person.diedOn ? <span className="rounded bg-slate-200 px-2 py-0.5 text-sm">{t("people.deceased", { date: formatDate(person.diedOn) })}</span> : null}
          {person.movedOutOn ? <span className="rounded bg-slate-200 px-2 py-0.5 text-sm">{t("people.movedOut", { date: formatDate(person.movedOutOn) })}</span> : null}
          {hasPermission(actor.role, "person:update") ? <Link href={`/people/${person.id}/edit`} className="text-sm text-brand-700 underline-offset-2 hover:underline">{t("people.edit")}</Link> : null}
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-4">
          <div><dt className="text-slate-500">{t("people.idNumber")}</dt><dd><IdNumberReveal personId={person.id} masked={maskIdNumber(person.idNumber)} canReveal={hasPermission(actor.role, "person:view-id")} /></dd></div>
          <div><dt className="text-slate-500">{t("people.sex")}</dt><dd>{t(`sex.${person.sex}`)}</dd></div>
          <div><dt className="text-slate-500">{t("people.age")}</dt><dd>{t("people.ageYears", { age: ageOn(person.birthDate, new Date()) })}</dd></div>
          <div><dt className="text-slate-500">{t("people.region")}</dt><dd>{person.region.parent ? `${person.region.parent.name} ` : ""}{person.region.name}{person.region.retiredAt ? t("regions.retiredSuffix") : ""}</dd></div>
          <div><dt className="text-slate-500">{t("people.hukou")}</dt><dd>{t(person.ruralHukou ? "people.rural" : "people.urban")}</dd></div>
          <div><dt className="text-slate-500">{t("people.relation")}</dt><dd>{person.householdId ? t(`relation.${person.relationToHead}`) : "—"}</dd></div>
          <div><dt className="text-slate-500">{t("people.phone")}</dt><dd className="tabular-nums">{person.phone ?? "—"}</dd></div>
          <div><dt className="text-slate-500">{t("people.bankAccount")}</dt><dd className="font-mono">{person.bankAccount ? maskBankAccount(person.bankAccount) : t("people.noBankAccount")}</dd></div>
          <div className="col-span-2"><dt className="text-slate-500">{t("people.address")}</dt><dd>{person.household?.address ?? "—"}</dd></div>
        </dl>
      </div>
      <MergeNotice actor={actor} person={person} />

      <section aria-labelledby="identities-title" className="space-y-3">
        <h2 id="identities-title" className="font-semibold">{t("people.identities")}</h2>
        {person.identities.length === 0 ? <EmptyState title={t("people.noIdentities")} /> : (
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="identity-timeline">
            {person.identities.map((i) => (
              <li key={i.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-2">
                <div>
                  <span className="font-medium">{t(`identity.${i.type}`)}</span>
                  <span className="ml-3 tabular-nums text-slate-600">{period(i.validFrom, i.validTo)}</span>
                  <p className="text-xs text-slate-500">
                    {t("identityForm.certifiedBy", { bureau: t(`roles.${IDENTITY_BUREAUS[keeperOf(i)].role}`) })}
                    {i.certificate ? <span className="ml-2">{t("identityForm.fromCertificate", { certificate: i.certificate })}</span> : null}
                    {i.sourceCase ? <Link href={`/cases/${i.sourceCase.id}`} className="ml-2 text-brand-700 underline-offset-2 hover:underline">{i.sourceCase.number}</Link> : null}
                  </p>
                </div>
                {bureau && keeperOf(i) === bureau && !i.validTo ? <EndIdentityForm bureau={bureau} identityId={i.id} label={t("format.nameWithNote", { name: t("identityForm.end"), note: t(`identity.${i.type}`) })} /> : null}
              </li>
            ))}
          </ol>
        )}
        {bureau && !person.mergedIntoId ? (
          <AddIdentityForm
            bureau={bureau}
            personId={person.id}
            types={IDENTITY_BUREAUS[bureau].types.map((type) => ({ value: type, label: t(`identity.${type}`) }))}
            cases={IDENTITY_BUREAUS[bureau].fromCase ? cases.filter((c) => c.state === "APPROVED" || c.state === "PAID").map((c) => ({ value: c.id, label: `${c.number} ${t(`applicationKind.${c.kind}`)}` })) : null}
          />
        ) : null}
      </section>

      <ProposalSection actor={actor} personId={person.id} />
      <ServicemanSection actor={actor} person={person} />

      <EnrolmentSection actor={actor} person={person} />
      <ConditionsSection actor={actor} person={person} />

      <HouseholdSection actor={actor} person={person} />

      {hasPermission(actor.role, "case:read") ? (
        <section aria-labelledby="person-cases-title" className="space-y-3">
          <h2 id="person-cases-title" className="font-semibold">{t("casePages.personCases")}</h2>
          {cases.length === 0 ? <EmptyState title={t("casePages.noPersonCases")} /> : (
            <DataTable caption={t("casePages.personCases")} testId="person-cases" columns={[t("casePages.number"), t("casePages.kind"), t("casePages.state"), t("casePages.receivedOn")].map((label) => ({ label }))}>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td className="px-3 py-2 font-mono"><Link href={`/cases/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">{c.number}</Link></td>
                  <td className="px-3 py-2">{t(`applicationKind.${c.kind}`)}</td>
                  <td className="px-3 py-2"><CaseStateBadge state={c.state} /></td>
                  <td className="px-3 py-2 tabular-nums">{c.receivedOn ? formatDate(c.receivedOn) : "—"}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {files && kinds === null ? <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="no-jurisdiction">{t("errors.noJurisdiction")}</p> : null}
          {files && kinds !== null && !person.mergedIntoId ? (
            <div className="space-y-2">
              <h3 className="font-medium">{t("casePages.startTitle")}</h3>
              <StartApplicationForm
                personId={person.id}
                kinds={kinds.filter((k) => k.check.ok).map((k) => ({ value: k.id, label: t(`applicationKind.${k.id}`) }))}
              />
              {kinds.some((k) => !k.check.ok) ? (
                <ul className="space-y-1 text-sm text-slate-600" data-testid="kinds-unavailable">
                  {kinds.flatMap((k) => (k.check.ok ? [] : [
                    <li key={k.id}>{t("casePages.kindUnavailable", { kind: t(`applicationKind.${k.id}`), reasons: k.check.reasons.map((r) => t("casePages.reasonWithCitation", { message: r.message, citation: `${r.citation.document} ${r.citation.article}` })).join(t("format.clauseSeparator")) })}</li>,
                  ]))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="claims-title">
        <h2 id="claims-title" className="mb-2 font-semibold">{t("people.claims")}</h2>
        {person.claims.length === 0 ? <EmptyState title={t("people.noClaims")} /> : (
          <DataTable
            caption={t("people.claims")}
            columns={[{ label: t("claims.settledOn") }, { label: t("claims.type") }, { label: t("claims.hospital") }, { label: t("claims.gross"), align: "right" }]}
          >
                {person.claims.map((c) => (
                  <tr key={c.id}>
                    <td className="px-3 py-2 tabular-nums">{formatDate(c.settledOn)}</td>
                    <td className="px-3 py-2">{t(`claimType.${c.type}`)}</td>
                    <td className="px-3 py-2">{c.hospital?.name ?? "—"}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {formatMoney(c.items.reduce((sum, i) => sum.plus(i.amount), new Prisma.Decimal(0)).toFixed(2))}
                    </td>
                  </tr>
                ))}
          </DataTable>
        )}
      </section>
      {readsCases ? (
        <section aria-labelledby="payouts-title">
          <h2 id="payouts-title" className="mb-2 font-semibold">{t("people.payouts")}</h2>
          {payouts.length === 0 ? <EmptyState title={t("people.noPayouts")} /> : (
            <DataTable caption={t("people.payouts")} testId="person-payouts" columns={[{ label: t("people.postedAt") }, { label: t("casePages.number") }, { label: t("people.paid"), align: "right" }]}>
              {payouts.map((p) => (
                <tr key={p.id}>
                  <td className="px-3 py-2 tabular-nums">{formatDateTime(p.postedAt)}</td>
                  <td className="px-3 py-2 font-mono">{p.case ? <Link href={`/cases/${p.case.id}`} className="text-brand-700 underline-offset-2 hover:underline">{p.case.number}</Link> : "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatMoney(p.total.toFixed(2))}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="mb-2 font-semibold">{t("people.history")}</h2>
        {history.length === 0 ? <EmptyState title={t("people.noHistory")} /> : (
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="person-history">
            {history.map((h) => (
              <li key={String(h.id)} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                <span>{t(auditLabelKey(h.action))}</span>
                <span className="tabular-nums text-slate-600">{t("format.nameWithNote", { name: formatDateTime(h.at), note: h.actorName })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
