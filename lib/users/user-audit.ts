import type { Role } from "@/lib/generated/prisma/enums";

/** What the audit log keeps of a user: never the password hash. */
export function userSnapshot(u: { username: string; displayName: string; role: Role; regionCode: string; active: boolean }) {
  return { username: u.username, displayName: u.displayName, role: u.role, regionCode: u.regionCode, active: u.active };
}
