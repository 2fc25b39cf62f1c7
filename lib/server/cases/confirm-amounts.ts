import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TCaseCommandInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * CONFIRM_AMOUNTS (Liuzhou plan §四(三)1, 违规金额确认函): the institution confirms the notice's amount; the
 * letter is recorded as signed by the confirming staff member, received now.
 */
export async function confirmAmounts(db: PrismaClient, actor: Actor, input: TCaseCommandInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "CONFIRM_AMOUNTS" },
    async (tx, found) => {
      const notice = await tx.amountConfirmationNotice.findUnique({ where: { caseId: found.id }, select: { id: true, amount: true } });
      if (!notice) throw new DomainError("NOT_FOUND");
      const letter = await tx.confirmationLetter.create({ data: { noticeId: notice.id, signedById: actor.userId, receivedAt: now } });
      return { letterId: letter.id, amount: notice.amount.toFixed(2) };
    },
    { ...options, now },
  );
}
