import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttps, makeNonce } from "@/lib/security/headers";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/static-headers.mjs";

describe("security headers", () => {
  it("give every response the static headers, and no version", async () => {
    const config = ((await import("@/next.config.js" as string)) as { default: { poweredByHeader?: boolean; headers?: () => Promise<unknown> } }).default;
    expect(config.poweredByHeader).toBe(false);
    expect(await config.headers?.()).toEqual([{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }]);
    expect(STATIC_SECURITY_HEADERS.map((h) => h.key)).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]));
  });

  it("allow scripts only with this request's nonce, and no framing", () => {
    const nonce = makeNonce();
    expect(nonce).not.toBe(makeNonce());
    const csp = contentSecurityPolicy(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  });

  it("send HSTS only over HTTPS", () => {
    expect(isHttps(new URL("http://127.0.0.1/login"), null)).toBe(false);
    expect(isHttps(new URL("http://127.0.0.1/login"), "https")).toBe(true);
    expect(isHttps(new URL("https://county.example/login"), null)).toBe(true);
  });
});
