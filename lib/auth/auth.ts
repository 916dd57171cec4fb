import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyLogin } from "@/lib/auth/login";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/security-settings";
import { prisma } from "@/lib/db";

class ThrottledSignin extends CredentialsSignin {
  override code = "throttled";
}

// The same bounds as the form (lib/auth/auth.actions.ts): a 100 KB user name never reaches the
// database or the audit log.
const credentialsSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(1024) });

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
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const result = await verifyLogin(prisma, { ...parsed.data, address: clientAddress(request) });
        if (!result.ok) throw result.reason === "THROTTLED" ? new ThrottledSignin() : new CredentialsSignin();
        return { id: result.userId, pwdAt: result.passwordChangedAt.getTime() };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.pwdAt = user.pwdAt;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = typeof token.uid === "string" ? token.uid : "";
      session.pwdAt = typeof token.pwdAt === "number" ? token.pwdAt : 0;
      return session;
    },
  },
});

declare module "next-auth" {
  interface User {
    pwdAt?: number;
  }
  interface Session {
    uid: string;
    pwdAt: number;
  }
}
