import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import {
  ApproveForm,
  BillForm,
  ForwardForm,
  InvestigationForm,
  ObjectionForm,
  PublicizeForm,
  RefuseForm,
  RemoveAttachmentButton,
  RemoveBillButton,
  ReturnForm,
  ServeNoticeForm,
  SubmitCaseForm,
  UploadForm,
  WithdrawForm,
  type BillJson,
} from "@/components/case-forms";
import { CaseStateBadge, InvestigationView, PublicityView, RejectionView, ReturnedView } from "@/components/case-views";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Worksheet } from "@/components/worksheet";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { hospitalOptions } from "@/lib/cases/hospital-options";
import { caseDetail, caseWorksheet } from "@/lib/cases/cases.queries";
import { prisma } from "@/lib/db";
import { formatDateTime, formatMoney } from "@/lib/format";
import { documentNames } from "@/lib/trial/documents";
import { APPLICATION_KINDS, ATTACHMENT_KINDS } from "@/lib/workflow/application-kinds";
import { chinaDate } from "@/lib/workflow/case-machine";
import { addDays } from "@/lib/workflow/deadlines";
import { REVIEWER_REASON_CODES } from "@/lib/workflow/refusal-reasons";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3" data-testid={`section-${id}`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** The state an audited step led to, when the audit row says (case.<transition> rows do). */
function stateAfter(after: unknown): string | null {
  return after && typeof after === "object" && "to" in after && typeof after.to === "string" ? after.to : null;
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("case:read");
  const { id } = await params;
  const detail = await caseDetail(prisma, actor, id);
  if (!detail) notFound();
  const t = await getTranslations();
  const { case: kase, can } = detail;
  const kind = APPLICATION_KINDS[kase.kind];
  const caseRef = { caseId: kase.id, version: kase.version };
  const today = chinaDate(new Date());
  const documents = documentNames();
  const atCounty = kase.state === "COUNTY_REVIEW";
  const approver = hasPermission(actor.role, kind.approvePermission);
  const [worksheet, hospitals] = await Promise.all([
    atCounty && approver ? caseWorksheet(prisma, actor, kase.id) : null,
    can.editBills ? hospitalOptions(prisma) : [],
  ]);
  const attachmentKinds = ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`attachmentKind.${k}`) }));
  // The bills as the form sends them back (the command replaces the list).
  const bills: BillJson[] = detail.bills.map((b) => ({
    hospitalId: b.hospital?.id ?? "", type: b.type, admitted: b.admitted ?? "", date: b.date, route: b.route, diagnoses: b.diagnoses, total: b.total,
    items: b.items.map((i) => ({ fee: i.fee, class: i.class, amount: i.amount, ...(i.days ? { days: i.days } : {}) })),
    settledPolicyScope: b.settled.policyScope ?? "", settledInsurance: b.settled.insurance ?? "", settledCriticalIllness: b.settled.criticalIllness ?? "", settledAssistance: b.settled.assistance ?? "",
  }));
  const billDate = new Map(detail.bills.map((b) => [b.id, b.date]));
  const reasonOptions = REVIEWER_REASON_CODES.map((code) => ({ value: `reviewer:${code}`, label: t(`reviewerReason.${code}`) }));

  return (
    <article className="space-y-8" aria-labelledby="case-title">
      <div className="space-y-3">
        <Link href="/cases" className="text-sm text-brand-700 hover:underline">← {t("casePages.back")}</Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="case-title" className="text-xl font-semibold">{t("casePages.title", { kind: t(`applicationKind.${kase.kind}`), number: detail.number })}</h1>
          <CaseStateBadge state={kase.state} />
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-4">
          <div><dt className="text-slate-500">{t("casePages.person")}</dt><dd><Link href={`/people/${detail.person.id}`} className="text-brand-700 hover:underline" data-testid="case-person">{detail.person.name}</Link></dd></div>
          <div><dt className="text-slate-500">{t("casePages.idNumber")}</dt><dd className="font-mono">{detail.person.idNumber}</dd></div>
          <div><dt className="text-slate-500">{t("casePages.region")}</dt><dd>{detail.township.name}</dd></div>
          <div><dt className="text-slate-500">{t("casePages.approver")}</dt><dd>{t(`casePages.approverBody.${kind.approvePermission === "case:approve:assistance" ? "assistance" : "specialCare"}`)}</dd></div>
          <div><dt className="text-slate-500">{t("casePages.filedBy")}</dt><dd>{detail.timeline[0]?.actorName ?? "—"}</dd></div>
          <div><dt className="text-slate-500">{t("casePages.receivedOn")}</dt><dd className="tabular-nums">{kase.receivedOn ?? "—"}</dd></div>
        </dl>
        {kase.state === "RETURNED" && kase.returned ? <ReturnedView returned={kase.returned} /> : null}
        {atCounty && approver && !can.approve ? (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="own-case">{t("casePages.ownCase")}</p>
        ) : null}
      </div>

      <Section id="bills" title={t("casePages.bills")}>
        {detail.bills.length === 0 ? <EmptyState title={t("casePages.noBills")} /> : (
          <DataTable
            caption={t("casePages.bills")}
            testId="bills"
            columns={[
              { label: t("casePages.billDate") }, { label: t("casePages.billType") }, { label: t("casePages.billHospital") }, { label: t("casePages.billAdmitted") },
              { label: t("casePages.billTotal"), align: "right" }, { label: t("casePages.billInsurance"), align: "right" }, { label: t("casePages.billCritical"), align: "right" },
              ...(can.editBills ? [{ label: t("casePages.removeBill") }] : []),
            ]}
          >
            {detail.bills.map((b, i) => (
              <tr key={b.id}>
                <td className="px-3 py-2 tabular-nums">{b.date}</td>
                <td className="px-3 py-2">{t(`claimType.${b.type}`)}</td>
                <td className="px-3 py-2">{b.hospital?.name ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{b.admitted ?? "—"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatMoney(b.total)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{b.settled.insurance ? formatMoney(b.settled.insurance) : "—"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{b.settled.criticalIllness ? formatMoney(b.settled.criticalIllness) : "—"}</td>
                {can.editBills ? <td className="px-3 py-2"><RemoveBillButton caseRef={caseRef} remaining={bills.filter((_, j) => j !== i)} label={t("casePages.removeBill")} /></td> : null}
              </tr>
            ))}
          </DataTable>
        )}
        {can.editBills ? (
          <BillForm
            caseRef={caseRef}
            bills={bills}
            hospitals={[...hospitals].sort((a, b) => Number(b.province === kase.jurisdiction.split("-")[1]) - Number(a.province === kase.jurisdiction.split("-")[1])).map((h) => ({ value: h.id, label: t("casePages.hospitalOption", { name: h.name, level: h.level, province: h.province }) }))}
            claimTypes={kind.claimTypes.map((c) => ({ value: c, label: t(`claimType.${c}`) }))}
          />
        ) : null}
      </Section>

      <Section id="attachments" title={t("casePages.attachments")}>
        <ul className="flex flex-wrap gap-2 text-sm" aria-label={t("casePages.required")} data-testid="required-documents">
          {detail.requiredDocuments.map((d) => (
            <li key={d.kind} className={`rounded border px-2 py-1 ${d.attached ? "border-green-300 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-900"}`}>
              {t(`attachmentKind.${d.kind}`)} · {t(d.attached ? "casePages.requiredPresent" : "casePages.requiredMissing")}
            </li>
          ))}
        </ul>
        {detail.attachments.length === 0 ? <EmptyState title={t("casePages.noAttachments")} /> : (
          <DataTable
            caption={t("casePages.attachments")}
            testId="attachments"
            columns={[t("casePages.fileKind"), t("casePages.fileName"), t("casePages.fileSize"), t("casePages.uploadedAt"), t("casePages.view")].map((label) => ({ label }))}
          >
            {detail.attachments.map((a) => (
              <tr key={a.id}>
                <td className="px-3 py-2">{t(`attachmentKind.${a.kind}`)}</td>
                <td className="px-3 py-2 break-all">{a.fileName}</td>
                <td className="px-3 py-2 tabular-nums">{t("casePages.kb", { size: Math.max(1, Math.round(a.size / 1024)) })}</td>
                <td className="px-3 py-2 tabular-nums">{formatDateTime(a.uploadedAt)}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-3">
                    <a href={`/cases/${kase.id}/attachments/${a.id}`} target="_blank" rel="noopener" className="text-brand-700 underline-offset-2 hover:underline" aria-label={t("casePages.viewFile", { name: a.fileName })}>{t("casePages.view")}</a>
                    <a href={`/cases/${kase.id}/attachments/${a.id}?download=1`} download className="text-brand-700 underline-offset-2 hover:underline" aria-label={t("casePages.downloadFile", { name: a.fileName })}>{t("casePages.download")}</a>
                    {can.attach ? <RemoveAttachmentButton caseRef={caseRef} attachmentId={a.id} label={t("casePages.removeBill")} /> : null}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {can.attach ? <UploadForm caseRef={caseRef} kinds={attachmentKinds} /> : null}
        {can.submit ? <SubmitCaseForm caseRef={caseRef} resubmit={false} /> : null}
        {can.resubmit ? <SubmitCaseForm caseRef={caseRef} resubmit /> : null}
      </Section>

      <Section id="investigation" title={t("casePages.investigation")}>
        <InvestigationView investigation={kase.investigation} />
        {can.investigate ? <InvestigationForm caseRef={caseRef} today={today} reviewerName={actor.displayName} /> : null}
      </Section>

      <Section id="publicity" title={t("casePages.publicity")}>
        <PublicityView publicity={kase.publicity} />
        {can.publicize ? <PublicizeForm caseRef={caseRef} today={today} defaultPlace={t("casePages.defaultPlace", { region: detail.township.name })} /> : null}
        {can.object ? <ObjectionForm caseRef={caseRef} today={today} /> : null}
        {can.forward ? <ForwardForm caseRef={caseRef} /> : null}
        {can.return ? <ReturnForm caseRef={caseRef} county={false} kinds={attachmentKinds} defaultDue={addDays(today, 15)} /> : null}
        {can.reject ? <RefuseForm caseRef={caseRef} county={false} reasons={reasonOptions} /> : null}
      </Section>

      {worksheet ? (
        <Section id="decision" title={t("casePages.decision")}>
          <p className="text-sm text-slate-600">{t("casePages.worksheetIntro")}</p>
          {worksheet.bills.map((b) => (
            <div key={b.claimId} className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="bill-worksheet">
              <p className="text-sm font-medium">{t("casePages.worksheetPayable", { date: billDate.get(b.claimId) ?? "", amount: formatMoney(b.payable) })}</p>
              <Worksheet data={b.worksheet} documents={documents} />
            </div>
          ))}
          {can.approve ? <ApproveForm caseRef={caseRef} total={formatMoney(worksheet.total)} /> : null}
          {can.refuse ? (
            <RefuseForm
              caseRef={caseRef}
              county
              reasons={[
                ...[...new Set(worksheet.bills.flatMap((b) => b.worksheet.reasons.map((r) => r.code)))].map((code) => ({ value: `rules:${code}`, label: t(`reason.${code}`) })),
                ...reasonOptions,
              ]}
            />
          ) : null}
          {can.countyReturn ? <ReturnForm caseRef={caseRef} county kinds={attachmentKinds} defaultDue={addDays(today, 15)} /> : null}
        </Section>
      ) : null}

      {kase.approval ? (
        <Section id="approval" title={t("casePages.approval")}>
          <p className="text-sm" data-testid="approved-on">{t("casePages.approvedOn", { date: kase.approval.approvedOn })}</p>
          {kase.payment ? <p className="text-sm">{t("casePages.paidOn", { date: kase.payment.paidOn, reference: kase.payment.reference })}</p> : null}
          <DataTable caption={t("casePages.payouts")} showCaption columns={[{ label: t("casePages.billDate") }, { label: t("casePages.amount"), align: "right" }]}>
            {detail.payouts.map((p) => (
              <tr key={p.id}>
                <td className="px-3 py-2 tabular-nums">{billDate.get(p.claimId) ?? "—"}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="payout-total">{formatMoney(p.total)}</td>
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}

      {kase.rejection ? (
        <Section id="rejection" title={t("casePages.rejection")}>
          <RejectionView rejection={kase.rejection} due={detail.dueDates} documents={documents} />
          {detail.notices.map((n) => (
            <p key={n.id} className="text-sm">
              {t("casePages.noticeNumber")}: <span className="font-mono">{n.number}</span>{" "}
              <a href={`/cases/${kase.id}/notices/${n.id}`} download className="ml-2 text-brand-700 underline underline-offset-2" data-testid="notice-download">{t("casePages.noticeDownload")}</a>
            </p>
          ))}
          {can.serveNotice && !kase.rejection.servedOn ? <ServeNoticeForm caseRef={caseRef} today={today} /> : null}
        </Section>
      ) : null}

      {can.withdraw ? <WithdrawForm caseRef={caseRef} /> : null}

      <Section id="timeline" title={t("casePages.timeline")}>
        {detail.timeline.length === 0 ? <EmptyState title={t("casePages.noTimeline")} /> : (
          <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm" data-testid="timeline">
            {detail.timeline.map((entry) => (
              <li key={entry.id}>
                <span className="tabular-nums text-slate-500">{formatDateTime(entry.at)}</span>{" "}
                <span>{t("casePages.timelineEntry", { who: entry.actorName ?? t("casePages.unknownUser"), action: t(`auditAction.${entry.action.replace(/\./g, "_")}`) })}</span>
                {stateAfter(entry.after) ? <> → <CaseStateBadge state={stateAfter(entry.after) ?? ""} /></> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </article>
  );
}
