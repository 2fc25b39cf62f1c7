import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import type { RequestContext } from "@/lib/server/policy/actor";
import { dummyPasswordHash, verifyPassword } from "./password";

/** After 5 failed attempts for one account within 15 minutes, the account is locked for 15 minutes. */
export const THROTTLE = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

export type LoginResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date };

interface ThrottleState {
  failedLoginCount: number;
  failedWindowStart: Date | null;
  lockedUntil: Date | null;
}

/** Pure: the throttle state after one more failure at `now`. */
export function nextFailureState(state: ThrottleState, now: Date): ThrottleState {
  const windowOpen = state.failedWindowStart !== null && now.getTime() - state.failedWindowStart.getTime() < THROTTLE.windowMs;
  const count = windowOpen ? state.failedLoginCount + 1 : 1;
  const windowStart = windowOpen ? state.failedWindowStart : now;
  if (count >= THROTTLE.maxFailures) {
    return { failedLoginCount: 0, failedWindowStart: null, lockedUntil: new Date(now.getTime() + THROTTLE.lockMs) };
  }
  return { failedLoginCount: count, failedWindowStart: windowStart, lockedUntil: state.lockedUntil };
}

/**
 * Checks a username and password. The lock lives in the database, so it survives restarts and holds
 * across several app instances; each change is a compare-and-set on `version`, retried on a race, so two
 * instances counting failures at once cannot lose one.
 */
export async function attemptLogin(
  db: PrismaClient,
  input: { username: string; password: string },
  context: RequestContext = {},
  now: Date = new Date(),
): Promise<LoginResult> {
  const username = input.username.trim();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const user = await db.user.findUnique({ where: { username }, include: { organization: { select: { active: true } } } });
    if (!user || !user.active || !user.organization.active) {
      await verifyPassword(await dummyPasswordHash(), input.password);
      await db.$transaction((tx) =>
        recordAudit(tx, { actor: null, actorLabel: username.slice(0, 100), action: "auth.login", entity: "User", entityId: user?.id, outcome: "FAILED", after: { reason: user ? "INACTIVE" : "UNKNOWN_USER" }, context, at: now }),
      );
      return { ok: false, reason: "INVALID" };
    }

    const label = { actor: null, actorLabel: user.username, entity: "User", entityId: user.id, context, at: now } as const;
    if (user.lockedUntil && user.lockedUntil > now) {
      await db.$transaction((tx) => recordAudit(tx, { ...label, action: "auth.login", outcome: "DENIED", after: { reason: "LOCKED", lockedUntil: user.lockedUntil } }));
      return { ok: false, reason: "LOCKED", lockedUntil: user.lockedUntil };
    }

    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    const next = passwordOk
      ? { failedLoginCount: 0, failedWindowStart: null, lockedUntil: null, lastLoginAt: now }
      : nextFailureState(user, now);
    const result = await db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({ where: { id: user.id, version: user.version }, data: { ...next, version: { increment: 1 } } });
      if (count !== 1) return "RETRY" as const;
      if (passwordOk) {
        await recordAudit(tx, { ...label, action: "auth.login", outcome: "OK" });
        return { ok: true as const, userId: user.id, sessionVersion: user.sessionVersion };
      }
      const locked = next.lockedUntil && next.lockedUntil > now ? next.lockedUntil : null;
      await recordAudit(tx, { ...label, action: locked ? "auth.lock" : "auth.login", outcome: "FAILED", after: { reason: "WRONG_PASSWORD", lockedUntil: locked } });
      return locked ? { ok: false as const, reason: "LOCKED" as const, lockedUntil: locked } : { ok: false as const, reason: "INVALID" as const };
    });
    if (result !== "RETRY") return result;
  }
  return { ok: false, reason: "INVALID" };
}
