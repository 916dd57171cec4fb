import type { Role } from "@/lib/generated/prisma/enums";

// Typed permission strings, resolved in this one module. Region scope is not a permission: every
// query also filters by the actor's region (lib/regions/scope.ts).
export const PERMISSIONS = [
  "person:read",
  "rules:trial",
  "policy:read",
  "user:manage",
  "audit:read",
  "account:self",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  "TOWNSHIP_CLERK",
  "TOWNSHIP_REVIEWER",
  "MEDICAL_SECURITY",
  "VETERANS_AFFAIRS",
  "CIVIL_AFFAIRS",
  "FINANCE",
  "AUDITOR",
  "ADMIN",
] as const satisfies readonly Role[];

const CASEWORK: readonly Permission[] = ["person:read", "rules:trial", "policy:read", "account:self"];

const GRANTS: Record<Role, readonly Permission[]> = {
  TOWNSHIP_CLERK: CASEWORK,
  TOWNSHIP_REVIEWER: CASEWORK,
  MEDICAL_SECURITY: CASEWORK,
  VETERANS_AFFAIRS: CASEWORK,
  CIVIL_AFFAIRS: CASEWORK,
  FINANCE: ["person:read", "policy:read", "account:self"],
  AUDITOR: ["person:read", "policy:read", "audit:read", "account:self"],
  ADMIN: ["user:manage", "audit:read", "policy:read", "account:self"],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

// Township roles work inside one township; county bureaus, auditors and admins see the county.
export const ROLE_REGION_LEVEL: Record<Role, "TOWNSHIP" | "COUNTY"> = {
  TOWNSHIP_CLERK: "TOWNSHIP",
  TOWNSHIP_REVIEWER: "TOWNSHIP",
  MEDICAL_SECURITY: "COUNTY",
  VETERANS_AFFAIRS: "COUNTY",
  CIVIL_AFFAIRS: "COUNTY",
  FINANCE: "COUNTY",
  AUDITOR: "COUNTY",
  ADMIN: "COUNTY",
};
