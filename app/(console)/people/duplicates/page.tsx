import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { requireActor } from "@/lib/auth/session";
import { listDuplicateGroups } from "@/lib/people/duplicates.queries";
import { ageOn, maskIdNumber } from "@/lib/people/masking";
import { chinaDate } from "@/lib/workflow/case-machine";

export async function generateMetadata() {
  const t = await getTranslations("duplicates");
  return { title: t("title") };
}

export default async function DuplicatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("person:merge");
  const t = await getTranslations();
  const raw = await searchParams;
  const page = typeof raw.page === "string" && /^\d{1,5}$/.test(raw.page) && Number(raw.page) >= 1 ? Number(raw.page) : 1;
  const { total, pageSize, groups } = await listDuplicateGroups(actor, page);
  const today = new Date();
  return (
    <section aria-labelledby="duplicates-title" className="space-y-4">
      <div>
        <h1 id="duplicates-title" className="text-xl font-semibold">{t("duplicates.title")}</h1>
        <p className="text-sm text-slate-600">{t("duplicates.explain", { region: actor.regionName, total })}</p>
      </div>
      {groups.length === 0 ? <EmptyState title={t("duplicates.none")} /> : (
        <ol className="space-y-4" data-testid="duplicate-groups">
          {groups.map((g) => {
            // Kept by default: the record registered first; the later ones are merged into it.
            const first = g.members[0];
            return (
              <li key={g.key}>
                <DataTable
                  showCaption
                  caption={t("duplicates.group", { name: g.name, township: g.township, count: g.members.length })}
                  columns={[t("people.name"), t("people.idNumber"), t("people.age"), t("people.region"), t("merge.registeredOn"), t("duplicates.records"), t("duplicates.action")].map((label) => ({ label }))}
                >
                  {g.members.map((m) => (
                    <tr key={m.id}>
                      <td className="px-3 py-2"><Link href={`/people/${m.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{m.name}</Link></td>
                      <td className="px-3 py-2 font-mono tabular-nums">{maskIdNumber(m.idNumber)}</td>
                      <td className="px-3 py-2 tabular-nums">{t("people.ageYears", { age: ageOn(m.birthDate, today) })}</td>
                      <td className="px-3 py-2">{m.region.name}</td>
                      <td className="px-3 py-2 tabular-nums">{chinaDate(m.createdAt)}</td>
                      <td className="px-3 py-2 text-slate-600">{t("duplicates.counts", { claims: m._count.claims, cases: m._count.cases, identities: m._count.identities })}</td>
                      <td className="px-3 py-2">
                        {first && m.id !== first.id ? (
                          <Link href={`/people/merge?keep=${first.id}&merge=${m.id}`} className="text-brand-700 underline underline-offset-2">{t("duplicates.mergeInto", { idNumber: maskIdNumber(first.idNumber) })}</Link>
                        ) : <span className="text-slate-500">{t("duplicates.first")}</span>}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} hrefFor={(n) => `/people/duplicates?page=${n}`} />
    </section>
  );
}
