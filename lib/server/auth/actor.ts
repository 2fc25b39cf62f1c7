import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { localeFromDb } from "@/lib/i18n/config";
import type { Actor } from "@/lib/server/policy/actor";

/**
 * The actor for a session token: read from the database on every request, so a deactivated user, a
 * deactivated organization, or a password change (which bumps `sessionVersion`) ends the session at once.
 */
export async function loadActor(db: PrismaClient, userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { organization: true } });
  if (!user || !user.active || !user.organization.active || user.sessionVersion !== sessionVersion) return null;
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
