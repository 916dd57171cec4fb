import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { UploadRosterForm } from "@/components/roster-forms";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";
import { chinaToday } from "@/lib/roster/roster-dates";
import { lastQuarter } from "@/lib/roster/roster-period";
import { rosterBatches } from "@/lib/roster/roster.queries";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("rosters") };
}

export default async function RostersPage() {
  const signedIn = await requireActor();
  const actor = hasPermission(signedIn.role, "roster:acknowledge") ? signedIn : await requireActor("roster:upload");
  const t = await getTranslations();
  const batches = await rosterBatches(prisma, actor);
  const uploads = hasPermission(actor.role, "roster:upload");
  return (
    <section className="space-y-6" aria-labelledby="rosters-title">
      <div>
        <h1 id="rosters-title" className="text-xl font-semibold">{t("rosterPages.title")}</h1>
        <p className="text-sm text-slate-600">{t("rosterPages.intro")}</p>
      </div>
      {uploads ? <UploadRosterForm defaultPeriod={lastQuarter(chinaToday()).key} /> : null}
      {batches.length === 0 ? (
        <EmptyState title={t("rosterPages.none")} />
      ) : (
        <DataTable
          caption={t("rosterPages.listCaption")}
          testId="roster-list"
          columns={[
            { label: t("rosterPages.period") }, { label: t("rosterPages.bureau") }, { label: t("rosterPages.fileName") }, { label: t("rosterPages.state") },
            { label: t("rosterPages.counts") }, { label: t("rosterPages.dueOn") }, { label: t("rosterPages.uploadedAt") },
          ]}
        >
          {batches.map((b) => (
            <tr key={b.id}>
              <td className="px-3 py-2"><Link className="text-brand-700 hover:underline" href={`/rosters/${b.id}`}>{b.period}</Link></td>
              <td className="px-3 py-2">{t(`roles.${b.bureau}`)}</td>
              <td className="px-3 py-2">{b.fileName}</td>
              <td className="px-3 py-2">{t(`rosterPages.states.${b.state}`)}</td>
              <td className="px-3 py-2">{t("rosterPages.countsLine", { added: b.added, removed: b.removed, changed: b.changed, errors: b.errorCount })}</td>
              <td className="px-3 py-2">{b.dueOn ? formatDate(b.dueOn) : t("rosterPages.dueUnknown")}</td>
              <td className="px-3 py-2">{formatDateTime(b.uploadedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
