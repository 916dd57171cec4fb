import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreatePersonForm } from "@/components/person-forms";
import { requireActor } from "@/lib/auth/session";
import { personRegionOptions } from "@/lib/people/people.queries";

export async function generateMetadata() {
  const t = await getTranslations("people");
  return { title: t("createTitle") };
}

export default async function NewPersonPage() {
  const actor = await requireActor("person:create");
  const [t, regions] = await Promise.all([getTranslations(), personRegionOptions(actor)]);
  return (
    <section aria-labelledby="new-person-title" className="max-w-3xl space-y-4">
      <Link href="/people" className="text-sm text-brand-700 hover:underline">← {t("people.back")}</Link>
      <h1 id="new-person-title" className="text-xl font-semibold">{t("people.createTitle")}</h1>
      <CreatePersonForm regions={regions.map((r) => ({ value: r.code, label: r.level === "VILLAGE" && r.parent ? `${r.parent.name} ${r.name}` : r.name }))} />
    </section>
  );
}
