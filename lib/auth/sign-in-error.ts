// The same classes next-auth re-exports; imported from their source so unit tests need no Next.js.
import { AuthError, CredentialsSignin } from "@auth/core/errors";

/**
 * What the login form says about a failed sign-in. Only Auth.js's CredentialsSignin is a refused
 * credential; any other error (the database down or read-only) is "unavailable", with a request id,
 * never "wrong password". Anything that is no AuthError (the redirect after success) is rethrown.
 */
export function signInOutcome(error: unknown): "invalid" | "throttled" | "unavailable" | "rethrow" {
  if (error instanceof CredentialsSignin) return error.code === "throttled" ? "throttled" : "invalid";
  if (error instanceof AuthError) return "unavailable";
  return "rethrow";
}
