import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import type { TProgressReportInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * SUBMIT_PROGRESS_REPORT (Jilin plan §四(三); 暂行办法: handling progress and rectification within 30 working
 * days of receiving the handed-over material): the city bureau's report, with its document, for the bureau to
 * review. A returned report can be followed by a new one.
 */
export async function submitProgressReport(db: PrismaClient, actor: Actor, input: TProgressReportInput, file: UploadedFile, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "SUBMIT_PROGRESS_REPORT" },
    async (tx, found) => {
      const rectification = await tx.rectification.findUnique({ where: { caseId: found.id } });
      if (!rectification) throw new DomainError("NOT_FOUND");
      const pending = await tx.rectificationReport.count({ where: { rectificationId: rectification.id, kind: "PROGRESS", status: { not: "RETURNED" } } });
      if (pending > 0) throw new DomainError("REPORT_ALREADY_SUBMITTED");
      const stored = await storeFile(tx, file, actor.userId, now);
      const report = await tx.rectificationReport.create({
        data: { rectificationId: rectification.id, kind: "PROGRESS", summary: input.summary, fileId: stored.id, submittedById: actor.userId, submittedAt: now },
      });
      return { reportId: report.id, fileName: stored.fileName, sha256: stored.sha256 };
    },
    { ...options, now },
  );
}
