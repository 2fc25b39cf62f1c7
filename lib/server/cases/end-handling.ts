import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { chinaDateOf, dbDate, withCalendar } from "./deadlines";
import type { TEndHandlingInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** Jilin plan §四(三): the written report within 5 working days after handling ends. */
export const WRITTEN_REPORT_WORKING_DAYS = 5;

/**
 * END_HANDLING (Jilin plan §四(三)): the city bureau ends its handling with the amount handled; the written
 * report is due on the 5th working day after that day in China time, from the calendar (a year it does not
 * know refuses, never guesses). A result that differs much is explained in writing here, so that the written
 * report's guard (needsDifferenceExplanation, read from the facts before its transaction) finds it.
 */
export async function endHandling(db: PrismaClient, actor: Actor, input: TEndHandlingInput, options: CaseOperationOptions = {}) {
  if (input.differsFromHandover && !input.differenceExplanation) throw new DomainError("VALIDATION", { differenceExplanation: "validation.required" });
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "END_HANDLING" },
    async (tx, found) => {
      const dueOn = await withCalendar(tx, (calendar) => calendar.addWorkingDays(chinaDateOf(now), WRITTEN_REPORT_WORKING_DAYS));
      await tx.inspectionCase.update({
        where: { id: found.id },
        data: { handlingEndedAt: now, handledAmount: input.handledAmount, handlingDiffersFromHandover: input.differsFromHandover ?? false, writtenReportDueOn: dbDate(dueOn) },
      });
      if (input.differsFromHandover && input.differenceExplanation) {
        await tx.differenceExplanation.create({
          data: { caseId: found.id, explanation: input.differenceExplanation, writtenById: actor.userId, submittedAt: now },
        });
      }
      return { handlingEndedAt: now, handledAmount: input.handledAmount, differsFromHandover: input.differsFromHandover ?? false, writtenReportDueOn: dueOn };
    },
    { ...options, now },
  );
}
