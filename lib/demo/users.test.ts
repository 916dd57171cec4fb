import { describe, expect, it } from "vitest";
import { Role } from "@/lib/generated/prisma/enums";
import { isWithin, regionByCode } from "./regions";
import { DEMO_USERS, demoUser } from "./users";

describe("demo users", () => {
  it("has every role in both counties and unique usernames", () => {
    expect(new Set(DEMO_USERS.map((u) => u.username)).size).toBe(DEMO_USERS.length);
    for (const key of ["yx", "qj"] as const) {
      const roles = new Set(DEMO_USERS.filter((u) => u.countyKey === key).map((u) => u.role));
      expect([...roles].sort()).toEqual(Object.values(Role).sort());
    }
    expect(DEMO_USERS).toHaveLength(20);
  });

  it("places township staff in townships and county staff at the county", () => {
    for (const u of DEMO_USERS) {
      const level = regionByCode(u.regionCode)?.level;
      const township = u.role === "TOWNSHIP_CLERK" || u.role === "TOWNSHIP_REVIEWER";
      expect(level, u.username).toBe(township ? "TOWNSHIP" : "COUNTY");
      expect(isWithin(u.regionCode, u.countyKey === "yx" ? "140322" : "500110")).toBe(true);
      expect(u.username.startsWith(`${u.countyKey}-`)).toBe(true);
    }
    expect(demoUser("yx-clerk").regionCode).not.toBe(demoUser("yx-clerk2").regionCode);
    expect(demoUser("qj-reviewer").regionCode).not.toBe(demoUser("qj-reviewer2").regionCode);
    expect(demoUser("yx-clerk").regionCode).toBe(demoUser("yx-reviewer").regionCode);
  });
});

describe("demoUsersMarkdown", () => {
  it("lists every account", async () => {
    const { demoUsersMarkdown } = await import("./users");
    const md = demoUsersMarkdown();
    for (const u of DEMO_USERS) expect(md).toContain(`\`${u.username}\``);
    expect(md).toContain("Demo@2026");
  });
});
