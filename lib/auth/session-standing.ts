import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/security-settings";

/** What a session cookie says about itself (lib/auth/auth.ts writes it at sign-in). */
export type SessionClaims = { uid: string; pwdAt: number; sv: number; loginAt: number };

/** What the database says about the account now. */
export type AccountStanding = { active: boolean; passwordChangedAt: Date; sessionVersion: number };

/**
 * Whether a session still stands. Read on every request (getActor) and on every renewal
 * (/api/auth/session), so that neither a page nor a renewed cookie outlives a logout, a password
 * change, a deactivation or the session's absolute lifetime.
 */
export function sessionStanding(claims: SessionClaims, account: AccountStanding | null, now: number): "valid" | "revoked" | "expired" {
  if (!account || !account.active) return "revoked";
  if (account.sessionVersion !== claims.sv) return "revoked";
  if (account.passwordChangedAt.getTime() > claims.pwdAt) return "revoked";
  if (now - claims.loginAt > SESSION_MAX_AGE_SECONDS * 1000) return "expired";
  return "valid";
}

/** The claims of a decoded token, or null when any is missing (a cookie from before session versions). */
export function claimsOf(token: Record<string, unknown>): SessionClaims | null {
  const { uid, pwdAt, sv, loginAt } = token;
  if (typeof uid !== "string" || typeof pwdAt !== "number" || typeof sv !== "number" || typeof loginAt !== "number") return null;
  return { uid, pwdAt, sv, loginAt };
}
