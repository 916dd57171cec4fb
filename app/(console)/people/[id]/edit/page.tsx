import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UpdatePersonForm } from "@/components/person-forms";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { maskIdNumber } from "@/lib/people/masking";
import { getPerson, personRegionOptions } from "@/lib/people/people.queries";

export default async function EditPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("person:update");
  const { id } = await params;
  const person = await getPerson(actor, id);
  if (!person) return refuseNotFound(actor, { action: "person:update", entity: "person", entityId: id });
  const regions = await personRegionOptions(actor, { keep: person.regionCode });
  const t = await getTranslations();
  return (
    <section aria-labelledby="edit-person-title" className="max-w-3xl space-y-4">
      <Link href={`/people/${person.id}`} className="text-sm text-brand-700 hover:underline">← {t("people.backToPerson")}</Link>
      <h1 id="edit-person-title" className="text-xl font-semibold">{t("people.editTitle", { name: person.name })}</h1>
      <UpdatePersonForm
        person={{
          id: person.id,
          version: person.version,
          maskedIdNumber: maskIdNumber(person.idNumber),
          name: person.name,
          regionCode: person.regionCode,
          ruralHukou: person.ruralHukou,
          hukouProvince: person.hukouProvince,
          phone: person.phone,
          bankAccount: person.bankAccount,
          diedOn: person.diedOn ? formatDate(person.diedOn) : null,
          movedOutOn: person.movedOutOn ? formatDate(person.movedOutOn) : null,
        }}
        regions={regions.map((r) => ({ value: r.code, label: `${r.level === "VILLAGE" && r.parent ? `${r.parent.name} ${r.name}` : r.name}${r.retiredAt ? t("regions.retiredSuffix") : ""}` }))}
      />
    </section>
  );
}
