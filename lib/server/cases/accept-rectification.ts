import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TRectificationDecisionInput, TReturnRectificationInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** The bureau's decision on the written report awaiting review: the report's status follows the case event. */
async function reviewWrittenReport(
  db: PrismaClient,
  actor: Actor,
  input: { caseId: string; version: number; note?: string },
  decision: { event: "ACCEPT_RECTIFICATION"; status: "ACCEPTED" } | { event: "RETURN_RECTIFICATION"; status: "RETURNED" },
  options: CaseOperationOptions,
) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: decision.event },
    async (tx, found) => {
      const report = await tx.rectificationReport.findFirst({ where: { rectification: { caseId: found.id }, kind: "WRITTEN", status: "SUBMITTED" }, select: { id: true } });
      if (!report) throw new DomainError("NOT_FOUND");
      await tx.rectificationReport.update({
        where: { id: report.id },
        data: { status: decision.status, reviewedById: actor.userId, reviewedAt: now, reviewNote: input.note || null, version: { increment: 1 } },
      });
      return { reportId: report.id, status: decision.status };
    },
    { ...options, now },
  );
}

/** ACCEPT_RECTIFICATION: the bureau accepts the city's written report awaiting review; the case is RECTIFIED. */
export async function acceptRectification(db: PrismaClient, actor: Actor, input: TRectificationDecisionInput, options: CaseOperationOptions = {}) {
  return reviewWrittenReport(db, actor, input, { event: "ACCEPT_RECTIFICATION", status: "ACCEPTED" }, options);
}

/**
 * RETURN_RECTIFICATION: the bureau sends the city's written report back with a note saying what is missing.
 * The case stays RECTIFYING; the city submits a new report (the returned one is kept).
 */
export async function returnRectification(db: PrismaClient, actor: Actor, input: TReturnRectificationInput, options: CaseOperationOptions = {}) {
  return reviewWrittenReport(db, actor, input, { event: "RETURN_RECTIFICATION", status: "RETURNED" }, options);
}
