import type { Role } from "@/lib/generated/prisma/enums";

// Typed permission strings, one per verb, resolved in this one module. A permission says what a
// role may do at all; whether it may do it to a given record (region, state, duty) is decided by
// assertCan (lib/auth/decide.ts), which reads the same table.
export const PERMISSIONS = [
  // reading
  "person:read",
  "person:view-id",
  "case:read",
  "payment:read",
  "policy:read",
  "audit:read",
  "audit:export",
  "rules:trial",
  // the actor's own account
  "account:self",
  // users (the county's administrator)
  "user:create",
  "user:update",
  "user:reset-password",
  // registry (issue: registry). Each bureau keeps the identities it certifies.
  "person:create",
  "person:update",
  "person:merge",
  // households of a township (its clerk), and the family link to a serviceman (退役军人事务局)
  "household:create",
  "household:update",
  "serviceman:manage",
  "identity:propose",
  "identity:manage:assistance",
  "identity:manage:special-care",
  "identity:manage:medical",
  "enrolment:manage",
  "roster:upload",
  "roster:acknowledge",
  "hospital:manage",
  "region:manage",
  "calendar:manage",
  // the deployment's operator adds a county (scripts/county.ts, as the system): docs/decisions/019
  "county:add",
  // cases (issue: cases), YQ-JZ-2019 §6(2) and QJ-YF-2023 Art. 8, 13
  "case:file",
  "case:resubmit",
  "case:withdraw",
  "case:investigate",
  "case:publicize",
  "case:object",
  "case:return",
  "case:reject",
  "case:approve:assistance",
  "case:approve:special-care",
  "case:serve-notice",
  // the finance bureau's record that an approved case was paid (the payment run: its own issue)
  "payment:record",
  // jobs
  "claim:recompute",
  // the import jobs of a 动态调整 list (lib/jobs/roster-check.ts, roster-apply.ts): the upload and
  // the confirmation are the bureau's (roster:upload); reading, comparing and applying the list
  // are the system's, on the list its bureau sent
  "roster:check",
  "roster:apply",
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

/** A job's actor: not a person, so not a Role of the user table; its grants are listed here too. */
export const SYSTEM_ROLE = "SYSTEM" as const;
export type GrantHolder = Role | typeof SYSTEM_ROLE;

const READ: readonly Permission[] = ["person:read", "case:read", "policy:read", "account:self"];
const COUNTY_BUREAU: readonly Permission[] = [...READ, "person:view-id", "rules:trial", "person:merge"];

const GRANTS: Record<GrantHolder, readonly Permission[]> = {
  TOWNSHIP_CLERK: [
    ...READ, "person:view-id", "rules:trial",
    "person:create", "person:update", "household:create", "household:update", "identity:propose",
    "case:file", "case:resubmit", "case:withdraw", "case:serve-notice",
  ],
  TOWNSHIP_REVIEWER: [
    ...READ, "person:view-id", "rules:trial",
    "case:investigate", "case:publicize", "case:object", "case:return", "case:reject",
  ],
  MEDICAL_SECURITY: [...COUNTY_BUREAU, "case:approve:assistance", "case:serve-notice", "identity:manage:medical", "enrolment:manage", "roster:acknowledge"],
  VETERANS_AFFAIRS: [...COUNTY_BUREAU, "case:approve:special-care", "case:serve-notice", "identity:manage:special-care", "serviceman:manage", "roster:upload"],
  CIVIL_AFFAIRS: [...COUNTY_BUREAU, "identity:manage:assistance", "roster:upload"],
  FINANCE: [...READ, "payment:read", "payment:record"],
  AUDITOR: [...READ, "payment:read", "audit:read", "audit:export"],
  ADMIN: ["policy:read", "account:self", "audit:read", "audit:export", "user:create", "user:update", "user:reset-password", "hospital:manage", "region:manage", "calendar:manage", "claim:recompute"],
  SYSTEM: ["person:read", "case:read", "policy:read", "claim:recompute", "county:add", "roster:check", "roster:apply"],
};

export function hasPermission(holder: GrantHolder, permission: Permission): boolean {
  return GRANTS[holder].includes(permission);
}

export function permissionsOf(holder: GrantHolder): readonly Permission[] {
  return GRANTS[holder];
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
