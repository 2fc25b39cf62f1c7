import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import type { TWrittenReportInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * SUBMIT_RECTIFICATION_REPORT (Jilin plan §四(三)): the city's written report on handling and rectification,
 * with its document, for the bureau to accept or return. A result that differs much must have been explained
 * (at END_HANDLING) before: the guard needsDifferenceExplanation refuses otherwise. One report awaits review
 * at a time; a returned one can be followed by a new one.
 */
export async function submitWrittenReport(db: PrismaClient, actor: Actor, input: TWrittenReportInput, file: UploadedFile, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "SUBMIT_RECTIFICATION_REPORT" },
    async (tx, found) => {
      const rectification = await tx.rectification.findUnique({ where: { caseId: found.id } });
      if (!rectification) throw new DomainError("NOT_FOUND");
      const pending = await tx.rectificationReport.count({ where: { rectificationId: rectification.id, kind: "WRITTEN", status: "SUBMITTED" } });
      if (pending > 0) throw new DomainError("REPORT_ALREADY_SUBMITTED");
      const stored = await storeFile(tx, file, actor.userId, now);
      const report = await tx.rectificationReport.create({
        data: { rectificationId: rectification.id, kind: "WRITTEN", summary: input.summary, fileId: stored.id, submittedById: actor.userId, submittedAt: now },
      });
      return { reportId: report.id, fileName: stored.fileName, sha256: stored.sha256 };
    },
    { ...options, now },
  );
}
