import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import type { TWriteFeedbackReportInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * WRITE_FEEDBACK_REPORT (Jilin plan §四(三)): the leader writes, or rewrites until the handover, the
 * team's report to the inspected region. The case's version guards the rewrite, so the report's own
 * version only counts its editions.
 */
export async function writeFeedbackReport(db: PrismaClient, actor: Actor, input: TWriteFeedbackReportInput, options: CaseOperationOptions = {}) {
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "WRITE_FEEDBACK_REPORT" },
    (tx, found) =>
      tx.feedbackReport.upsert({
        where: { caseId: found.id },
        create: { caseId: found.id, summary: input.summary, writtenById: actor.userId },
        update: { summary: input.summary, writtenById: actor.userId, version: { increment: 1 } },
      }),
    options,
  );
}
