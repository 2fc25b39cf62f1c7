import "server-only";
import { DEFAULT_DIFFERENCE_THRESHOLD, type DifferenceThreshold } from "@/lib/domain/case/handling-difference";
import { recordAudit } from "@/lib/server/audit/record";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { requirePermission } from "@/lib/policy/can";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TUpdateHandlingSettingsInput } from "@/lib/validation/cases";

/** The bureau's threshold of a large difference (Jilin plan §四(三)); the defaults until the bureau sets one. */
export async function getHandlingSettings(db: Tx | PrismaClient): Promise<DifferenceThreshold & { version: number }> {
  const row = await db.handlingSettings.findUnique({ where: { singleton: true } });
  if (!row) return { ...DEFAULT_DIFFERENCE_THRESHOLD, version: 0 };
  return { percent: row.differenceThresholdPercent.toFixed(2), amount: row.differenceThresholdAmount.toFixed(2), version: row.version };
}

export async function getDifferenceThreshold(db: Tx | PrismaClient): Promise<DifferenceThreshold> {
  const { percent, amount } = await getHandlingSettings(db);
  return { percent, amount };
}

/**
 * The bureau sets the threshold, compare-and-set on the version it saw (0 before the first setting). Cases
 * whose handling has already ended keep the judgement made then.
 */
export async function updateHandlingSettings(db: PrismaClient, actor: Actor, input: TUpdateHandlingSettingsInput, context?: RequestContext) {
  requirePermission(actor, "handlingSettings.manage");
  return db.$transaction(async (tx) => {
    const before = await getHandlingSettings(tx);
    if (before.version !== input.version) throw new DomainError("STALE_VERSION");
    const data = { differenceThresholdPercent: input.differenceThresholdPercent, differenceThresholdAmount: input.differenceThresholdAmount, updatedById: actor.userId };
    if (input.version === 0) {
      // Two first settings at once: the unique singleton lets one through, the other fails as a stale page would.
      const created = await tx.handlingSettings.createMany({ data: [{ ...data, version: 1 }], skipDuplicates: true });
      if (created.count !== 1) throw new DomainError("STALE_VERSION");
    } else {
      const updated = await tx.handlingSettings.updateMany({ where: { singleton: true, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count !== 1) throw new DomainError("STALE_VERSION");
    }
    const after = { percent: input.differenceThresholdPercent, amount: input.differenceThresholdAmount };
    await recordAudit(tx, { actor, action: "handlingSettings.update", entity: "HandlingSettings", entityId: null, before: { percent: before.percent, amount: before.amount }, after, context });
    return { ...after, version: input.version + 1 };
  });
}
