import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TDeliverNoticeInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * DELIVER_NOTICE (Jilin plan §四(二)2): the leader records the on-site notice as read and delivered, to
 * whom and when. From `noticeDeliveredAt` on, the institution and its city bureau can see the case.
 */
export async function deliverNotice(db: PrismaClient, actor: Actor, input: TDeliverNoticeInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  const deliveredAt = input.deliveredAt ?? now;
  if (deliveredAt.getTime() > now.getTime()) throw new DomainError("VALIDATION", { deliveredAt: "validation.dateInFuture" });

  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "DELIVER_NOTICE" },
    async (tx, found) => {
      await tx.inspectionCase.update({ where: { id: found.id }, data: { noticeDeliveredAt: deliveredAt } });
      return tx.onSiteNotice.create({
        data: {
          caseId: found.id,
          number: input.number,
          recipientName: input.recipientName,
          recipientTitle: input.recipientTitle,
          deliveredAt,
          deliveredById: actor.userId,
        },
      });
    },
    { ...options, now },
  );
}
