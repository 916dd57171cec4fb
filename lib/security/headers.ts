// Response headers of every page (docs/decisions/014). The Content-Security-Policy carries a
// fresh nonce per request; Next.js reads it from the request's own CSP header and puts it on its
// inline scripts, so no inline script runs without it.

/** A nonce: 16 random bytes, base64 (CSP nonce-source). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts that Next's nonced scripts load may run; nothing else. React's
    // development build needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // style="" attributes (React sets some); they cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join("; ");
}

/** Only over HTTPS (directly, or as the reverse proxy says): a browser on plain HTTP must not learn it. */
export const HSTS = "max-age=31536000; includeSubDomains";

export function isHttps(url: URL, forwardedProto: string | null): boolean {
  return (forwardedProto ?? "").split(",")[0]?.trim() === "https" || url.protocol === "https:";
}
