import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageNumbers } from "@/lib/page-numbers";

export async function Pagination({ page, pageSize, total, hrefFor }: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string }) {
  const t = await getTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between text-sm">
      <span className="text-slate-600">{t("pageOf", { page, pages })}</span>
      <div className="flex flex-wrap items-center gap-2">
        {page > 1 ? <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={hrefFor(page - 1)}>{t("previous")}</Link> : null}
        {pageNumbers(page, pages).map((n, i) =>
          n === null ? <span key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-500">…</span> : n === page ? (
            <span key={n} aria-current="page" className="rounded bg-brand-700 px-3 py-1 font-medium text-white tabular-nums">{n}</span>
          ) : (
            <Link key={n} className="rounded border border-slate-300 bg-white px-3 py-1 tabular-nums hover:bg-slate-50" href={hrefFor(n)} aria-label={t("pageNumber", { page: n })}>{n}</Link>
          ),
        )}
        {page < pages ? <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={hrefFor(page + 1)}>{t("next")}</Link> : null}
      </div>
    </nav>
  );
}

