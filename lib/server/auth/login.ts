import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import type { RequestContext } from "@/lib/server/policy/actor";
import { dummyPasswordHash, verifyPassword } from "./password";
import { purgeEndedSessions, startSession } from "./sessions";
import { loginThrottleKeys, purgeThrottleRows, reserveAttempt, settleSuccess } from "./throttle";

export type LoginResult =
  | { ok: true; userId: string; sessionVersion: number; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED"; retryAfter: Date };

/**
 * Checks a username and password (docs/decisions/014). Every refusal looks the same whether the account exists,
 * is deactivated, or the password is wrong: the same answer, the same throttling (keyed by what was typed), and
 * the same work (a dummy hash is verified when there is no account), so nobody can find out which accounts exist.
 */
export async function attemptLogin(
  db: PrismaClient,
  input: { username: string; password: string },
  context: RequestContext = {},
  now: Date = new Date(),
): Promise<LoginResult> {
  const username = input.username.trim();
  const keys = loginThrottleKeys(username, context.ip);
  const audit = { actor: null, actorLabel: username.slice(0, 100), action: "auth.login", entity: "User", context, at: now } as const;

  const reservation = await reserveAttempt(db, keys, now);
  if (!reservation.allowed) {
    await db.$transaction((tx) => recordAudit(tx, { ...audit, outcome: "DENIED", after: { reason: "THROTTLED", blockedUntil: reservation.blockedUntil } }));
    return { ok: false, reason: "THROTTLED", retryAfter: reservation.blockedUntil };
  }

  const user = await db.user.findUnique({ where: { username }, include: { organization: { select: { active: true } } } });
  // A system account acts only through its API tokens (issue 13): it never signs in with a password.
  const usable = user !== null && user.active && user.organization.active && !user.isSystemAccount;
  const passwordOk = await verifyPassword(usable ? user.passwordHash : await dummyPasswordHash(), input.password);

  if (usable && passwordOk) {
    const sessionId = await db.$transaction(async (tx) => {
      await settleSuccess(tx, keys, now);
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      const id = await startSession(tx, user.id, now);
      await recordAudit(tx, { ...audit, actorLabel: user.username, entityId: user.id, outcome: "OK", after: { sessionId: id } });
      return id;
    });
    // Housekeeping on the quiet path: a successful sign-in is rare enough and never under an attacker's control.
    await Promise.all([purgeEndedSessions(db, now), purgeThrottleRows(db, now)]);
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion, sessionId };
  }

  const reason = !user ? "UNKNOWN_USER" : !usable ? "INACTIVE" : "WRONG_PASSWORD";
  const blockedUntil = reservation.blockedUntil;
  await db.$transaction((tx) =>
    recordAudit(tx, { ...audit, action: blockedUntil ? "auth.throttle" : "auth.login", entityId: user?.id, outcome: "FAILED", after: { reason, blockedUntil } }),
  );
  return blockedUntil ? { ok: false, reason: "THROTTLED", retryAfter: blockedUntil } : { ok: false, reason: "INVALID" };
}
