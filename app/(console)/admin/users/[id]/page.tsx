import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm, UpdateUserForm } from "@/components/user-forms";
import { ROLES } from "@/lib/auth/permissions";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { getUser, listAssignableRegions } from "@/lib/users/users.queries";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("user:update");
  const { id } = await params;
  const user = await getUser(actor, id);
  if (!user) return refuseNotFound(actor, { action: "user:update", entity: "user", entityId: id });
  const regions = await listAssignableRegions(actor, user.regionCode);
  const t = await getTranslations();
  return (
    <section aria-labelledby="user-title" className="max-w-2xl space-y-6">
      <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">← {t("users.back")}</Link>
      <h1 id="user-title" className="text-xl font-semibold">{t("format.nameWithNote", { name: user.displayName, note: user.username })}</h1>
      <UpdateUserForm
        user={{ id: user.id, version: user.version, displayName: user.displayName, role: user.role, regionCode: user.regionCode, active: user.active }}
        roles={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        regions={regions.map((r) => ({ value: r.code, label: t("format.nameWithNote", { name: r.name, note: t(`regionLevel.${r.level}`) }) }))}
      />
      <section aria-labelledby="reset-title">
        <h2 id="reset-title" className="mb-2 font-semibold">{t("users.resetPassword")}</h2>
        <ResetPasswordForm id={user.id} />
      </section>
    </section>
  );
}
