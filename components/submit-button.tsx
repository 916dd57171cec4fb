"use client";

import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";

export function SubmitButton({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  const { pending } = useFormStatus();
  const t = useTranslations("common");
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60 ${className}`}
    >
      {pending ? t("working") : children}
    </button>
  );
}
