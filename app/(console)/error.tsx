"use client";

import { useTranslations } from "next-intl";

// Unexpected errors: a generic message with the digest, which the server log carries too.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-6" role="alert">
      <h1 className="font-semibold text-red-800">{t("unexpectedTitle")}</h1>
      <p className="mt-2 text-sm text-red-800">{t("unexpected", { requestId: error.digest ?? "—" })}</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md border border-red-300 bg-white px-3 py-1 text-sm">{t("retry")}</button>
    </div>
  );
}
