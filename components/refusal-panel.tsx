import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "Not found" and "not allowed" pages: what happened, and the way back to the workbench. */
export async function RefusalPanel({ kind }: { kind: "notFound" | "forbidden" }) {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center" role="alert">
      <h1 className="text-lg font-semibold">{t(`${kind}Title`)}</h1>
      <p className="mt-2 text-sm text-slate-600">{t(kind)}</p>
      <Link href="/" className="mt-4 inline-block text-sm text-brand-700 hover:underline">{t("backHome")}</Link>
    </div>
  );
}
