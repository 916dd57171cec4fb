import { describe, expect, it } from "vitest";
import type { Actor, SystemActor } from "@/lib/auth/actor";
import { assertCan, decide, RULES } from "@/lib/auth/decide";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { DutyError, ForbiddenError, NotFoundError, StateError } from "@/lib/errors";

const county = "/14/1403/140322";
const township = `${county}/140322100`;
const user = (role: Actor["role"], regionPath: string, id = "u1"): Actor => ({
  kind: "user", id, username: id, displayName: id, role, regionCode: regionPath.split("/").at(-1) ?? "", regionPath, regionName: "", mustChangePassword: false,
});

describe("decide", () => {
  it("has a rule for every permission", () => {
    expect(Object.keys(RULES).sort()).toEqual([...PERMISSIONS].sort());
  });

  it("checks permission, then region, then state, then duty", () => {
    const approver = user("MEDICAL_SECURITY", county, "approver");
    const inCounty = { entity: "case" as const, id: "c1", regionPath: township, state: "COUNTY_REVIEW", participants: ["clerk", "reviewer"] };
    expect(decide(approver, "case:approve:assistance", inCounty)).toEqual({ ok: true });
    expect(decide(user("VETERANS_AFFAIRS", county), "case:approve:assistance", inCounty)).toEqual({ ok: false, refusal: "permission" });
    expect(decide(approver, "case:approve:assistance", { ...inCounty, regionPath: "/50/5001/500110/500110001" })).toEqual({ ok: false, refusal: "region" });
    expect(decide(approver, "case:approve:assistance", { ...inCounty, state: "PUBLICITY" })).toEqual({ ok: false, refusal: "state" });
    expect(decide(approver, "case:approve:assistance", { ...inCounty, state: undefined })).toEqual({ ok: false, refusal: "state" });
    expect(decide(approver, "case:approve:assistance", { ...inCounty, participants: ["approver"] })).toEqual({ ok: false, refusal: "duty" });
  });

  it("throws the refusal as its typed error", () => {
    const clerk = user("TOWNSHIP_CLERK", township);
    expect(() => assertCan(clerk, "case:approve:assistance")).toThrow(ForbiddenError);
    expect(() => assertCan(clerk, "case:file", { entity: "person", regionPath: `${county}/140322103` })).toThrow(NotFoundError);
    expect(() => assertCan(clerk, "case:file", { entity: "case", regionPath: township, state: "SUBMITTED" })).toThrow(StateError);
    const reviewer = user("MEDICAL_SECURITY", county);
    expect(() => assertCan(reviewer, "case:approve:assistance", { entity: "case", regionPath: township, state: "COUNTY_REVIEW", participants: ["u1"] })).toThrow(DutyError);
  });

  it("a region path is matched on whole codes: 140322100 is not inside 14032210", () => {
    expect(decide(user("TOWNSHIP_CLERK", `${county}/14032210`), "person:read", { entity: "person", regionPath: township })).toEqual({ ok: false, refusal: "region" });
  });

  it("own-account actions apply to the actor's own user only", () => {
    const clerk = user("TOWNSHIP_CLERK", township, "me");
    expect(decide(clerk, "account:self", { entity: "user", id: "me", regionPath: township }).ok).toBe(true);
    expect(decide(clerk, "account:self", { entity: "user", id: "other", regionPath: township })).toEqual({ ok: false, refusal: "region" });
  });

  it("a job acts with the SYSTEM grants inside its region", () => {
    const job: SystemActor = { kind: "system", job: "recompute", jobId: "j1", regionCode: "140322", regionPath: county };
    expect(decide(job, "claim:recompute", { entity: "region", regionPath: county }).ok).toBe(true);
    expect(decide(job, "user:create")).toEqual({ ok: false, refusal: "permission" });
    expect(decide(job, "account:self")).toEqual({ ok: false, refusal: "permission" });
  });

  it("refuses to decide on a record the action does not apply to", () => {
    expect(() => decide(user("ADMIN", county), "user:reset-password", { entity: "person", regionPath: county })).toThrow(/does not apply/);
  });
});
