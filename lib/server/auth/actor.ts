import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import type { OrganizationKind, Role } from "@/lib/server/db/generated/enums";
import { localeFromDb } from "@/lib/i18n/config";
import type { Actor } from "@/lib/server/policy/actor";
import { isUuid } from "./sessions";

/** What the session cookie carries (lib/server/auth/options.ts). */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  sessionId: string;
}

interface ActorRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  locale: string;
  kind: OrganizationKind;
  poolingRegionId: string | null;
}

/**
 * The actor for a session cookie, read from the database on every request, so that each of these ends the
 * session at once: signing out (the session row is closed), the session's absolute end, a deactivated user or
 * organization, and a password change (which bumps `sessionVersion`). One query, three primary-key lookups: it
 * runs on every request, so it is written as one round trip rather than Prisma's one query per relation.
 */
export async function loadActor(db: PrismaClient, claims: SessionClaims, now: Date = new Date()): Promise<Actor | null> {
  if (!isUuid(claims.sessionId) || !isUuid(claims.userId) || !Number.isInteger(claims.sessionVersion)) return null;
  const rows = await db.$queryRaw<ActorRow[]>`
    SELECT u."id", u."username", u."displayName", u."role"::text AS "role", u."organizationId", u."locale"::text AS "locale",
           o."kind"::text AS "kind", o."poolingRegionId"
      FROM "UserSession" s
      JOIN "User" u ON u."id" = s."userId"
      JOIN "Organization" o ON o."id" = u."organizationId"
     WHERE s."id" = ${claims.sessionId}::uuid AND s."userId" = ${claims.userId}::uuid
       AND s."endedAt" IS NULL AND s."expiresAt" > ${now}
       AND u."active" AND o."active" AND u."sessionVersion" = ${claims.sessionVersion}`;
  const user = rows[0];
  if (!user) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    organizationKind: user.kind,
    poolingRegionId: user.poolingRegionId,
    locale: localeFromDb(user.locale as Parameters<typeof localeFromDb>[0]),
  };
}
