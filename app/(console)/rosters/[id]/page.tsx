import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { AcknowledgeRosterForm, ConfirmRosterForm } from "@/components/roster-forms";
import { RosterProgressBar } from "@/components/roster-progress";
import { hasPermission } from "@/lib/auth/permissions";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";
import { maskIdNumber } from "@/lib/people/masking";
import { chinaToday } from "@/lib/roster/roster-dates";
import { ENTRY_KINDS, ROSTER_PAGE_SIZE, rosterBatch, type EntryKind } from "@/lib/roster/roster.queries";

const pageOf = (value: string | string[] | undefined) => Math.max(1, Math.min(100_000, Number.parseInt(typeof value === "string" ? value : "1", 10) || 1));
const kindOf = (value: string | string[] | undefined): EntryKind | null => ENTRY_KINDS.find((k) => k === value) ?? null;

export default async function RosterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const page = pageOf(query.page);
  const errorsPage = pageOf(query.errorsPage);
  const kind = kindOf(query.kind);
  const found = await rosterBatch(prisma, actor, id, { page, errorsPage, kind });
  if (!found) return refuseNotFound(actor, { action: "roster:read", entity: "roster", entityId: id });
  const { batch, compared, progress, entries, entryCount, counts, errors, townshipName } = found;
  const t = await getTranslations();
  const href = (p: number, e: number, k: EntryKind | null = kind) => `/rosters/${batch.id}?${new URLSearchParams({ ...(k ? { kind: k } : {}), page: String(p), errorsPage: String(e) })}`;
  const ownBureau = actor.role === batch.bureau;
  const mayConfirm = batch.state === "UPLOADED" && batch.errorCount === 0 && ownBureau;
  const mayAcknowledge = batch.state === "CONFIRMED" && hasPermission(actor.role, "roster:acknowledge");
  const failureValues = batch.failureValues && typeof batch.failureValues === "object" && !Array.isArray(batch.failureValues) ? (batch.failureValues as Record<string, string | number>) : {};
  const kinds: { key: EntryKind | null; label: string; count: number }[] = [
    { key: null, label: t("rosterPages.kindAll"), count: counts.ADDED + counts.REMOVED + counts.CHANGED },
    ...ENTRY_KINDS.map((k) => ({ key: k, label: t(`rosterPages.kind.${k}`), count: counts[k] })),
  ];

  return (
    <article className="space-y-6" aria-labelledby="roster-title">
      <div>
        <Link href="/rosters" className="text-sm text-brand-700 hover:underline">← {t("rosterPages.back")}</Link>
        <h1 id="roster-title" className="mt-2 text-xl font-semibold">{t("rosterPages.batchTitle", { county: batch.region.name, period: batch.period, bureau: t(`roles.${batch.bureau}`) })}</h1>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-4" data-testid="roster-summary">
          <div><dt className="text-slate-500">{t("rosterPages.state")}</dt><dd data-testid="roster-state">{t(`rosterPages.states.${batch.state}`)}</dd></div>
          <div><dt className="text-slate-500">{t("rosterPages.fileName")}</dt><dd className="break-all">{batch.fileName}</dd></div>
          <div><dt className="text-slate-500">{t("rosterPages.counts")}</dt><dd>{compared ? t("rosterPages.countsLine", { added: batch.added, removed: batch.removed, changed: batch.changed, errors: batch.errorCount }) : "—"}</dd></div>
          <div><dt className="text-slate-500">{t("rosterPages.dueOn")}</dt><dd>{batch.dueOn ? formatDate(batch.dueOn) : t("rosterPages.dueUnknown")}</dd></div>
          <div><dt className="text-slate-500">{t("rosterPages.uploadedAt")}</dt><dd>{formatDateTime(batch.uploadedAt)} · {batch.uploadedBy}</dd></div>
          {compared ? <div><dt className="text-slate-500">{t("rosterPages.rows")}</dt><dd className="tabular-nums">{batch.rows}</dd></div> : null}
          {batch.certificateDate ? <div><dt className="text-slate-500">{t("rosterPages.certificateDate")}</dt><dd>{formatDate(batch.certificateDate)}</dd></div> : null}
          {batch.acknowledgedAt ? <div><dt className="text-slate-500">{t("rosterPages.acknowledgedAt")}</dt><dd>{formatDateTime(batch.acknowledgedAt)} · {batch.acknowledgedBy}</dd></div> : null}
        </dl>
      </div>

      {progress.running ? <RosterProgressBar batchId={batch.id} initial={progress} /> : null}

      {batch.failureKey && (batch.state === "FAILED" || batch.state === "UPLOADED") ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800" data-testid="roster-failure">
          <p className="font-medium">{t(batch.state === "FAILED" ? "rosterPages.failedTitle" : "rosterPages.notAppliedTitle")}</p>
          <p className="mt-1">{t(batch.failureKey, failureValues)}</p>
        </div>
      ) : null}

      {batch.certificateFileId ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <a className="font-medium text-brand-700 hover:underline" href={`/rosters/${batch.id}/certificate`} data-testid="certificate-link">{t("rosterPages.certificateDownload")}</a>
          <span className="ml-2 break-all text-slate-500">SHA-256 {batch.certificateSha256}</span>
        </p>
      ) : null}

      {compared && batch.errorCount > 0 ? (
        <section aria-labelledby="roster-errors-title" className="space-y-2">
          <h2 id="roster-errors-title" className="font-medium text-red-800">{t("rosterPages.errorsTitle", { errors: batch.errorCount })}</h2>
          <p className="text-sm text-slate-600">{t("rosterPages.errorsIntro")}</p>
          <DataTable caption={t("rosterPages.errorsTitle", { errors: batch.errorCount })} testId="roster-errors" columns={[{ label: t("rosterPages.rowNo") }, { label: t("rosterPages.name") }, { label: t("rosterPages.idNumber") }, { label: t("rosterPages.error") }]}>
            {errors.map((e) => (
              <tr key={e.id}>
                <td className="px-3 py-2 tabular-nums">{e.rowNo}</td>
                <td className="px-3 py-2">{e.name}</td>
                <td className="px-3 py-2 tabular-nums">{e.idNumber.length === 18 ? maskIdNumber(e.idNumber) : e.idNumber}</td>
                <td className="px-3 py-2">{t(`rosterErrors.${e.code}`, { detail: e.detail ?? "" })}</td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={errorsPage} pageSize={ROSTER_PAGE_SIZE} total={batch.errorCount} hrefFor={(p) => href(page, p)} />
        </section>
      ) : null}

      {compared ? (
        <section aria-labelledby="roster-entries-title" className="space-y-2">
          <h2 id="roster-entries-title" className="font-medium">{t(batch.state === "CONFIRMED" || batch.state === "ACKNOWLEDGED" ? "rosterPages.entriesAppliedTitle" : "rosterPages.entriesTitle")}</h2>
          <nav aria-label={t("rosterPages.kindFilter")} className="flex flex-wrap gap-2 text-sm" data-testid="roster-kind-filter">
            {kinds.map((k) =>
              k.key === kind ? (
                <span key={k.label} aria-current="page" className="rounded-full bg-brand-700 px-3 py-1 font-medium text-white">{t("rosterPages.kindCount", { kind: k.label, count: k.count })}</span>
              ) : (
                <Link key={k.label} href={href(1, errorsPage, k.key)} className="rounded-full border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">{t("rosterPages.kindCount", { kind: k.label, count: k.count })}</Link>
              ),
            )}
          </nav>
          {entryCount === 0 ? <EmptyState title={t("rosterPages.noEntries")} /> : (
            <>
              <DataTable caption={t("rosterPages.entriesTitle")} testId="roster-entries" columns={[{ label: t("rosterPages.rowNo") }, { label: t("rosterPages.kindLabel") }, { label: t("rosterPages.township") }, { label: t("rosterPages.name") }, { label: t("rosterPages.idNumber") }, { label: t("rosterPages.category") }, { label: t("rosterPages.effectiveDate") }]}>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td className="px-3 py-2 tabular-nums">{e.rowNo}</td>
                    <td className="px-3 py-2">{t(`rosterPages.kind.${e.kind}`)}{e.personId ? "" : ` · ${t("rosterPages.newPerson")}`}</td>
                    <td className="px-3 py-2">{townshipName.get(e.townshipCode) ?? e.townshipCode}</td>
                    <td className="px-3 py-2">{e.name}</td>
                    <td className="px-3 py-2 tabular-nums">{maskIdNumber(e.idNumber)}</td>
                    <td className="px-3 py-2">{e.previous ? `${t(`identity.${e.previous}`)} → ` : ""}{t(`identity.${e.category}`)}</td>
                    <td className="px-3 py-2">{formatDate(e.effectiveDate)}</td>
                  </tr>
                ))}
              </DataTable>
              <Pagination page={page} pageSize={ROSTER_PAGE_SIZE} total={entryCount} hrefFor={(p) => href(p, errorsPage)} />
            </>
          )}
        </section>
      ) : null}

      {mayConfirm ? <ConfirmRosterForm batchId={batch.id} version={batch.version} defaultDate={chinaToday()} /> : null}
      {(batch.state === "UPLOADED" && batch.errorCount > 0) || batch.state === "FAILED" ? (
        ownBureau ? <p className="text-sm text-slate-600">{t(batch.state === "FAILED" ? "rosterPages.uploadNew" : "rosterPages.fixAndUpload")} <Link className="text-brand-700 underline" href="/rosters">{t("rosterPages.uploadAgain")}</Link></p> : null
      ) : null}
      {mayAcknowledge ? <AcknowledgeRosterForm batchId={batch.id} /> : null}
    </article>
  );
}
