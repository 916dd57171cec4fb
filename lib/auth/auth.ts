import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyLogin } from "@/lib/auth/login";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/security-settings";
import { claimsOf, sessionStanding } from "@/lib/auth/session-standing";
import { prisma } from "@/lib/db";
import { cleanText } from "@/lib/text-input";

class ThrottledSignin extends CredentialsSignin {
  override code = "throttled";
}

// The same bounds as the form (lib/auth/auth.actions.ts): a 100 KB user name never reaches the
// database or the audit log.
const credentialsSchema = z.object({ username: z.string().trim().min(1).pipe(cleanText(64)), password: z.string().min(1).max(1024) });

/**
 * The client address as next-server passes it: X-Forwarded-For, which next-server fills with the
 * socket's address when the client sent none. Behind a reverse proxy, the proxy must set it
 * (docs/decisions/008); the first entry is the client.
 */
function clientAddress(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for");
  return forwarded ? (forwarded.split(",")[0] ?? "").trim() : null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // The cookie lives a day longer than the session, so that getActor sees an expired session and
  // audits its end (lib/auth/session.ts) instead of the cookie silently vanishing.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS + 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const result = await verifyLogin(prisma, { ...parsed.data, address: clientAddress(request) });
        if (!result.ok) throw result.reason === "THROTTLED" ? new ThrottledSignin() : new CredentialsSignin();
        return { id: result.userId, pwdAt: result.passwordChangedAt.getTime(), sv: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.pwdAt = user.pwdAt;
        token.sv = user.sv;
        token.loginAt = Date.now();
        return token;
      }
      // A renewal (/api/auth/session, or any auth() call) re-reads the account: a revoked or
      // expired session gets no fresh cookie, it is cleared.
      const claims = claimsOf(token);
      if (!claims) return null;
      const account = await prisma.user.findUnique({ where: { id: claims.uid }, select: { active: true, passwordChangedAt: true, sessionVersion: true } });
      const standing = sessionStanding(claims, account, Date.now());
      // An expired session is left for getActor to audit and revoke; it never renews.
      return standing === "revoked" ? null : token;
    },
    session({ session, token }) {
      const claims = claimsOf(token);
      session.uid = claims?.uid ?? "";
      session.pwdAt = claims?.pwdAt ?? 0;
      session.sv = claims?.sv ?? 0;
      session.loginAt = claims?.loginAt ?? 0;
      return session;
    },
  },
});

declare module "next-auth" {
  interface User {
    pwdAt?: number;
    sv?: number;
  }
  interface Session {
    uid: string;
    pwdAt: number;
    sv: number;
    loginAt: number;
  }
}
