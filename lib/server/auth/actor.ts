import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { localeFromDb } from "@/lib/i18n/config";
import type { Actor } from "@/lib/server/policy/actor";
import { isUuid } from "./sessions";

/** What the session cookie carries (lib/server/auth/options.ts). */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  sessionId: string;
}

/**
 * The actor for a session cookie, read from the database on every request, so that each of these ends the
 * session at once: signing out (the session row is closed), the session's absolute end, a deactivated user or
 * organization, and a password change (which bumps `sessionVersion`). The session check is an EXISTS on the
 * session's primary key inside the user's own read: no extra round trip on the path every request takes.
 */
export async function loadActor(db: PrismaClient, claims: SessionClaims, now: Date = new Date()): Promise<Actor | null> {
  if (!isUuid(claims.sessionId) || !isUuid(claims.userId) || !Number.isInteger(claims.sessionVersion)) return null;
  const user = await db.user.findFirst({
    where: {
      id: claims.userId,
      active: true,
      sessionVersion: claims.sessionVersion,
      organization: { active: true },
      sessions: { some: { id: claims.sessionId, endedAt: null, expiresAt: { gt: now } } },
    },
    include: { organization: { select: { kind: true, poolingRegionId: true } } },
  });
  return user ? actorOf(user) : null;
}

/**
 * The actor of a system account that an API token acts as (lib/server/api-tokens): active, in an active
 * organization, and a system account (never a person's account). No session: the token is checked instead.
 */
export async function loadSystemActor(db: PrismaClient, userId: string): Promise<Actor | null> {
  const user = await db.user.findFirst({
    where: { id: userId, active: true, isSystemAccount: true, organization: { active: true } },
    include: { organization: { select: { kind: true, poolingRegionId: true } } },
  });
  return user ? actorOf(user) : null;
}

type UserWithOrganization = { id: string; username: string; displayName: string; role: Actor["role"]; organizationId: string; locale: "ZH_CN" | "EN"; organization: { kind: Actor["organizationKind"]; poolingRegionId: string | null } };

function actorOf(user: UserWithOrganization): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    organizationKind: user.organization.kind,
    poolingRegionId: user.organization.poolingRegionId,
    locale: localeFromDb(user.locale),
  };
}
