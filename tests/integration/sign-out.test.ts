// Issue 12, item 16: after signing out, a copied session cookie kept working for hours. Here the cookie is the real
// one: next-auth's own handler (the one app/api/auth/[...nextauth] serves) signs in, reads the session and signs out,
// with our options; the actor is then built from the session exactly as every request builds it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthOptions } from "next-auth";
import { loadActor } from "@/lib/server/auth/actor";
import { changePassword } from "@/lib/server/account";
import { FACTORY_PASSWORD, makeUser } from "../factories";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
let authOptions: AuthOptions;
let NextAuth: (req: unknown, res: unknown, options: AuthOptions) => Promise<unknown>;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3999");
  vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-of-at-least-thirty-two-characters");
  vi.stubEnv("DATABASE_URL", t.url);
  vi.stubEnv("DATABASE_SCHEMA", t.schema);
  authOptions = (await import("@/lib/server/auth/options")).authOptions;
  NextAuth = (await import("next-auth")).default as unknown as typeof NextAuth;
});
afterAll(async () => {
  const holder = globalThis as unknown as { feijianPrisma?: { $disconnect(): Promise<void> } };
  await holder.feijianPrisma?.$disconnect();
  delete holder.feijianPrisma;
  vi.unstubAllEnvs();
});

type Jar = Record<string, string>;

/** One request to next-auth's handler, as the browser would send it; returns the body and the cookies it set. */
async function auth(action: string, options: { method?: string; providerId?: string; body?: Record<string, string>; jar?: Jar } = {}) {
  const headers: Record<string, string | string[]> = {};
  let body: unknown;
  const res = {
    statusCode: 200,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    setHeader(name: string, value: string | string[]) {
      headers[name.toLowerCase()] = value;
      return this;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    end() {},
    json(value: unknown) {
      body = value;
    },
    send(value: unknown) {
      body = value;
    },
  };
  const req = {
    query: { nextauth: options.providerId ? [action, options.providerId] : [action] },
    method: options.method ?? "GET",
    body: options.body ?? {},
    cookies: options.jar ?? {},
    headers: { host: "127.0.0.1:3999", "x-forwarded-for": "10.1.1.1", "x-request-id": `req-${action}` },
  };
  await NextAuth(req, res, authOptions);
  const setCookies = ([] as string[]).concat(headers["set-cookie"] ?? []);
  const jar: Jar = { ...(options.jar ?? {}) };
  for (const line of setCookies) {
    const [pair] = line.split(";");
    const [name, ...value] = pair!.split("=");
    jar[name!.trim()] = decodeURIComponent(value.join("="));
  }
  return { status: res.statusCode, body, jar };
}

/** Signs in through the credentials form; the jar then holds the session cookie. */
async function signIn(username: string): Promise<Jar> {
  const csrf = await auth("csrf");
  const { csrfToken } = csrf.body as { csrfToken: string };
  const result = await auth("callback", { method: "POST", providerId: "credentials", body: { csrfToken, username, password: FACTORY_PASSWORD, json: "true" }, jar: csrf.jar });
  expect(result.jar["next-auth.session-token"], "signed in").toBeTruthy();
  return result.jar;
}

async function signOut(jar: Jar) {
  const csrf = await auth("csrf", { jar });
  const { csrfToken } = csrf.body as { csrfToken: string };
  return auth("signout", { method: "POST", body: { csrfToken, json: "true" }, jar: csrf.jar });
}

/** What the app does on every request (lib/server/auth/session.ts getActor): the session's claims → the actor. */
async function actorFor(cookie: string) {
  const session = (await auth("session", { jar: { "next-auth.session-token": cookie } })).body as { userId?: string; sessionVersion?: number; sessionId?: string };
  if (!session?.userId || !session.sessionId) return null;
  return loadActor(t.db, { userId: session.userId, sessionVersion: session.sessionVersion ?? 0, sessionId: session.sessionId });
}

describe("signing out ends the session on the server", () => {
  it("a session cookie copied before sign-out is treated as signed out when replayed", async () => {
    const user = await makeUser(t.db, "BUREAU_STAFF");
    const jar = await signIn(user.username);
    const copied = jar["next-auth.session-token"]!;
    expect(await actorFor(copied)).toMatchObject({ userId: user.id });

    await signOut(jar);
    expect(await actorFor(copied)).toBeNull();
    const logout = await t.db.auditEvent.findFirstOrThrow({ where: { action: "auth.logout", actorLabel: user.username } });
    expect(logout).toMatchObject({ entity: "UserSession", outcome: "OK" });
  });

  it("signing out on one device leaves the user's other devices signed in; changing the password ends them all", async () => {
    const user = await makeUser(t.db, "CITY_STAFF");
    const office = (await signIn(user.username))["next-auth.session-token"]!;
    const laptopJar = await signIn(user.username);
    const laptop = laptopJar["next-auth.session-token"]!;

    await signOut(laptopJar);
    expect(await actorFor(laptop)).toBeNull();
    const actor = await actorFor(office);
    expect(actor).toMatchObject({ userId: user.id });

    await changePassword(t.db, actor!, { currentPassword: FACTORY_PASSWORD, newPassword: "Brand-new-pass-1", confirmPassword: "Brand-new-pass-1" });
    expect(await actorFor(office)).toBeNull();
  });

  it("signing out twice, or replaying the sign-out, changes nothing more", async () => {
    const user = await makeUser(t.db, "INSPECTOR");
    const jar = await signIn(user.username);
    await signOut(jar);
    await signOut(jar);
    expect(await t.db.auditEvent.count({ where: { action: "auth.logout", actorLabel: user.username } })).toBe(1);
  });

  it("a session ends at its absolute end even if the cookie keeps being refreshed", async () => {
    const user = await makeUser(t.db, "BUREAU_STAFF");
    const cookie = (await signIn(user.username))["next-auth.session-token"]!;
    const session = (await auth("session", { jar: { "next-auth.session-token": cookie } })).body as { sessionId: string };
    const row = await t.db.userSession.findUniqueOrThrow({ where: { id: session.sessionId } });
    const claims = { userId: user.id, sessionVersion: 0, sessionId: session.sessionId };
    expect(await loadActor(t.db, claims, new Date(row.expiresAt.getTime() - 1000))).not.toBeNull();
    expect(await loadActor(t.db, claims, new Date(row.expiresAt.getTime() + 1000))).toBeNull();
    // A cookie without a session id (issued before sessions were recorded), or with a made-up one, is no session.
    expect(await loadActor(t.db, { ...claims, sessionId: "not-a-uuid" })).toBeNull();
    expect(await loadActor(t.db, { ...claims, sessionId: crypto.randomUUID() })).toBeNull();
  });
});
