import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { localeToDb, type AppLocale } from "@/lib/i18n/config";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import type { TChangePasswordInput } from "@/lib/validation/auth";
import { hashPassword, verifyPassword } from "./auth/password";

/** Changing the password ends every other session: `sessionVersion` goes up. */
export async function changePassword(db: PrismaClient, actor: Actor, input: TChangePasswordInput, context: RequestContext = {}) {
  requirePermission(actor, "account.changePassword");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("WRONG_PASSWORD", { currentPassword: "errors.wrongPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
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
