import "server-only";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import type { RequestContext } from "@/lib/server/policy/actor";

/**
 * Server-side sessions behind the JWT cookie (docs/decisions/014). The cookie alone cannot be taken back once
 * issued, so it carries the id of a `UserSession` row, and `loadActor` (which already reads the user on every
 * request) reads that row in the same query: signing out closes it, and the copied cookie is refused from then on.
 * One device signing out leaves the others alone; a password change ends them all through `sessionVersion`.
 */

/**
 * However the cookie is refreshed, a session ends this long after sign-in: a long working day. The cookie's own
 * idle limit (8 hours, lib/server/auth/options.ts) still applies inside it.
 */
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Opens a session for a user who has just proved their password; call it in the sign-in's transaction. */
export async function startSession(tx: Tx, userId: string, now: Date = new Date()): Promise<string> {
  const session = await tx.userSession.create({ data: { userId, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) }, select: { id: true } });
  return session.id;
}

/**
 * Signing out: closes the session named by the cookie, with an audit row. Closing one that is already closed
 * (a second click, a replayed sign-out) changes nothing and writes nothing.
 */
export async function endSession(db: PrismaClient, sessionId: string, context: RequestContext = {}, now: Date = new Date()): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  return db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id: sessionId }, include: { user: { select: { username: true, organizationId: true } } } });
    if (!session || session.endedAt) return false;
    const { count } = await tx.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: "SIGNED_OUT", version: { increment: 1 } } });
    if (count !== 1) return false;
    await recordAudit(tx, {
      actor: null,
      actorLabel: session.user.username,
      action: "auth.logout",
      entity: "UserSession",
      entityId: session.id,
      context,
      at: now,
    });
    return true;
  });
}

/** Sessions past their absolute end are of no use to anyone: removed a day later, now and then (at sign-in). */
export async function purgeEndedSessions(db: PrismaClient, now: Date = new Date()): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return count;
}
