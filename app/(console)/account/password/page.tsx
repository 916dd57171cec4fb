import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/change-password-form";
import { requireActor } from "@/lib/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  await requireActor("account:self");
  const t = await getTranslations("account");
  const { changed } = await searchParams;
  return (
    <section aria-labelledby="pw-title" className="max-w-md space-y-4">
      <h1 id="pw-title" className="text-xl font-semibold">{t("title")}</h1>
      {changed ? <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">{t("changed")}</p> : null}
      <ChangePasswordForm />
    </section>
  );
}
