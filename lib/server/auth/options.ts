import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/server/db/client";
import { ZLoginInput } from "@/lib/validation/auth";
import { attemptLogin } from "./login";

/** Codes the login form turns into messages (next-auth passes a thrown error's message through). */
export const LOGIN_ERROR = { invalid: "INVALID", locked: "LOCKED", validation: "VALIDATION" } as const;

const SESSION_HOURS = 8;

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const value = headers instanceof Headers ? headers.get(name) : (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : (value ?? undefined);
}

export const authOptions: NextAuthOptions = {
  // next-auth v4 (stable line) with JWT sessions: credentials login needs them (docs/decisions/003-authentication.md).
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  // Secure cookies whenever the site is served over https, which production is.
  useSecureCookies: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZLoginInput.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(LOGIN_ERROR.validation);
        const result = await attemptLogin(getDb(), parsed.data, {
          requestId: header(req?.headers, "x-request-id"),
          ip: header(req?.headers, "x-forwarded-for"),
        });
        if (result.ok) return { id: result.userId, sessionVersion: result.sessionVersion };
        throw new Error(result.reason === "LOCKED" ? `${LOGIN_ERROR.locked}:${result.lockedUntil.toISOString()}` : LOGIN_ERROR.invalid);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion };
    },
  },
};
