import { getTranslations } from "next-intl/server";
import { TrialForm } from "@/components/trial-form";
import { requireActor } from "@/lib/auth/session";
import { ALLOWANCE_EXTRA_CONDITIONS } from "@/lib/rules/library/conditions";
import { documentNames } from "@/lib/trial/documents";

export async function generateMetadata() {
  const t = await getTranslations("trial");
  return { title: t("title") };
}

export default async function TrialPage() {
  await requireActor("rules:trial");
  const t = await getTranslations("trial");
  return (
    <section aria-labelledby="trial-title" className="space-y-4">
      <h1 id="trial-title" className="text-xl font-semibold">{t("title")}</h1>
      <TrialForm documents={documentNames()} conditions={ALLOWANCE_EXTRA_CONDITIONS} />
    </section>
  );
}
