import "server-only";
import type { TReviewReportInput } from "@/lib/validation/cases";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { scope } from "@/lib/server/policy/scope";
import { bumpCaseVersions } from "./versions";


/**
 * The bureau reviews a city's progress report: accepted, or returned with a note for a new one. The case's state does
 * not move (the workflow's own steps do that); the report's does, by compare-and-set, with its audit row.
 */
export async function reviewRectificationReport(db: PrismaClient, actor: Actor, input: TReviewReportInput, context: RequestContext = {}) {
  requirePermission(actor, "rectification.review");
  // A written report is reviewed through the case workflow (ACCEPT_RECTIFICATION, RETURN_RECTIFICATION), not here.
  const report = await db.rectificationReport.findFirst({ where: { id: input.reportId, kind: "PROGRESS", rectification: { case: scope.inspectionCase(actor) } }, include: { rectification: { select: { caseId: true } } } });
  if (!report) throw new DomainError("NOT_FOUND");
  if (report.status !== "SUBMITTED") throw new DomainError("REPORT_ALREADY_REVIEWED");
  if (input.decision === "RETURN" && !input.note) throw new DomainError("VALIDATION", { note: "validation.returnNeedsNote" });
  return db.$transaction(async (tx) => {
    const status = input.decision === "ACCEPT" ? "ACCEPTED" : "RETURNED";
    const { count } = await tx.rectificationReport.updateMany({
      where: { id: report.id, version: input.version, status: "SUBMITTED" },
      data: { status, reviewedById: actor.userId, reviewedAt: new Date(), reviewNote: input.note ?? null, version: { increment: 1 } },
    });
    if (count !== 1) throw new DomainError("STALE_VERSION");
    // The guard needsNoProgressReport reads the report's status: a returned report lets the city report again.
    await bumpCaseVersions(tx, { id: report.rectification.caseId });
    await recordAudit(tx, { actor, action: input.decision === "ACCEPT" ? "rectification.acceptReport" : "rectification.returnReport", entity: "InspectionCase", entityId: report.rectification.caseId, before: { status: report.status }, after: { status, reportId: report.id, note: input.note }, context });
    return { status };
  });
}
