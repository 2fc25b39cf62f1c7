import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/server/db/client";
import { requestIdFrom } from "@/lib/security/csp";
import { DEFAULT_LOCALE, isAppLocale, LOCALE_COOKIE, type AppLocale } from "@/lib/i18n/config";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { clientAddress } from "@/lib/security/client-address";
import { loadActor } from "./actor";
import { authOptions } from "./options";

/** The signed-in actor for this request, or null. Read once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sessionVersion?: number; sessionId?: string } | null;
  // A cookie from before sessions were recorded has no session id: it is treated as signed out, once.
  if (!session?.userId || !session.sessionId) return null;
  return loadActor(getDb(), { userId: session.userId, sessionVersion: session.sessionVersion ?? 0, sessionId: session.sessionId });
});

/** The proxy sets the request id for pages; route handlers under /api/ are outside it and make their own here. */
export const getRequestContext = cache(async (): Promise<RequestContext> => {
  const h = await headers();
  return { requestId: requestIdFrom(h.get("x-request-id")), ip: clientAddress(h.get("x-forwarded-for")) };
});

/** A signed-in user's stored choice wins; a visitor's comes from the cookie the language switch sets. */
export const getLocale = cache(async (): Promise<AppLocale> => {
  const actor = await getActor();
  if (actor) return actor.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isAppLocale(cookie) ? cookie : DEFAULT_LOCALE;
});
