import "server-only";
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/errors";
import type { Actor, RequestContext } from "@/lib/policy/actor";
import { loadSystemActor } from "@/lib/server/auth/actor";
import type { PrismaClient } from "@/lib/server/db/client";

/** `fj_` + 8 characters of prefix + `_` + 43 characters of secret (32 random bytes, base64url). */
const TOKEN = /^fj_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export function tokenSha256(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Minutes are the rate limit's windows. */
function windowOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

/**
 * The actor behind a bearer token: its system account, narrowed to the token's permissions. An unknown,
 * malformed, revoked or expired token, or one whose account or organization is inactive, is UNAUTHENTICATED
 * (one answer for all, so a probe learns nothing). Each request counts against the token's per-minute limit,
 * atomically (one upsert), and past it is RATE_LIMITED.
 */
export async function authenticateApiToken(db: PrismaClient, token: string, _context: RequestContext, now = new Date()): Promise<Actor> {
  if (!TOKEN.test(token)) throw new DomainError("UNAUTHENTICATED");
  const found = await db.apiToken.findUnique({ where: { secretSha256: tokenSha256(token) }, select: { id: true, userId: true, permissions: true, expiresAt: true, revokedAt: true, rateLimitPerMinute: true, lastUsedAt: true } });
  if (!found || found.revokedAt || found.expiresAt <= now) throw new DomainError("UNAUTHENTICATED");
  const actor = await loadSystemActor(db, found.userId);
  if (!actor) throw new DomainError("UNAUTHENTICATED");

  const windowStart = windowOf(now);
  const [usage] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiTokenUsage" ("tokenId", "windowStart", "count") VALUES (${found.id}::uuid, ${windowStart}, 1)
    ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET "count" = "ApiTokenUsage"."count" + 1
    RETURNING "count"`;
  if ((usage?.count ?? 0) > found.rateLimitPerMinute) throw new DomainError("RATE_LIMITED");
  // The last use, to the minute: enough to see a forgotten token, without a write on every request.
  if (!found.lastUsedAt || found.lastUsedAt < windowStart) await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  return { ...actor, token: { id: found.id, permissions: found.permissions } };
}
