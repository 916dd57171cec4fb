import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { CreateUserForm } from "@/components/user-forms";
import { ROLES } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listAssignableRegions, listUsers } from "@/lib/users/users.queries";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const actor = await requireActor("user:update");
  const t = await getTranslations();
  const [users, regions] = await Promise.all([listUsers(actor), listAssignableRegions(actor)]);
  const now = new Date();
  return (
    <section aria-labelledby="users-title" className="space-y-6">
      <h1 id="users-title" className="text-xl font-semibold">{t("users.title")}</h1>
      <DataTable caption={t("users.title")} columns={[t("users.username"), t("users.displayName"), t("users.role"), t("users.region"), t("users.status")].map((label) => ({ label }))}>
            {users.map((u) => (
              <tr key={u.id}>
                <td className="px-3 py-2 font-mono"><Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">{u.username}</Link></td>
                <td className="px-3 py-2">{u.displayName}</td>
                <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
                <td className="px-3 py-2">{u.region.name}</td>
                <td className="px-3 py-2">
                  {!u.active ? t("users.inactive") : u.lockedUntil && u.lockedUntil > now ? <span className="text-red-700">{t("users.locked")}</span> : t("users.activeState")}
                </td>
              </tr>
            ))}
      </DataTable>
      <section aria-labelledby="create-user-title" className="max-w-2xl">
        <h2 id="create-user-title" className="mb-2 font-semibold">{t("users.create")}</h2>
        <CreateUserForm
          roles={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          regions={regions.map((r) => ({ value: r.code, label: t("format.nameWithNote", { name: r.name, note: t(`regionLevel.${r.level}`) }) }))}
        />
      </section>
    </section>
  );
}
