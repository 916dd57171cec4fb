import { describe, expect, it } from "vitest";
import { navigationFor } from "@/lib/auth/navigation";
import { hasPermission, PERMISSIONS, permissionsOf, ROLE_REGION_LEVEL, ROLES } from "@/lib/auth/permissions";

describe("permission resolution", () => {
  it("every role has account:self and only known permissions", () => {
    for (const role of ROLES) {
      expect(permissionsOf(role)).toContain("account:self");
      for (const p of permissionsOf(role)) expect(PERMISSIONS).toContain(p);
    }
  });
  it("only the admin manages users", () => {
    expect(ROLES.filter((r) => hasPermission(r, "user:update"))).toEqual(["ADMIN"]);
  });
  it("the auditor reads but runs no calculations and manages nothing", () => {
    expect(hasPermission("AUDITOR", "audit:read")).toBe(true);
    expect(hasPermission("AUDITOR", "person:read")).toBe(true);
    expect(hasPermission("AUDITOR", "rules:trial")).toBe(false);
    expect(hasPermission("AUDITOR", "user:update")).toBe(false);
  });
  it("no role adds a county: the operator does, as the system (scripts/county.ts)", () => {
    expect(ROLES.filter((r) => hasPermission(r, "county:add"))).toEqual([]);
    expect(hasPermission("SYSTEM", "county:add")).toBe(true);
    expect(ROLES.filter((r) => hasPermission(r, "region:manage"))).toEqual(["ADMIN"]);
  });
  it("the admin sees no people", () => {
    expect(hasPermission("ADMIN", "person:read")).toBe(false);
  });
  it("township roles work at a township, the rest at the county", () => {
    expect(ROLES.filter((r) => ROLE_REGION_LEVEL[r] === "TOWNSHIP")).toEqual(["TOWNSHIP_CLERK", "TOWNSHIP_REVIEWER"]);
  });
  it("navigation follows permissions", () => {
    expect(navigationFor("ADMIN").map((i) => i.key)).toEqual(["home", "policy", "users", "hospitals", "regions", "audit"]);
    expect(navigationFor("TOWNSHIP_CLERK").map((i) => i.key)).toEqual(["home", "cases", "people", "publicity", "results", "trial", "policy"]);
    expect(navigationFor("FINANCE").map((i) => i.key)).toEqual(["home", "cases", "people", "publicity", "results", "payments", "policy"]);
    expect(navigationFor("CIVIL_AFFAIRS").map((i) => i.key)).toContain("rosters");
    expect(navigationFor("MEDICAL_SECURITY").map((i) => i.key)).toContain("rosters");
    expect(navigationFor("TOWNSHIP_CLERK").map((i) => i.key)).not.toContain("rosters");
    // The county bureaus merge duplicates; the township and the readers do not.
    for (const role of ["MEDICAL_SECURITY", "VETERANS_AFFAIRS", "CIVIL_AFFAIRS"] as const) expect(navigationFor(role).map((i) => i.key)).toContain("duplicates");
    for (const role of ["TOWNSHIP_CLERK", "FINANCE", "AUDITOR", "ADMIN"] as const) expect(navigationFor(role).map((i) => i.key)).not.toContain("duplicates");
  });
});
