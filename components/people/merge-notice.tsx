import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { mergeLinks, possibleDuplicatesOf } from "@/lib/people/duplicates.queries";
import { maskIdNumber } from "@/lib/people/masking";

/**
 * A merged duplicate says where its record went; a kept record names what was merged into it; for
 * the county, a record with others of the same name, birth date and township links to the merge.
 */
export async function MergeNotice({ actor, person }: { actor: Actor; person: { id: string; name: string; birthDate: Date; regionCode: string; mergedIntoId: string | null } }) {
  const t = await getTranslations("merge");
  const tf = await getTranslations("format");
  const merges = hasPermission(actor.role, "person:merge");
  const [links, others] = await Promise.all([mergeLinks(actor, person.id), merges && !person.mergedIntoId ? possibleDuplicatesOf(actor, person) : []]);
  if (!links.mergedInto && links.mergedFrom.length === 0 && others.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="merge-notice">
      {links.mergedInto ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("mergedInto", { date: links.mergedAt ? formatDateTime(links.mergedAt) : "" })}{" "}
          <Link href={`/people/${links.mergedInto.id}`} className="font-medium text-brand-700 underline underline-offset-2">
            {t("personLabel", { name: links.mergedInto.name, idNumber: maskIdNumber(links.mergedInto.idNumber) })}
          </Link>
        </p>
      ) : null}
      {links.mergedFrom.length > 0 ? (
        <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
          {t("mergedFrom")}{" "}
          {links.mergedFrom.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? tf("listSeparator") : null}
              <Link href={`/people/${m.id}`} className="text-brand-700 underline underline-offset-2">{t("personLabel", { name: m.name, idNumber: maskIdNumber(m.idNumber) })}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {others.length > 0 ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>{t("possibleDuplicates", { count: others.length })}</p>
          <ul className="mt-1 flex flex-wrap gap-3">
            {others.map((o) => (
              <li key={o.id}>
                <Link href={`/people/merge?keep=${person.id}&merge=${o.id}`} className="font-medium text-brand-700 underline underline-offset-2">{t("compareWith", { idNumber: maskIdNumber(o.idNumber) })}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
