import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { auth } from "@/lib/auth/auth";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";

// The session cookie only names the user; role, region and whether the account is still active
// are read from the database on every request, so a deactivated user or a changed password takes
// effect at once rather than when the cookie expires.
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.uid) return null;
  const user = await prisma.user.findUnique({ where: { id: session.uid }, include: { region: true } });
  if (!user || !user.active) return null;
  if (user.passwordChangedAt.getTime() > session.pwdAt) return null;
  return {
    kind: "user",
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    regionPath: user.region.path,
    regionName: user.region.name,
    mustChangePassword: user.mustChangePassword,
  };
});

/** For pages: no session → login page; missing permission → app/forbidden.tsx (403). */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (permission && !hasPermission(actor.role, permission)) forbidden();
  return actor;
}
