import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function Pagination({ page, pageSize, total, hrefFor }: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string }) {
  const t = await getTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between text-sm">
      <span className="text-slate-600">{t("pageOf", { page, pages })}</span>
      <div className="flex gap-2">
        {page > 1 ? <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={hrefFor(page - 1)}>{t("previous")}</Link> : null}
        {page < pages ? <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={hrefFor(page + 1)}>{t("next")}</Link> : null}
      </div>
    </nav>
  );
}
