import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/locale-switch";
import { NavLinks } from "@/components/nav-links";
import { logoutAction } from "@/lib/auth/auth.actions";
import { navigationFor } from "@/lib/auth/navigation";
import { requireSignedIn } from "@/lib/auth/session";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // Not requireActor: the layout also wraps the change-password page a confined user is sent to.
  const actor = await requireSignedIn();
  const t = await getTranslations();
  // Confined to the change-password page (requireActor redirects every other page): no navigation.
  const items = actor.mustChangePassword ? [] : navigationFor(actor.role).map((i) => ({ href: i.href, label: t(`nav.${i.key}`) }));
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("common.skipToContent")}
      </a>
      <header className="border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-lg font-semibold">{t("app.name")}</Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span data-testid="current-user">
              {t("format.currentUser", { name: actor.displayName, role: t(`roles.${actor.role}`), region: actor.regionName })}
            </span>
            <Link href="/account/password" className="underline-offset-2 hover:underline">{t("nav.password")}</Link>
            <form action={logoutAction}>
              <button type="submit" className="rounded border border-white/40 px-2 py-1 hover:bg-white/10">{t("nav.logout")}</button>
            </form>
            <div className="rounded bg-white/90"><LocaleSwitch /></div>
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-6 md:flex-row">
        <nav aria-label={t("nav.label")} className="shrink-0 md:w-44">
          <NavLinks items={items} />
        </nav>
        <main id="main" className="min-w-0 flex-1">
          {actor.mustChangePassword ? (
            <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("account.mustChange")} <Link href="/account/password" className="font-medium underline">{t("nav.password")}</Link>
            </p>
          ) : null}
          {children}
        </main>
      </div>
    </div>
  );
}
