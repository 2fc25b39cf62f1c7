import "server-only";
import { DomainError } from "@/lib/errors";
import { authenticateApiToken } from "@/lib/server/api-tokens/authenticate";
import { getActor, getLocale } from "@/lib/server/auth/session";
import { getDb, type PrismaClient } from "@/lib/server/db/client";
import type { Caller } from "./boundary";
import { localeFromRequest, requestContextOf } from "./http";

/**
 * Who calls `/api/v1`: a bearer token's system account (no cookie is looked at), or the signed-in user of the
 * session cookie, or nobody. A malformed `Authorization` header is refused rather than ignored.
 */
export async function callerFromRequest(request: Request, db: PrismaClient = getDb()): Promise<Caller> {
  const context = requestContextOf(request);
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new DomainError("UNAUTHENTICATED");
    const actor = await authenticateApiToken(db, match[1]!, context);
    return { actor, via: "token", locale: localeFromRequest(request), context };
  }
  const actor = await getActor();
  return { actor, via: "session", locale: actor ? actor.locale : await getLocale(), context };
}
