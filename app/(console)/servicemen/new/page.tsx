import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateServicemanForm } from "@/components/people/serviceman-forms";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { getPerson } from "@/lib/people/people.queries";
import { SERVICEMAN_KINDS, SERVICEMAN_RELATIONS } from "@/lib/servicemen/serviceman.schema";

export async function generateMetadata() {
  const t = await getTranslations("servicemen");
  return { title: t("createTitle") };
}

export default async function NewServicemanPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("serviceman:manage");
  const { family: familyId } = await searchParams;
  // Opened from a family member's page: the member must be in the bureau's county.
  const family = typeof familyId === "string" ? await getPerson(actor, familyId) : null;
  if (typeof familyId === "string" && !family) return refuseNotFound(actor, { action: "serviceman:manage", entity: "person", entityId: familyId });
  const t = await getTranslations();
  return (
    <section aria-labelledby="new-serviceman-title" className="max-w-3xl space-y-4">
      <Link href={family ? `/people/${family.id}` : "/servicemen"} className="text-sm text-brand-700 hover:underline">← {family ? t("people.backToPerson") : t("servicemen.back")}</Link>
      <h1 id="new-serviceman-title" className="text-xl font-semibold">{t("servicemen.createTitle")}</h1>
      <p className="text-sm text-slate-600">{t("servicemen.intro")}</p>
      <CreateServicemanForm
        kinds={SERVICEMAN_KINDS.map((k) => ({ value: k, label: t(`servicemen.kinds.${k}`) }))}
        relations={SERVICEMAN_RELATIONS.map((r) => ({ value: r, label: t(`servicemanRelation.${r}`) }))}
        family={family ? { id: family.id, name: family.name } : null}
      />
    </section>
  );
}
