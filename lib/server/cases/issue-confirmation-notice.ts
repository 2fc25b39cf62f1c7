import "server-only";
import { addMoney } from "@/lib/domain/money";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import type { TIssueConfirmationNoticeInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * ISSUE_CONFIRMATION_NOTICE (Liuzhou plan §四(三)1, 现场检查违规金额确认通知): once the appeal window has closed,
 * the city bureau tells the institution the amount to confirm. Its amount is CaseFacts.confirmedTotal.
 */
export async function issueConfirmationNotice(db: PrismaClient, actor: Actor, input: TIssueConfirmationNoticeInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "ISSUE_CONFIRMATION_NOTICE" },
    async (tx, found) => {
      let amount = input.amount;
      if (amount === undefined) {
        const findings = await tx.finding.findMany({ where: { caseId: found.id, status: { not: "WITHDRAWN" } }, select: { amount: true } });
        amount = addMoney("0.00", ...findings.map((finding) => finding.amount.toFixed(2)));
      }
      const notice = await tx.amountConfirmationNotice.create({
        data: { caseId: found.id, number: input.number || null, amount, issuedById: actor.userId, issuedAt: now },
      });
      return { noticeId: notice.id, amount };
    },
    { ...options, now },
  );
}
