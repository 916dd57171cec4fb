import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HospitalForm } from "@/components/hospital-forms";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { countyProvince, getHospital, hospitalRegionOptions } from "@/lib/hospitals/hospitals.queries";

export default async function HospitalPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("hospital:manage");
  const { id } = await params;
  const [hospital, regions] = await Promise.all([getHospital(actor, id), hospitalRegionOptions(actor)]);
  if (!hospital) return refuseNotFound(actor, { action: "hospital:manage", entity: "hospital", entityId: id.slice(0, 64) });
  const [t, raw] = await Promise.all([getTranslations(), searchParams]);
  return (
    <section aria-labelledby="hospital-title" className="max-w-3xl space-y-4">
      <Link href="/admin/hospitals" className="text-sm text-brand-700 hover:underline">← {t("hospitals.back")}</Link>
      <h1 id="hospital-title" className="text-xl font-semibold">{t("format.nameWithNote", { name: hospital.name, note: hospital.code })}</h1>
      {raw.saved === "created" ? <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">{t("hospitals.created")}</p> : null}
      <HospitalForm
        hospital={{ id: hospital.id, code: hospital.code, name: hospital.name, regionCode: hospital.regionCode, level: hospital.level, priceClass: hospital.priceClass, runBy: hospital.runBy, isPublic: hospital.isPublic, province: hospital.province, cardDesignated: hospital.cardDesignated }}
        regions={regions.map((r) => ({ value: r.code, label: t("format.nameWithNote", { name: r.name, note: t(`regionLevel.${r.level}`) }) }))}
        defaultProvince={await countyProvince(actor)}
      />
    </section>
  );
}
