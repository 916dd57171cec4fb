import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { navigationFor } from "@/lib/auth/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { IDENTITY_BUREAUS } from "@/lib/people/identity-bureaus";
import { proposalBureauOfRole } from "@/lib/people/identity-proposal.schema";
import { countPendingProposals } from "@/lib/people/identity-proposals.queries";
import { countPeople } from "@/lib/people/people.queries";
import { dueLists } from "@/lib/roster/roster.queries";
import { countUsers } from "@/lib/users/users.queries";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("home") };
}

export default async function HomePage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const proposalBureau = proposalBureauOfRole(actor.role);
  const [people, users, proposals] = await Promise.all([
    hasPermission(actor.role, "person:read") ? countPeople(actor) : null,
    hasPermission(actor.role, "user:update") ? countUsers(actor) : null,
    proposalBureau ? countPendingProposals(actor, IDENTITY_BUREAUS[proposalBureau].role) : null,
  ]);
  const due = await dueLists(prisma, actor);
  const cards = navigationFor(actor.role).filter((i) => i.href !== "/");
  return (
    <section aria-labelledby="home-title" className="space-y-6">
      <div>
        <h1 id="home-title" className="text-xl font-semibold">{t("home.welcome", { name: actor.displayName })}</h1>
        <p className="text-sm text-slate-600">{t("home.roleLine", { role: t(`roles.${actor.role}`), region: actor.regionName })}</p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-2">
        {people !== null ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{t("home.peopleInScope")}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="people-count">{people}</dd>
          </div>
        ) : null}
        {proposals !== null ? (
          <div className={`rounded-lg border p-4 ${proposals > 0 ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}>
            <dt className="text-sm text-slate-600">{t("home.proposalsPending")}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums"><Link href="/identity-proposals" className="text-brand-800 underline-offset-2 hover:underline" data-testid="proposals-pending">{proposals}</Link></dd>
          </div>
        ) : null}
        {users !== null ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{t("home.usersInScope")}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{users}</dd>
          </div>
        ) : null}
      </dl>
      {due.length > 0 ? (
        <section aria-labelledby="roster-due-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="roster-due">
          <h2 id="roster-due-title" className="font-medium">{t("home.rosterDue.title")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {due.map((d) => (
              <li key={d.kind === "TO_SEND" ? `${d.bureau}-${d.period}` : d.batchId}>
                {d.kind === "TO_SEND"
                  ? d.dueOn === null
                    ? t("home.rosterDue.missingYear", { period: d.period, year: d.missingYear ?? 0 })
                    : t(d.overdue ? "home.rosterDue.overdue" : "home.rosterDue.toSend", { period: d.period, dueOn: d.dueOn })
                  : t("home.rosterDue.toAcknowledge", { period: d.period, bureau: t(`roles.${d.bureau}`) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {cards.map((c) => (
          <li key={c.href}>
            <Link href={c.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
              <span className="font-medium text-brand-800">{t(`nav.${c.key}`)}</span>
              <span className="mt-1 block text-sm text-slate-600">{t(`home.describe.${c.key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
