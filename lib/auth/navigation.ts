import type { Role } from "@/lib/generated/prisma/enums";
import { hasPermission, type Permission } from "@/lib/auth/permissions";

// Each role sees the work its permissions allow; the pages check the same permission again.
const NAV: readonly { href: string; key: string; permission: Permission | readonly Permission[] | null }[] = [
  { href: "/", key: "home", permission: null },
  { href: "/cases", key: "cases", permission: "case:read" },
  { href: "/people", key: "people", permission: "person:read" },
  // The county bureaus' list of possible duplicates, each a merge away.
  { href: "/people/duplicates", key: "duplicates", permission: "person:merge" },
  // Identities township clerks propose, for the bureau that certifies them (decision 020).
  { href: "/identity-proposals", key: "proposals", permission: ["identity:manage:assistance", "identity:manage:special-care"] },
  { href: "/servicemen", key: "servicemen", permission: "serviceman:manage" },
  { href: "/cases/publicity", key: "publicity", permission: "case:read" },
  { href: "/cases/results", key: "results", permission: "case:read" },
  { href: "/payments", key: "payments", permission: "payment:read" },
  { href: "/trial", key: "trial", permission: "rules:trial" },
  // The bureaus that send 动态调整 lists, and the one that receives them.
  { href: "/rosters", key: "rosters", permission: ["roster:upload", "roster:acknowledge"] },
  { href: "/policy", key: "policy", permission: "policy:read" },
  { href: "/admin/users", key: "users", permission: "user:update" },
  { href: "/admin/hospitals", key: "hospitals", permission: "hospital:manage" },
  { href: "/admin/regions", key: "regions", permission: "region:manage" },
  { href: "/audit", key: "audit", permission: "audit:read" },
];

export function navigationFor(role: Role) {
  return NAV.filter((item) => {
    if (item.permission === null) return true;
    const any: readonly Permission[] = typeof item.permission === "string" ? [item.permission] : item.permission;
    return any.some((permission) => hasPermission(role, permission));
  });
}
