import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyLogin } from "@/lib/auth/login";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/security-settings";
import { prisma } from "@/lib/db";

class LockedSignin extends CredentialsSignin {
  override code = "locked";
}

const credentialsSchema = z.object({ username: z.string().trim().min(1), password: z.string().min(1) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const result = await verifyLogin(prisma, parsed.data.username, parsed.data.password);
        if (!result.ok) throw result.reason === "LOCKED" ? new LockedSignin() : new CredentialsSignin();
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
