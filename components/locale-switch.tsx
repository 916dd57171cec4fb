import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/auth/auth.actions";
import { LOCALES } from "@/lib/i18n/locales";

export async function LocaleSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("locale")]);
  return (
    <form action={setLocaleAction} className="flex items-center gap-1 text-xs">
      <span className="sr-only">{t("label")}</span>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          aria-pressed={l === locale}
          className="rounded px-2 py-1 text-slate-700 hover:bg-slate-200 aria-pressed:font-semibold aria-pressed:text-brand-800"
        >
          {t(l)}
        </button>
      ))}
    </form>
  );
}
