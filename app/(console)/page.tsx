import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { navigationFor } from "@/lib/auth/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { countPeople } from "@/lib/people/people.queries";
import { countUsers } from "@/lib/users/users.queries";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("home") };
}

export default async function HomePage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const [people, users] = await Promise.all([
    hasPermission(actor.role, "person:read") ? countPeople(actor) : null,
    hasPermission(actor.role, "user:update") ? countUsers(actor) : null,
  ]);
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
        {users !== null ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{t("home.usersInScope")}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{users}</dd>
          </div>
        ) : null}
      </dl>
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
