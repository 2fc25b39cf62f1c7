import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { scope } from "@/lib/server/policy/scope";
import { readStoredFile } from "./storage";

/**
 * A stored file of a case (evidence or a rectification report), for a reader who may see that case.
 * Anything else, an unknown id included, is NOT_FOUND. Every download is audited (personal data of
 * patients sits in these files).
 */
export async function downloadCaseFile(db: PrismaClient, actor: Actor, fileId: string, context: RequestContext = {}) {
  requirePermission(actor, "case.read");
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new DomainError("NOT_FOUND");
  const visible = scope.inspectionCase(actor);
  const file = await db.fileObject.findFirst({
    where: { id: fileId, OR: [{ evidence: { case: visible } }, { rectificationReports: { some: { rectification: { case: visible } } } }] },
    include: { evidence: { select: { caseId: true } }, rectificationReports: { select: { rectification: { select: { caseId: true } } }, take: 1 } },
  });
  if (!file) throw new DomainError("NOT_FOUND");
  const caseId = file.evidence?.caseId ?? file.rectificationReports[0]?.rectification.caseId ?? null;
  const bytes = await readStoredFile(file.storageKey);
  await db.$transaction((tx) => recordAudit(tx, { actor, action: "file.download", entity: "InspectionCase", entityId: caseId, after: { fileId, sha256: file.sha256 }, context }));
  return { bytes, fileName: file.fileName, mediaType: file.mediaType };
}
