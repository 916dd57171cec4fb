import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { AddEnrolmentForm, CorrectEnrolmentForm, EndEnrolmentForm } from "@/components/people/enrolment-forms";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { personTiers } from "@/lib/people/period.queries";
import { INSURANCE_SCHEMES } from "@/lib/rules/domain";

type Enrolment = { id: string; scheme: string; tier: string | null; validFrom: Date; validTo: Date | null };

/** The person's insurance: enrolment periods, and for 医保局 the forms that keep them. */
export async function EnrolmentSection({ actor, person }: { actor: Actor; person: { id: string; regionCode: string; mergedIntoId: string | null; insuranceEnrollments: Enrolment[] } }) {
  const t = await getTranslations();
  const manages = hasPermission(actor.role, "enrolment:manage") && !person.mergedIntoId;
  const tiers = manages ? await personTiers(person.regionCode) : [];
  const schemes = INSURANCE_SCHEMES.map((s) => ({ value: s, label: t(`scheme.${s}`) }));
  const tierOptions = tiers.length > 0 ? [{ value: "", label: t("enrolmentForm.noTier") }, ...tiers.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }))] : null;
  const label = (e: Enrolment) => (e.tier ? t("format.nameWithNote", { name: t(`scheme.${e.scheme}`), note: t(`tier.${e.tier}`) }) : t(`scheme.${e.scheme}`));
  return (
    <section aria-labelledby="insurance-title" className="space-y-3">
      <h2 id="insurance-title" className="font-semibold">{t("people.insurance")}</h2>
      {person.insuranceEnrollments.length === 0 ? <EmptyState title={t("people.notEnrolled")} /> : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="enrolments">
          {person.insuranceEnrollments.map((e) => (
            <li key={e.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-2">
              <div>
                <span className="font-medium">{label(e)}</span>
                <span className="ml-3 tabular-nums text-slate-600">{formatDate(e.validFrom)} — {e.validTo ? formatDate(e.validTo) : t("common.ongoing")}</span>
              </div>
              {manages && !e.validTo ? <EndEnrolmentForm enrolmentId={e.id} label={t("format.nameWithNote", { name: t("enrolmentForm.end"), note: label(e) })} /> : null}
              {manages ? (
                <CorrectEnrolmentForm
                  enrolment={{ id: e.id, scheme: e.scheme, tier: e.tier, validFrom: formatDate(e.validFrom), validTo: e.validTo ? formatDate(e.validTo) : null }}
                  schemes={schemes}
                  tiers={tierOptions}
                  label={t("format.nameWithNote", { name: t("enrolmentForm.correctTitle"), note: `${label(e)} ${formatDate(e.validFrom)}` })}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {manages ? <AddEnrolmentForm personId={person.id} schemes={schemes} tiers={tierOptions} /> : null}
    </section>
  );
}
