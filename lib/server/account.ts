import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { localeToDb, type AppLocale } from "@/lib/i18n/config";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import type { TChangePasswordInput } from "@/lib/validation/auth";
import { hashPassword, verifyPassword } from "./auth/password";
import { passwordThrottleKeys, reserveAttempt, settleSuccess } from "./auth/throttle";

const THROTTLED = "errors.passwordAttemptsThrottled";

/**
 * Changing the password ends every session, this one too: `sessionVersion` goes up. The current password is
 * throttled like a sign-in (5 wrong in 15 minutes, then 15 minutes' wait), so a session left open, or a stolen
 * cookie, cannot be used to guess it without limit (issue 12, item 18). Wrong attempts are audited.
 */
export async function changePassword(db: PrismaClient, actor: Actor, input: TChangePasswordInput, context: RequestContext = {}, now: Date = new Date()) {
  requirePermission(actor, "account.changePassword");
  const keys = passwordThrottleKeys(actor.userId);
  const audit = { actor, action: "account.changePassword", entity: "User", entityId: actor.userId, context, at: now } as const;
  const reservation = await reserveAttempt(db, keys, now);
  if (!reservation.allowed) {
    await db.$transaction((tx) => recordAudit(tx, { ...audit, outcome: "DENIED", after: { reason: "THROTTLED", blockedUntil: reservation.blockedUntil } }));
    throw new DomainError("WRONG_PASSWORD", { currentPassword: THROTTLED }, { messageKey: THROTTLED });
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await db.$transaction((tx) => recordAudit(tx, { ...audit, outcome: "FAILED", after: { reason: "WRONG_PASSWORD", blockedUntil: reservation.blockedUntil } }));
    const message = reservation.blockedUntil ? THROTTLED : "errors.wrongPassword";
    throw new DomainError("WRONG_PASSWORD", { currentPassword: message }, { messageKey: message });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await settleSuccess(tx, keys, now);
    const { count } = await tx.user.updateMany({
      where: { id: user.id, version: user.version },
      data: { passwordHash, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    if (count !== 1) throw new DomainError("STALE_VERSION");
    await recordAudit(tx, { actor, action: "account.changePassword", entity: "User", entityId: user.id, context });
    return { sessionVersion: user.sessionVersion + 1 };
  });
}

export async function setLocale(db: PrismaClient, actor: Actor, locale: AppLocale, context: RequestContext = {}) {
  requirePermission(actor, "account.setLocale");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { locale: localeToDb(locale) } });
    await recordAudit(tx, { actor, action: "account.setLocale", entity: "User", entityId: actor.userId, before: { locale: actor.locale }, after: { locale }, context });
  });
}
