import "server-only";
import { compareMoney } from "@/lib/domain/money";
import { formatMoney } from "@/lib/i18n/format";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { messageRef } from "@/lib/validation/primitives";
import type { Actor } from "@/lib/server/policy/actor";
import type { TIssueConfirmationNoticeInput } from "@/lib/validation/cases";
import { confirmationBreakdown } from "./confirmation-breakdown";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * ISSUE_CONFIRMATION_NOTICE (Liuzhou plan §四(三)1, 现场检查违规金额确认通知): once the appeal window has closed,
 * the city bureau tells the institution the amount to confirm. The amount is the signed findings' total after
 * the appeal outcomes, with its breakdown per finding kept on the notice; another amount is stated only with
 * the city's written reason (issue 12 §5: a notice of ¥999,999 against findings of ¥21,145.60 went out unasked).
 */
export async function issueConfirmationNotice(db: PrismaClient, actor: Actor, input: TIssueConfirmationNoticeInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "ISSUE_CONFIRMATION_NOTICE" },
    async (tx, found) => {
      const breakdown = await confirmationBreakdown(tx, found.id);
      const amount = input.amount ?? breakdown.total;
      const differs = compareMoney(amount, breakdown.total) !== 0;
      if (differs && !input.deviationReason) {
        throw new DomainError("VALIDATION", { deviationReason: messageRef("cases.deviationReasonRequired", { total: formatMoney(breakdown.total, actor.locale) }) });
      }
      const notice = await tx.amountConfirmationNotice.create({
        data: {
          caseId: found.id,
          number: input.number || null,
          amount,
          findingsAmount: breakdown.total,
          deviationReason: differs ? input.deviationReason! : null,
          breakdown: breakdown.lines as unknown as object[],
          issuedById: actor.userId,
          issuedAt: now,
        },
      });
      return { noticeId: notice.id, amount, findingsAmount: breakdown.total, breakdown: breakdown.lines };
    },
    { ...options, now },
  );
}
