import { describe, expect, it } from "vitest";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/security-settings";
import { claimsOf, sessionStanding } from "@/lib/auth/session-standing";

const now = Date.UTC(2026, 11, 1, 9);
const claims = { uid: "u", pwdAt: now - 3_600_000, sv: 3, loginAt: now - 60_000 };
const account = { active: true, passwordChangedAt: new Date(claims.pwdAt), sessionVersion: 3 };

describe("sessionStanding", () => {
  it("holds for the session of the current version, password and lifetime", () => {
    expect(sessionStanding(claims, account, now)).toBe("valid");
  });
  it("is revoked by a logout (a raised version), a password change, deactivation or a removed account", () => {
    expect(sessionStanding(claims, { ...account, sessionVersion: 4 }, now)).toBe("revoked");
    expect(sessionStanding(claims, { ...account, passwordChangedAt: new Date(now) }, now)).toBe("revoked");
    expect(sessionStanding(claims, { ...account, active: false }, now)).toBe("revoked");
    expect(sessionStanding(claims, null, now)).toBe("revoked");
  });
  it("expires a fixed time after sign-in, however often it was renewed", () => {
    expect(sessionStanding({ ...claims, loginAt: now - SESSION_MAX_AGE_SECONDS * 1000 - 1 }, account, now)).toBe("expired");
  });
  it("takes no cookie without every claim (older cookies sign in again)", () => {
    expect(claimsOf({ uid: "u", pwdAt: 1 })).toBeNull();
    expect(claimsOf({ uid: "u", pwdAt: 1, sv: 1, loginAt: 2 })).toEqual({ uid: "u", pwdAt: 1, sv: 1, loginAt: 2 });
  });
});
