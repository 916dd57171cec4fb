import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import type { CaseDueDates } from "@/lib/workflow/case-due-dates";
import type { Deadline } from "@/lib/workflow/deadlines";
import type { HouseholdInvestigation, Publicity, Rejection, ReturnRequest } from "@/lib/workflow/workflow-case";

// Read-only parts of the case page; the forms that change them are in case-forms.tsx.

const STATE_COLOURS: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-800",
  SUBMITTED: "bg-sky-100 text-sky-900",
  TOWNSHIP_REVIEW: "bg-sky-100 text-sky-900",
  PUBLICITY: "bg-violet-100 text-violet-900",
  COUNTY_REVIEW: "bg-amber-100 text-amber-900",
  APPROVED: "bg-green-100 text-green-900",
  PAID: "bg-green-100 text-green-900",
  RETURNED: "bg-orange-100 text-orange-900",
  REJECTED: "bg-red-100 text-red-900",
  WITHDRAWN: "bg-slate-100 text-slate-700",
};

export function CaseStateBadge({ state }: { state: string }) {
  const t = useTranslations("caseState");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATE_COLOURS[state] ?? ""}`} data-testid="case-state">{t(state)}</span>;
}

/** The worklist's "what is due" cell: 公示 end, 补正 due date, appeal window. */
export function DueText({ due, state, today }: { due: CaseDueDates; state: string; today: string }) {
  const t = useTranslations("casePages");
  if (due.publicityLastDay) {
    return due.publicityLastDay < today
      ? <span className="font-medium text-green-800">{t("duePublicityEnded", { date: due.publicityLastDay })}</span>
      : <span>{t("duePublicity", { date: due.publicityLastDay })}</span>;
  }
  if (due.returnDueOn) return <span className={due.returnDueOn < today ? "font-medium text-red-700" : ""}>{t("dueReturn", { date: due.returnDueOn })}</span>;
  if (due.reconsiderationBy) return <span>{t("dueReconsideration", { date: due.reconsiderationBy.lastDay })}</span>;
  if (state === "REJECTED") return <span className="text-amber-800">{t("dueNotServed")}</span>;
  return <span className="text-slate-400">{t("dueNone")}</span>;
}

// A dt/dd pair in its own div (the one wrapper a dl allows); wide rows pass their grid class here.
function Row({ label, children, testId, className }: { label: string; children: React.ReactNode; testId?: string; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-slate-500">{label}</dt>
      <dd data-testid={testId} className="whitespace-pre-wrap break-words">{children}</dd>
    </div>
  );
}

export function InvestigationView({ investigation }: { investigation: HouseholdInvestigation | null }) {
  const t = useTranslations();
  if (!investigation) return <EmptyState title={t("casePages.noInvestigation")} />;
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2" data-testid="investigation">
      <Row label={t("casePages.investigationDate")}>{investigation.date}</Row>
      <Row label={t("casePages.investigators")}>{investigation.investigators.map((i) => i.name).join(t("format.listSeparator"))}</Row>
      <Row label={t("casePages.villageCommitteeMember")}>{investigation.villageCommitteeMember}</Row>
      <Row label={t("casePages.recommendation")}>{t(`recommendation.${investigation.recommendation}`)}</Row>
      <Row className="sm:col-span-2" label={t("casePages.householdSituation")}>{investigation.householdSituation}</Row>
      <Row className="sm:col-span-2" label={t("casePages.findings")}>{investigation.findings}</Row>
    </dl>
  );
}

export function PublicityView({ publicity }: { publicity: Publicity | null }) {
  const t = useTranslations();
  if (!publicity) return <EmptyState title={t("casePages.noPublicity")} />;
  return (
    <div className="space-y-3" data-testid="publicity">
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <Row label={t("casePages.publicityPlace")}>{publicity.place}</Row>
        <Row label={t("casePages.publicityPeriod")} testId="publicity-period">{t("casePages.publicityRange", { from: publicity.startsOn, to: publicity.lastDay, days: publicity.days })}</Row>
        <Row label={t("casePages.publicityOutcome")}>{t(`publicityOutcome.${publicity.outcome}`)}</Row>
      </dl>
      {publicity.objections.length === 0 ? <p className="text-sm text-slate-600">{t("casePages.noObjections")}</p> : (
        <DataTable caption={t("casePages.objections")} showCaption alignTop columns={[t("casePages.objector"), t("casePages.objectionReceivedOn"), t("casePages.objectionContent"), t("casePages.objectionUpheld"), t("casePages.objectionFinding")].map((label) => ({ label }))}>
          {publicity.objections.map((o, i) => (
            <tr key={`${o.receivedOn}-${i}`}>
              <td className="px-3 py-2">{o.objector}</td>
              <td className="px-3 py-2 tabular-nums">{o.receivedOn}</td>
              <td className="px-3 py-2">{o.content}</td>
              <td className="px-3 py-2">{t(o.upheld ? "cases.upheld" : "cases.notUpheld")}</td>
              <td className="px-3 py-2">{o.finding}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

export function ReturnedView({ returned }: { returned: ReturnRequest }) {
  const t = useTranslations();
  return (
    <div className="rounded-lg border border-orange-200 bg-orange-50 p-4 text-sm text-orange-950" data-testid="returned">
      <p>{t("casePages.returnedInfo", { level: t(`reviewLevel.${returned.level}`), returnedOn: returned.returnedOn, dueOn: returned.dueOn })}</p>
      {returned.missing.length > 0 ? <p>{t("casePages.returnedMissing", { missing: returned.missing.map((m) => t(`attachmentKind.${m}`)).join(t("format.listSeparator")) })}</p> : null}
      {returned.note ? <p className="mt-1 whitespace-pre-wrap">{returned.note}</p> : null}
    </div>
  );
}

function deadlineText(deadline: Deadline): string {
  return `${deadline.citation.law}${deadline.citation.article}`;
}

/** The refusal with its reasons (each with its article) and, once served, both appeal deadlines. */
export function RejectionView({ rejection, due, documents }: { rejection: Rejection; due: CaseDueDates; documents: Record<string, string> }) {
  const t = useTranslations();
  return (
    <div className="space-y-3 rounded-lg border border-red-200 bg-white p-4 text-sm" data-testid="rejection">
      <p>{t("casePages.rejectionBy", { level: t(`reviewLevel.${rejection.level}`), date: rejection.decidedOn })}</p>
      <ul className="list-disc space-y-1 pl-5">
        {rejection.reasons.map((r) => (
          <li key={`${r.source}-${r.code}`} data-testid={`refusal-reason-${r.code}`}>
            {t("casePages.reasonWithCitation", { message: r.message, citation: `${documents[r.citation.document] ?? r.citation.document} ${r.citation.article}` })}
          </li>
        ))}
      </ul>
      {rejection.note ? <p className="whitespace-pre-wrap text-slate-700">{rejection.note}</p> : null}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-3">
        <Row label={t("casePages.servedOn")} testId="served-on">{rejection.servedOn ?? t("casePages.notServed")}</Row>
        {due.reconsiderationBy ? (
          <Row label={t("casePages.reconsiderationBy")} testId="reconsideration-by">{t("casePages.deadlineBasis", { date: due.reconsiderationBy.lastDay, basis: deadlineText(due.reconsiderationBy) })}</Row>
        ) : null}
        {due.lawsuitBy ? (
          <Row label={t("casePages.lawsuitBy")} testId="lawsuit-by">{t("casePages.deadlineBasis", { date: due.lawsuitBy.lastDay, basis: deadlineText(due.lawsuitBy) })}</Row>
        ) : null}
      </dl>
    </div>
  );
}
