import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ConfirmReloadForm, SetJurisdictionForm } from "@/components/region-forms";
import { requireActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { isEmptyPlan, type ReloadPlan } from "@/lib/regions/county-reload-plan";
import { REFERENCE_TABLES } from "@/lib/regions/region-references";
import { countyOverview, countyReloadPreview } from "@/lib/regions/regions.queries";

export async function generateMetadata() {
  const t = await getTranslations("regions");
  return { title: t("title") };
}

/** A long list is shown in part; the plan applied is always the whole of it. */
const SHOWN = 300;

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function referenceLabel(t: Translate, table: string): string {
  return (REFERENCE_TABLES as readonly string[]).includes(table) ? t(`regions.refs.${table}`) : t("regions.refs.other");
}

function PlanView({ plan, townshipNames, t }: { plan: ReloadPlan; townshipNames: ReadonlyMap<string, string>; t: Translate }) {
  const adds = plan.changes.flatMap((c) => (c.kind === "ADD" ? [c] : []));
  const addedTownships = adds.filter((a) => a.level === "TOWNSHIP");
  // New villages by township, each township folded: a first load lists hundreds.
  const addedVillages = new Map<string, typeof adds>();
  for (const a of adds) if (a.level === "VILLAGE") addedVillages.set(a.parentCode, [...(addedVillages.get(a.parentCode) ?? []), a]);
  const nameOf = (code: string) => townshipNames.get(code) ?? addedTownships.find((a) => a.code === code)?.name ?? code;
  const renames = plan.changes.flatMap((c) => (c.kind === "RENAME" ? [c] : []));
  const restores = plan.changes.flatMap((c) => (c.kind === "RESTORE" ? [c] : []));
  const level = (l: string) => t(`regionLevel.${l}`);
  const more = (n: number) => (n > SHOWN ? <p className="text-sm text-slate-600">{t("regions.moreRows", { count: n - SHOWN })}</p> : null);
  return (
    <div className="space-y-4" data-testid="reload-plan">
      <p className="text-sm" data-testid="reload-summary">
        {t("regions.planSummary", { added: adds.length, renamed: renames.length, restored: restores.length, retired: plan.retire.length, removed: plan.remove.length })}
      </p>
      <p className="text-sm text-slate-600">{t("regions.planCounts", { beforeTownships: plan.before.townships, beforeVillages: plan.before.villages, afterTownships: plan.after.townships, afterVillages: plan.after.villages })}</p>
      {adds.length > 0 ? (
        <section aria-labelledby="plan-added" className="space-y-2">
          <h3 id="plan-added" className="font-medium">{t("regions.addedTitle", { count: adds.length })}</h3>
          <div data-testid="plan-added" className="space-y-2">
            {addedTownships.length > 0 ? (
              <DataTable caption={t("regions.addedTownships", { count: addedTownships.length })} showCaption columns={[{ label: t("regions.code") }, { label: t("regions.name") }]}>
                {addedTownships.slice(0, SHOWN).map((a) => (
                  <tr key={a.code}><td className="px-3 py-2 font-mono">{a.code}</td><td className="px-3 py-2">{a.name}</td></tr>
                ))}
              </DataTable>
            ) : null}
            {addedVillages.size > 0 ? (
              <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
                {[...addedVillages].map(([township, villages]) => (
                  <li key={township}>
                    <details className="group">
                      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 px-4 py-2 hover:bg-slate-50">
                        <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-90">▸</span>
                        <span className="font-medium">{nameOf(township)}</span>
                        <span className="font-mono text-slate-500">{township}</span>
                        <span className="text-slate-600">{t("regions.addedVillages", { count: villages.length })}</span>
                      </summary>
                      <ul className="grid gap-x-6 gap-y-1 px-6 pb-3 sm:grid-cols-2 lg:grid-cols-3">
                        {villages.map((v) => <li key={v.code}><span className="font-mono text-xs text-slate-500">{v.code}</span> {v.name}</li>)}
                      </ul>
                    </details>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </section>
      ) : null}
      {renames.length > 0 ? (
        <section aria-labelledby="plan-renamed" className="space-y-2">
          <h3 id="plan-renamed" className="font-medium">{t("regions.renamedTitle", { count: renames.length })}</h3>
          <DataTable caption={t("regions.renamedTitle", { count: renames.length })} testId="plan-renamed-table" columns={[{ label: t("regions.code") }, { label: t("regions.oldName") }, { label: t("regions.newName") }]}>
            {renames.slice(0, SHOWN).map((r) => (
              <tr key={r.code}><td className="px-3 py-2 font-mono">{r.code}</td><td className="px-3 py-2">{r.from}</td><td className="px-3 py-2">{r.to}</td></tr>
            ))}
          </DataTable>
          {more(renames.length)}
        </section>
      ) : null}
      {restores.length > 0 ? (
        <section aria-labelledby="plan-restored" className="space-y-2">
          <h3 id="plan-restored" className="font-medium">{t("regions.restoredTitle", { count: restores.length })}</h3>
          <DataTable caption={t("regions.restoredTitle", { count: restores.length })} columns={[{ label: t("regions.code") }, { label: t("regions.name") }, { label: t("regions.level") }]}>
            {restores.slice(0, SHOWN).map((r) => (
              <tr key={r.code}><td className="px-3 py-2 font-mono">{r.code}</td><td className="px-3 py-2">{r.name}</td><td className="px-3 py-2">{level(r.level)}</td></tr>
            ))}
          </DataTable>
          {more(restores.length)}
        </section>
      ) : null}
      {plan.retire.length > 0 ? (
        <section aria-labelledby="plan-retired" className="space-y-2">
          <h3 id="plan-retired" className="font-medium">{t("regions.retiredTitle", { count: plan.retire.length })}</h3>
          <p className="text-sm text-slate-600">{t("regions.retiredIntro")}</p>
          <DataTable caption={t("regions.retiredTitle", { count: plan.retire.length })} testId="plan-retired-table" columns={[{ label: t("regions.code") }, { label: t("regions.name") }, { label: t("regions.level") }, { label: t("regions.referencedBy") }]}>
            {plan.retire.slice(0, SHOWN).map((r) => (
              <tr key={r.code}>
                <td className="px-3 py-2 font-mono">{r.code}</td><td className="px-3 py-2">{r.name}</td><td className="px-3 py-2">{level(r.level)}</td>
                <td className="px-3 py-2">{r.references.map((table) => referenceLabel(t, table)).join(t("format.listSeparator"))}</td>
              </tr>
            ))}
          </DataTable>
          {more(plan.retire.length)}
        </section>
      ) : null}
      {plan.remove.length > 0 ? (
        <section aria-labelledby="plan-removed" className="space-y-2">
          <h3 id="plan-removed" className="font-medium">{t("regions.removedTitle", { count: plan.remove.length })}</h3>
          <DataTable caption={t("regions.removedTitle", { count: plan.remove.length })} columns={[{ label: t("regions.code") }, { label: t("regions.name") }, { label: t("regions.level") }]}>
            {plan.remove.slice(0, SHOWN).map((r) => (
              <tr key={r.code}><td className="px-3 py-2 font-mono">{r.code}</td><td className="px-3 py-2">{r.name}</td><td className="px-3 py-2">{level(r.level)}</td></tr>
            ))}
          </DataTable>
          {more(plan.remove.length)}
        </section>
      ) : null}
    </div>
  );
}

export default async function RegionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("region:manage");
  const query = await searchParams;
  const previewing = query.preview === "1";
  const reloaded = typeof query.reloaded === "string" && /^\d{1,6}$/.test(query.reloaded) ? Number(query.reloaded) : null;
  const [t, overview, preview] = await Promise.all([getTranslations(), countyOverview(actor), previewing ? countyReloadPreview(actor) : Promise.resolve(null)]);
  if (!overview) {
    return (
      <section aria-labelledby="regions-title" className="space-y-4">
        <h1 id="regions-title" className="text-xl font-semibold">{t("regions.title")}</h1>
        <EmptyState title={t("regions.noCounty")} />
      </section>
    );
  }
  const { county, ancestors, effective, inherited, choices, setting, townships, dataset } = overview;
  const villageCount = townships.reduce((n, tw) => n + tw.villages.filter((v) => !v.retired).length, 0);
  const jurisdictionLabel = (j: string) => t("format.nameWithNote", { name: t(`jurisdiction.${j}`), note: j });
  const noneLabel = inherited ? t("regions.inherit", { jurisdiction: jurisdictionLabel(inherited.jurisdiction), from: inherited.fromName }) : t("regions.noneOwn");

  return (
    <section aria-labelledby="regions-title" className="space-y-6">
      <div>
        <h1 id="regions-title" className="text-xl font-semibold">{t("regions.title")}</h1>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-2" data-testid="county-summary">
          <div><dt className="text-slate-500">{t("regions.county")}</dt><dd>{t("format.nameWithNote", { name: `${ancestors.map((a) => a.name).join("")}${county.name}`, note: county.code })}</dd></div>
          <div><dt className="text-slate-500">{t("regions.treeCounts")}</dt><dd>{t("regions.treeCountsLine", { townships: townships.filter((tw) => !tw.retired).length, villages: villageCount })}</dd></div>
          <div>
            <dt className="text-slate-500">{t("regions.effective")}</dt>
            <dd data-testid="effective-jurisdiction">{effective ? t("regions.effectiveLine", { jurisdiction: jurisdictionLabel(effective.jurisdiction), from: effective.fromName }) : t("regions.effectiveNone")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("regions.source")}</dt>
            <dd data-testid="divisions-source">{setting?.divisionsDataset && setting.divisionsLoadedAt ? t("regions.sourceLine", { dataset: setting.divisionsDataset, at: formatDateTime(setting.divisionsLoadedAt) }) : t("regions.sourceNone")}</dd>
          </div>
        </dl>
        {effective ? null : <p role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("regions.noJurisdictionWarning")}</p>}
      </div>

      <section aria-labelledby="jurisdiction-title" className="space-y-2">
        <h2 id="jurisdiction-title" className="font-semibold">{t("regions.jurisdictionTitle")}</h2>
        <p className="text-sm text-slate-600">{t("regions.jurisdictionIntro")}</p>
        <SetJurisdictionForm
          countyCode={county.code}
          current={county.jurisdiction ?? ""}
          options={[{ value: "", label: noneLabel }, ...choices.map((j) => ({ value: j, label: jurisdictionLabel(j) }))]}
        />
      </section>

      <section aria-labelledby="reload-title" className="space-y-3">
        <h2 id="reload-title" className="font-semibold">{t("regions.reloadTitle")}</h2>
        {reloaded !== null ? <p role="status" data-testid="reload-done" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">{t("regions.reloaded", { changed: reloaded })}</p> : null}
        <p className="text-sm text-slate-600">{t("regions.reloadIntro", { source: dataset.source, dataset: dataset.id })}</p>
        {preview === null ? (
          <Link href="/admin/regions?preview=1#reload-title" className="inline-block rounded-md border border-brand-700 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50" data-testid="reload-preview-link">{t("regions.previewLink")}</Link>
        ) : "error" in preview ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t(preview.error, preview.values)}</p>
        ) : isEmptyPlan(preview.plan) ? (
          <>
            <p role="status" className="text-sm" data-testid="reload-summary">{t("regions.planEmpty")}</p>
            {setting?.divisionsDataset === preview.plan.dataset ? null : <ConfirmReloadForm countyCode={county.code} planHash={preview.plan.hash} />}
          </>
        ) : (
          <>
            <PlanView plan={preview.plan} townshipNames={new Map(townships.map((tw) => [tw.code, tw.name]))} t={t} />
            <ConfirmReloadForm countyCode={county.code} planHash={preview.plan.hash} />
          </>
        )}
      </section>

      <section aria-labelledby="tree-title" className="space-y-2">
        <h2 id="tree-title" className="font-semibold">{t("regions.treeTitle")}</h2>
        {townships.length === 0 ? <EmptyState title={t("regions.noTownships")} /> : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="township-tree">
            {townships.map((tw) => (
              <li key={tw.code} data-testid={`township-${tw.code}`}>
                <details className="group">
                  <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 hover:bg-slate-50">
                    <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-90">▸</span>
                    <span className="font-medium">{tw.name}</span>
                    <span className="font-mono text-slate-500">{tw.code}</span>
                    <span className="text-slate-600">{t("regions.villageCount", { count: tw.villages.filter((v) => !v.retired).length })}</span>
                    {tw.retired ? <span className="rounded bg-slate-200 px-2 py-0.5 text-xs">{t("regions.retired")}</span> : null}
                  </summary>
                  {tw.villages.length === 0 ? <p className="px-4 pb-3 text-slate-600">{t("regions.noVillages")}</p> : (
                    <ul className="grid gap-x-6 gap-y-1 px-6 pb-3 sm:grid-cols-2 lg:grid-cols-3">
                      {tw.villages.map((v) => (
                        <li key={v.code} className={v.retired ? "text-slate-500" : ""}>
                          <span className="font-mono text-xs text-slate-500">{v.code}</span> {v.name}
                          {v.retired ? <span className="ml-1 text-xs">{t("regions.retiredSuffix")}</span> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
