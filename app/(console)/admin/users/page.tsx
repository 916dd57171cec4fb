import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/user-forms";
import { ROLES } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listAssignableRegions, listUsers } from "@/lib/users/users.queries";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const actor = await requireActor("user:manage");
  const t = await getTranslations();
  const [users, regions] = await Promise.all([listUsers(actor), listAssignableRegions(actor)]);
  const now = new Date();
  return (
    <section aria-labelledby="users-title" className="space-y-6">
      <h1 id="users-title" className="text-xl font-semibold">{t("users.title")}</h1>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t("users.username")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("users.displayName")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("users.role")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("users.region")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("users.status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
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
          </tbody>
        </table>
      </div>
      <section aria-labelledby="create-user-title" className="max-w-2xl">
        <h2 id="create-user-title" className="mb-2 font-semibold">{t("users.create")}</h2>
        <CreateUserForm
          roles={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          regions={regions.map((r) => ({ value: r.code, label: `${r.name}（${t(`regionLevel.${r.level}`)}）` }))}
        />
      </section>
    </section>
  );
}
