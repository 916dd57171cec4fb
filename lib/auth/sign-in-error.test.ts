import { CallbackRouteError, CredentialsSignin } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { signInOutcome } from "@/lib/auth/sign-in-error";

describe("signInOutcome", () => {
  it("calls only a refused credential a wrong password", () => {
    expect(signInOutcome(new CredentialsSignin())).toBe("invalid");
    const throttled = new CredentialsSignin();
    throttled.code = "throttled";
    expect(signInOutcome(throttled)).toBe("throttled");
  });

  it("reports a database error during sign-in as unavailable, not as a wrong password", () => {
    const dbDown = new CallbackRouteError("callback", { cause: new Error("cannot execute UPDATE in a read-only transaction") });
    expect(signInOutcome(dbDown)).toBe("unavailable");
  });

  it("lets the redirect after a successful sign-in through", () => {
    expect(signInOutcome(new Error("NEXT_REDIRECT"))).toBe("rethrow");
  });
});
