import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/login-form";
import { LocaleSwitch } from "@/components/locale-switch";
import { getActor } from "@/lib/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage() {
  if (await getActor()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold text-brand-800">{t("app.name")}</h1>
        <p className="mt-1 text-center text-sm text-slate-600">{t("app.tagline")}</p>
        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-lg font-medium">{t("login.title")}</h2>
          <LoginForm />
        </div>
        <div className="mt-4 flex justify-center">
          <LocaleSwitch />
        </div>
      </div>
    </main>
  );
}
