import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center" role="alert">
      <h1 className="text-lg font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("forbidden")}</p>
      <Link href="/" className="mt-4 inline-block text-sm text-brand-700 hover:underline">{t("backHome")}</Link>
    </main>
  );
}
