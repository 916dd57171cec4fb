import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HospitalForm } from "@/components/hospital-forms";
import { requireActor } from "@/lib/auth/session";
import { countyProvince, hospitalRegionOptions } from "@/lib/hospitals/hospitals.queries";

export async function generateMetadata() {
  const t = await getTranslations("hospitals");
  return { title: t("createTitle") };
}

export default async function NewHospitalPage() {
  const actor = await requireActor("hospital:manage");
  const [t, regions] = await Promise.all([getTranslations(), hospitalRegionOptions(actor)]);
  return (
    <section aria-labelledby="new-hospital-title" className="max-w-3xl space-y-4">
      <Link href="/admin/hospitals" className="text-sm text-brand-700 hover:underline">← {t("hospitals.back")}</Link>
      <h1 id="new-hospital-title" className="text-xl font-semibold">{t("hospitals.createTitle")}</h1>
      <HospitalForm hospital={null} regions={regions.map((r) => ({ value: r.code, label: t("format.nameWithNote", { name: r.name, note: t(`regionLevel.${r.level}`) }) }))} defaultProvince={await countyProvince(actor)} />
    </section>
  );
}
