import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";

// Chinese is the working language; English exists to prove no text is hard-coded. The locale is
// a cookie, not a URL segment: case URLs stay the same whatever language a clerk reads them in.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
