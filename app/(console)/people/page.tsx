import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { ageOn, maskIdNumber } from "@/lib/people/masking";
import { listPeople, personRegionOptions } from "@/lib/people/people.queries";
import { PERSON_STATUSES, peopleSearchSchema } from "@/lib/people/people.schema";
import { IDENTITY_TYPES } from "@/lib/rules/domain";
import { chinaToday } from "@/lib/roster/roster-dates";

export async function generateMetadata() {
  const t = await getTranslations("people");
  return { title: t("title") };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("person:read");
  const t = await getTranslations();
  const raw = await searchParams;
  const parsed = peopleSearchSchema.safeParse({ q: raw.q, township: raw.township, village: raw.village, identity: raw.identity, status: raw.status, page: raw.page });
  const search = parsed.success ? parsed.data : { q: "", page: 1 };
  // The bureaus' day: an identity that starts today in China is current from China's midnight.
  const today = new Date(`${chinaToday()}T00:00:00Z`);
  const [{ total, rows, pageSize }, regions] = await Promise.all([listPeople(actor, search, today), personRegionOptions(actor, { withRetired: true })]);
  const all = { value: "", label: t("people.filterAll") };
  const retired = (r: { retiredAt: Date | null }) => (r.retiredAt ? t("regions.retiredSuffix") : "");
  const townships = [all, ...regions.filter((r) => r.level === "TOWNSHIP").map((r) => ({ value: r.code, label: `${r.name}${retired(r)}` }))];
  const villages = [all, ...regions.filter((r) => r.level === "VILLAGE").map((r) => ({ value: r.code, label: `${r.parent ? `${r.parent.name} ${r.name}` : r.name}${retired(r)}` }))];
  const filters = { q: search.q, township: search.township ?? "", village: search.village ?? "", identity: search.identity ?? "", status: search.status ?? "" };
  const filtered = Object.values(filters).some(Boolean);
  const hrefFor = (page: number) => `/people?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), page: String(page) })}`;

  return (
    <section aria-labelledby="people-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="people-title" className="text-xl font-semibold">{t("people.title")}</h1>
          <p className="text-sm text-slate-600">{t("people.scope", { region: actor.regionName, total })}</p>
          {hasPermission(actor.role, "person:create") ? <Link href="/people/new" className="mt-2 inline-block rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50">{t("people.create")}</Link> : null}
        </div>
      </div>
      <form role="search" aria-label={t("people.filters")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" action="/people">
        <div>
          <label htmlFor="people-q" className="block text-sm font-medium text-slate-700">{t("people.searchLabel")}</label>
          <input
            id="people-q"
            name="q"
            defaultValue={search.q}
            placeholder={t("people.searchPlaceholder")}
            className="mt-1 w-72 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          />
        </div>
        <FilterSelect name="township" label={t("people.filterTownship")} options={townships} value={filters.township} />
        <FilterSelect name="village" label={t("people.filterVillage")} options={villages} value={filters.village} />
        <FilterSelect name="identity" label={t("people.filterIdentity")} options={[all, ...IDENTITY_TYPES.map((type) => ({ value: type, label: t(`identity.${type}`) }))]} value={filters.identity} />
        <FilterSelect name="status" label={t("people.filterStatus")} options={[all, ...PERSON_STATUSES.map((status) => ({ value: status, label: t(`people.status.${status}`) }))]} value={filters.status} />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("common.search")}
        </button>
      </form>
      {!parsed.success ? <p role="alert" className="text-sm text-red-700">{t("people.badSearch")}</p> : null}

      {rows.length === 0 ? (
        <EmptyState title={search.q ? t("people.noMatch", { q: search.q }) : filtered ? t("people.noFilterMatch") : t("people.empty")} hint={search.q ? t("people.noMatchHint") : undefined} />
      ) : (
        <DataTable
          caption={t("people.title")}
          columns={[t("people.name"), t("people.idNumber"), t("people.sex"), t("people.age"), t("people.region"), t("people.identities")].map((label) => ({ label }))}
        >
              {rows.map((p) => (
                <tr key={p.id} className="hover:bg-slate-50">
                  <td className="px-3 py-2">
                    <Link href={`/people/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{p.name}</Link>
                  </td>
                  <td className="px-3 py-2 font-mono tabular-nums">{maskIdNumber(p.idNumber)}</td>
                  <td className="px-3 py-2">{t(`sex.${p.sex}`)}</td>
                  {/* The age, never the birth date: with the masked number it would rebuild the whole (docs/decisions/013). */}
                  <td className="px-3 py-2 tabular-nums">{t("people.ageYears", { age: ageOn(p.birthDate, today) })}</td>
                  <td className="px-3 py-2">{p.region.parent ? `${p.region.parent.name} ` : ""}{p.region.name}</td>
                  <td className="px-3 py-2">
                    {p.identities.length === 0 ? <span className="text-slate-500">—</span> : [...new Set(p.identities.map((i) => i.type))].map((type) => (
                      <span key={type} className="mr-1 inline-block rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">{t(`identity.${type}`)}</span>
                    ))}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
      <Pagination page={search.page} pageSize={pageSize} total={total} hrefFor={hrefFor} />
    </section>
  );
}

function FilterSelect({ name, label, options, value }: { name: string; label: string; options: { value: string; label: string }[]; value: string }) {
  const id = `people-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
