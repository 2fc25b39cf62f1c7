import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers as requestHeaders } from "next/headers";
import { getDb } from "@/lib/server/db/client";
import { clientAddress } from "@/lib/security/client-address";
import { safeRedirectUrl } from "@/lib/security/callback-url";
import type { RequestContext } from "@/lib/server/policy/actor";
import { ZLoginInput } from "@/lib/validation/auth";
import { attemptLogin } from "./login";
import { endSession } from "./sessions";

/** Codes the login form turns into messages (next-auth passes a thrown error's message through). */
export const LOGIN_ERROR = { invalid: "INVALID", throttled: "THROTTLED", validation: "VALIDATION" } as const;

const SESSION_HOURS = 8;

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const value = headers instanceof Headers ? headers.get(name) : (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : (value ?? undefined);
}

/** The request behind a next-auth event (events get no request of their own; the route runs in Next's scope). */
async function eventContext(): Promise<RequestContext> {
  try {
    const h = await requestHeaders();
    return { requestId: h.get("x-request-id") ?? undefined, ip: clientAddress(h.get("x-forwarded-for")) };
  } catch {
    return {};
  }
}

export const authOptions: NextAuthOptions = {
  // next-auth v4 (stable line) with JWT sessions: credentials login needs them (docs/decisions/003-authentication.md).
  // The JWT names a UserSession row that signing out closes (docs/decisions/014).
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
          ip: clientAddress(header(req?.headers, "x-forwarded-for")),
        });
        if (result.ok) return { id: result.userId, sessionVersion: result.sessionVersion, sessionId: result.sessionId };
        throw new Error(result.reason === "THROTTLED" ? `${LOGIN_ERROR.throttled}:${result.retryAfter.toISOString()}` : LOGIN_ERROR.invalid);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; sessionVersion?: number; sessionId?: string };
        token.sub = signedIn.id;
        token.sessionVersion = signedIn.sessionVersion ?? 0;
        token.sid = signedIn.sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion, sessionId: token.sid };
    },
    // Every address next-auth would send the browser to (callbackUrl from a query, a form or a cookie) stays on
    // this site, and is a path only: issue 12, item 13.
    async redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
  },
  events: {
    // Signing out closes this session on the server, so the cookie, if it was copied, no longer works.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string") await endSession(getDb(), token.sid, await eventContext());
    },
  },
};
