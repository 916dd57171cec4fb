import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseStateBadge, DueText } from "@/components/case-views";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { townshipOptions } from "@/lib/cases/township-options";
import { worklist } from "@/lib/cases/cases.queries";
import { CASE_STATES } from "@/lib/auth/decide";
import { hasPermission, PERMISSIONS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { APPLICATION_KIND_IDS } from "@/lib/workflow/application-kinds";
import { chinaDate } from "@/lib/workflow/case-machine";

export async function generateMetadata() {
  const t = await getTranslations("casePages");
  return { title: t("worklistTitle") };
}

const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v : "");

export default async function WorklistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("case:read");
  const t = await getTranslations();
  const raw = await searchParams;
  const kind = APPLICATION_KIND_IDS.find((k) => k === one(raw.kind));
  const state = CASE_STATES.find((s) => s === one(raw.state));
  const townships = await townshipOptions(prisma, actor);
  const township = townships.find((r) => r.code === one(raw.township))?.code;
  const page = Math.max(1, Number.parseInt(one(raw.page), 10) || 1);
  // 待办 by default: the states in which this role has work; "all" shows the whole region.
  // A role that takes no step of the procedure (auditor, civil affairs) reads the whole region.
  const acts = PERMISSIONS.some((p) => (p === "payment:record" || (p.startsWith("case:") && p !== "case:read")) && hasPermission(actor.role, p));
  const mine = acts && one(raw.scope) !== "all";
  const list = await worklist(prisma, actor, { kind, state, township, page, mine });
  const today = chinaDate(new Date());
  const hrefFor = (p: number) => `/cases?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(state ? { state } : {}), ...(township ? { township } : {}), ...(mine ? {} : { scope: "all" }), page: String(p) })}`;

  return (
    <section aria-labelledby="worklist-title" className="space-y-4">
      <div>
        <h1 id="worklist-title" className="text-xl font-semibold">{t("casePages.worklistTitle")}</h1>
        <p className="text-sm text-slate-600">{t("casePages.worklistIntro")}</p>
      </div>

      <dl className="grid gap-3 sm:grid-cols-3" data-testid="due-summary">
        {(["publicityEnding", "returnDue", "appealOpen"] as const).map((key) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t(`casePages.dueSummary.${key}`)}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`due-${key}`}>{list.due[key]}</dd>
          </div>
        ))}
      </dl>

      <nav aria-label={t("casePages.counts")}>
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="state-counts">
          {CASE_STATES.map((s) => (
            <li key={s}>
              <Link
                href={`/cases?state=${s}&scope=all`}
                aria-current={state === s ? "page" : undefined}
                className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:border-brand-600 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50"
              >
                {t(`caseState.${s}`)} <span className="font-semibold tabular-nums" data-testid={`count-${s}`}>{list.counts[s] ?? 0}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form action="/cases" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label={t("casePages.filters")}>
        <div>
          <label htmlFor="w-kind" className="block text-sm font-medium text-slate-700">{t("casePages.filterKind")}</label>
          <select id="w-kind" name="kind" defaultValue={kind ?? ""} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">{t("casePages.any")}</option>
            {APPLICATION_KIND_IDS.map((k) => <option key={k} value={k}>{t(`applicationKind.${k}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="w-state" className="block text-sm font-medium text-slate-700">{t("casePages.filterState")}</label>
          <select id="w-state" name="state" defaultValue={state ?? ""} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">{t("casePages.any")}</option>
            {CASE_STATES.map((s) => <option key={s} value={s}>{t(`caseState.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="w-scope" className="block text-sm font-medium text-slate-700">{t("casePages.filterMine")}</label>
          <select id="w-scope" name="scope" defaultValue={mine ? "mine" : "all"} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="mine">{t("casePages.scopeTodo")}</option>
            <option value="all">{t("casePages.scopeAll")}</option>
          </select>
        </div>
        {townships.length > 1 ? (
          <div>
            <label htmlFor="w-township" className="block text-sm font-medium text-slate-700">{t("casePages.filterTownship")}</label>
            <select id="w-township" name="township" defaultValue={township ?? ""} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
              <option value="">{t("casePages.any")}</option>
              {townships.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </select>
          </div>
        ) : null}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("casePages.apply")}</button>
      </form>

      <p className="text-sm text-slate-600" data-testid="worklist-total">{t("casePages.total", { count: list.total })}</p>
      {list.rows.length === 0 ? <EmptyState title={t("casePages.none")} /> : (
        <DataTable
          caption={t("casePages.worklistTitle")}
          testId="worklist"
          columns={[t("casePages.number"), t("casePages.person"), t("casePages.kind"), t("casePages.state"), t("casePages.region"), t("casePages.due"), t("casePages.updated")].map((label) => ({ label }))}
        >
          {list.rows.map((row) => (
            <tr key={row.id} className={row.actions.length > 0 ? "bg-amber-50/60" : ""} data-testid={`worklist-row-${row.number}`}>
              <td className="whitespace-nowrap px-3 py-2 font-mono"><Link href={`/cases/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">{row.number}</Link></td>
              <td className="px-3 py-2">{row.personName}</td>
              <td className="px-3 py-2">{t(`applicationKind.${row.kind}`)}</td>
              <td className="px-3 py-2"><CaseStateBadge state={row.state} /></td>
              <td className="px-3 py-2">{row.townshipName}</td>
              <td className="px-3 py-2 tabular-nums"><DueText due={row.dueDates} state={row.state} today={today} /></td>
              <td className="px-3 py-2 tabular-nums text-slate-600">{formatDateTime(row.updatedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={list.pageSize} total={list.total} hrefFor={hrefFor} />
    </section>
  );
}
