import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TConfirmationNoticeReasonInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

type Outcome = "WITHDRAWN" | "DISPUTED";

/**
 * The confirmation notice leaves the case before it is confirmed, kept as issued with who ended it, when and
 * why: the city withdraws it to correct it (WITHDRAW_CONFIRMATION_NOTICE), or the institution disputes it
 * with its reasons (DISPUTE_CONFIRMATION_NOTICE, back to the city; 条例 art. 31). The city may then issue a new one.
 */
async function supersede(db: PrismaClient, actor: Actor, input: TConfirmationNoticeReasonInput, outcome: Outcome, options: CaseOperationOptions) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: outcome === "WITHDRAWN" ? "WITHDRAW_CONFIRMATION_NOTICE" : "DISPUTE_CONFIRMATION_NOTICE" },
    async (tx, found) => {
      const notice = await tx.amountConfirmationNotice.findUnique({ where: { caseId: found.id }, include: { confirmationLetter: { select: { id: true } } } });
      // The workflow's guard holds only while a notice is current, and a confirmed case has left HANDED_OVER.
      if (!notice || notice.confirmationLetter) throw new DomainError("NOT_FOUND");
      const kept = await tx.supersededConfirmationNotice.create({
        data: {
          caseId: found.id,
          number: notice.number,
          amount: notice.amount,
          findingsAmount: notice.findingsAmount,
          deviationReason: notice.deviationReason,
          breakdown: notice.breakdown ?? [],
          issuedById: notice.issuedById,
          issuedAt: notice.issuedAt,
          outcome,
          reason: input.reason,
          closedById: actor.userId,
          closedAt: now,
        },
      });
      await tx.amountConfirmationNotice.delete({ where: { id: notice.id } });
      return { supersededNoticeId: kept.id, outcome, amount: notice.amount.toFixed(2) };
    },
    { ...options, now },
  );
}

export function withdrawConfirmationNotice(db: PrismaClient, actor: Actor, input: TConfirmationNoticeReasonInput, options: CaseOperationOptions = {}) {
  return supersede(db, actor, input, "WITHDRAWN", options);
}

export function disputeConfirmationNotice(db: PrismaClient, actor: Actor, input: TConfirmationNoticeReasonInput, options: CaseOperationOptions = {}) {
  return supersede(db, actor, input, "DISPUTED", options);
}
