import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { auth } from "@/lib/auth/auth";
import { endExpiredSession } from "@/lib/auth/logout";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { sessionStanding } from "@/lib/auth/session-standing";
import { writeRefusal } from "@/lib/audit/write-refusal";
import { prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, type RefusalDetail } from "@/lib/errors";

// The session cookie only names the user and the session version; role, region, whether the
// account is still active and whether the session was revoked (logout) are read from the database
// on every request, so each takes effect at once rather than when the cookie expires.
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.uid) return null;
  const claims = { uid: session.uid, pwdAt: session.pwdAt, sv: session.sv, loginAt: session.loginAt };
  const user = await prisma.user.findUnique({ where: { id: session.uid }, include: { region: true } });
  const standing = sessionStanding(claims, user, Date.now());
  if (standing === "expired") await endExpiredSession(prisma, claims);
  if (!user || standing !== "valid") return null;
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

/** For the console layout: signed in, whatever the page (the page itself decides confinement and permission). */
export async function requireSignedIn(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/**
 * For pages: no session → login page; a password set by the administrator → the change-password
 * page, whatever was asked for (only "account:self" pages open); missing permission →
 * app/forbidden.tsx (403).
 */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && permission !== "account:self") redirect("/account/password");
  if (permission && !hasPermission(actor.role, permission)) {
    await writeRefusal(prisma, actor, new ForbiddenError({ action: permission }), null);
    forbidden();
  }
  return actor;
}

/** For pages: a record outside the actor's region (or none at all) is audited as refused, then 404. */
export async function refuseNotFound(actor: Actor, detail: RefusalDetail): Promise<never> {
  await writeRefusal(prisma, actor, new NotFoundError(detail), null);
  notFound();
}
