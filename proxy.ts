import { NextResponse, type NextRequest } from "next/server";
import zh from "@/messages/zh-CN.json";
import { contentSecurityPolicy, HSTS, isHttps, makeNonce } from "@/lib/security/headers";
import { isSoundActionRequest } from "@/lib/security/action-payload";
import { isDecodablePath } from "@/lib/security/request-path";

// Next.js 16's request proxy (formerly middleware): a CSP nonce per request, passed to the render
// through the request's own CSP header (Next reads it there) and sent with the response. Security
// decisions are not taken here (decision 004): pages and commands check the actor themselves.
export async function proxy(request: NextRequest) {
  // Before Next decodes the path or a server action's body (a malformed one is a 500 there).
  // Chinese: no session, no locale yet.
  const badPath = !isDecodablePath(request.nextUrl.pathname);
  const badBody = !badPath && request.method === "POST" && request.headers.has("next-action") && !(await isSoundActionRequest(request));
  if (badPath || badBody) {
    return new NextResponse(badPath ? zh.errors.badRequest : zh.errors.badRequestBody, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = makeNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (isHttps(request.nextUrl, request.headers.get("x-forwarded-proto"))) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Pages and route handlers; not the static files (no scripts run from them; next.config.js gives
  // them the static headers).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
