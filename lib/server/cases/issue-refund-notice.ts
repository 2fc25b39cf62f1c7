import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { chinaDateOf, dbDate } from "./deadlines";
import type { TIssueRefundNoticeInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * ISSUE_REFUND_NOTICE (Liuzhou plan §四(三)2, 现场检查违规金额清退通知): the amount to refund is the confirmed
 * amount, never retyped, into the named fund account, optionally by a due date.
 */
export async function issueRefundNotice(db: PrismaClient, actor: Actor, input: TIssueRefundNoticeInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  // Issue 12 §5: a refund deadline of 2020-01-01 was accepted. A deadline is today or later, in China time.
  if (input.dueOn !== undefined && input.dueOn < chinaDateOf(now)) throw new DomainError("VALIDATION", { dueOn: "validation.dateInPast" });
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "ISSUE_REFUND_NOTICE" },
    async (tx, found) => {
      const confirmed = await tx.amountConfirmationNotice.findUnique({ where: { caseId: found.id }, select: { amount: true } });
      if (!confirmed) throw new DomainError("NOT_FOUND");
      const notice = await tx.refundNotice.create({
        data: {
          caseId: found.id,
          number: input.number || null,
          amount: confirmed.amount,
          fundAccount: input.fundAccount,
          dueOn: input.dueOn ? dbDate(input.dueOn) : null,
          issuedById: actor.userId,
          issuedAt: now,
        },
      });
      return { noticeId: notice.id, amount: confirmed.amount.toFixed(2), dueOn: input.dueOn ?? null };
    },
    { ...options, now },
  );
}
