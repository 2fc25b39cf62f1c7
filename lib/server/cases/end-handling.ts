import "server-only";
import { handlingDifference } from "@/lib/domain/case/handling-difference";
import { formatMoney } from "@/lib/i18n/format";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { getDifferenceThreshold } from "@/lib/server/settings/handling-settings";
import { messageRef } from "@/lib/validation/primitives";
import { computeDeadline, deadlineData } from "./deadlines";
import type { TEndHandlingInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

export { WRITTEN_REPORT_WORKING_DAYS } from "./deadlines";

/**
 * END_HANDLING (Jilin plan §四(三)): the city bureau ends its handling with the amount handled; the written
 * report is due on the 5th working day after that day in China time, from the calendar (a year whose holiday
 * arrangement is not entered leaves it pending that year, never guessed; the handling still ends).
 * Whether the result "存在较大差异" from the handed-over one is computed, not ticked: beyond the bureau's
 * threshold (HandlingSettings; default more than 10 % or more than ¥10,000) the written explanation is
 * required here, so the written report's guard (needsDifferenceExplanation) finds it.
 */
export async function endHandling(db: PrismaClient, actor: Actor, input: TEndHandlingInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "END_HANDLING" },
    async (tx, found) => {
      const row = await tx.inspectionCase.findUniqueOrThrow({ where: { id: found.id }, select: { handedOverAmount: true } });
      const handedOver = row.handedOverAmount?.toFixed(2) ?? "0.00";
      const threshold = await getDifferenceThreshold(tx);
      const difference = handlingDifference(handedOver, input.handledAmount, threshold);
      if (difference.large && !input.differenceExplanation) {
        throw new DomainError("VALIDATION", {
          differenceExplanation: messageRef("cases.differenceExplanationRequired", { handedOver: formatMoney(handedOver, actor.locale), difference: formatMoney(difference.difference, actor.locale), percent: `${threshold.percent}%`, amount: formatMoney(threshold.amount, actor.locale) }),
        });
      }
      const deadline = await computeDeadline(tx, "WRITTEN_REPORT", now);
      await tx.inspectionCase.update({
        where: { id: found.id },
        data: { handlingEndedAt: now, handledAmount: input.handledAmount, handlingDiffersFromHandover: difference.large, ...deadlineData("WRITTEN_REPORT", deadline) },
      });
      // An explanation given for a smaller difference is kept too: the city chose to explain it.
      if (input.differenceExplanation) {
        await tx.differenceExplanation.create({
          data: { caseId: found.id, explanation: input.differenceExplanation, writtenById: actor.userId, submittedAt: now },
        });
      }
      return {
        handlingEndedAt: now,
        handledAmount: input.handledAmount,
        handedOverAmount: handedOver,
        difference: difference.difference,
        differsFromHandover: difference.large,
        writtenReportDueOn: deadline.status === "DUE" ? deadline.dueOn : null,
        writtenReportDueAwaitsYear: deadline.status === "PENDING" ? deadline.awaitsYear : null,
      };
    },
    { ...options, now },
  );
}
