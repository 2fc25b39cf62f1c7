import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TDecideAppealInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

const FINDING_STATUS_AFTER = { APPEAL_REJECTED: "UPHELD", FINDING_AMENDED: "AMENDED", FINDING_WITHDRAWN: "WITHDRAWN" } as const;

/**
 * DECIDE_APPEAL (Liuzhou plan §四(二), 复核): the city's review group decides one open appeal. The finding is
 * upheld, amended to the revised amount, or withdrawn; the last decision returns the case to HANDED_OVER,
 * where the confirmation notice follows. An appeal against the whole case (a duplicate deduction without a
 * finding) can only be rejected: amending or withdrawing needs the finding it concerns.
 */
export async function decideAppeal(db: PrismaClient, actor: Actor, input: TDecideAppealInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "DECIDE_APPEAL" },
    async (tx, found) => {
      const appeal = await tx.appeal.findFirst({ where: { id: input.appealId, caseId: found.id }, select: { id: true, status: true, findingId: true } });
      if (!appeal) throw new DomainError("VALIDATION", { appealId: "validation.invalidChoice" });
      if (appeal.status !== "OPEN") throw new DomainError("APPEAL_ALREADY_DECIDED");
      if (appeal.findingId === null && input.decision !== "APPEAL_REJECTED") throw new DomainError("VALIDATION", { decision: "validation.decisionNeedsFinding" });

      const revisedAmount = input.decision === "FINDING_AMENDED" ? input.revisedAmount! : null;
      await tx.review.create({
        data: {
          appealId: appeal.id,
          decision: input.decision,
          revisedAmount,
          reasoning: input.reasoning,
          expertMeeting: input.expertMeeting ?? false,
          meetingNote: input.meetingNote ?? null,
          decidedById: actor.userId,
          decidedAt: now,
        },
      });
      await tx.appeal.update({ where: { id: appeal.id }, data: { status: "DECIDED", version: { increment: 1 } } });
      if (appeal.findingId !== null) {
        await tx.finding.update({
          where: { id: appeal.findingId },
          data: { status: FINDING_STATUS_AFTER[input.decision], ...(revisedAmount ? { amount: revisedAmount } : {}), version: { increment: 1 } },
        });
      }
      return { appealId: appeal.id, decision: input.decision, revisedAmount };
    },
    { ...options, now },
  );
}
