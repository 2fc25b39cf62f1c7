import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { computeDeadline, deadlineData } from "./deadlines";
import type { TEndHandlingInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

export { WRITTEN_REPORT_WORKING_DAYS } from "./deadlines";

/**
 * END_HANDLING (Jilin plan §四(三)): the city bureau ends its handling with the amount handled; the written
 * report is due on the 5th working day after that day in China time, from the calendar (a year whose holiday
 * arrangement is not entered leaves it pending that year, never guessed; the handling still ends). A result
 * that differs much is explained in writing here, so that the written report's guard (needsDifferenceExplanation, read from the facts before its transaction) finds it.
 */
export async function endHandling(db: PrismaClient, actor: Actor, input: TEndHandlingInput, options: CaseOperationOptions = {}) {
  if (input.differsFromHandover && !input.differenceExplanation) throw new DomainError("VALIDATION", { differenceExplanation: "validation.required" });
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "END_HANDLING" },
    async (tx, found) => {
      const deadline = await computeDeadline(tx, "WRITTEN_REPORT", now);
      await tx.inspectionCase.update({
        where: { id: found.id },
        data: { handlingEndedAt: now, handledAmount: input.handledAmount, handlingDiffersFromHandover: input.differsFromHandover ?? false, ...deadlineData("WRITTEN_REPORT", deadline) },
      });
      if (input.differsFromHandover && input.differenceExplanation) {
        await tx.differenceExplanation.create({
          data: { caseId: found.id, explanation: input.differenceExplanation, writtenById: actor.userId, submittedAt: now },
        });
      }
      return {
        handlingEndedAt: now,
        handledAmount: input.handledAmount,
        differsFromHandover: input.differsFromHandover ?? false,
        writtenReportDueOn: deadline.status === "DUE" ? deadline.dueOn : null,
        writtenReportDueAwaitsYear: deadline.status === "PENDING" ? deadline.awaitsYear : null,
      };
    },
    { ...options, now },
  );
}
