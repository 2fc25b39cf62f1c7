import "server-only";
import { isRecordSignedByTeam } from "@/lib/server/cases/team-record";
import type { Readable } from "node:stream";
import { canReadFileKind } from "@/lib/domain/case/file-visibility";
import { DOCUMENT_RULES } from "@/lib/documents/kinds";
import { recordAudit } from "@/lib/server/audit/record";
import { getCaseActorKind } from "@/lib/server/cases/actor-kind";
import { getCaseOrThrow } from "@/lib/server/cases/read";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { openStoredFile } from "@/lib/server/files/storage";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A generated document's .docx or PDF, for a reader who may read its kind on that case; anything else (an unknown id,
 * a case out of scope, a kind the reader's part does not read, a PDF not made) is NOT_FOUND. A download is audited here,
 * a refusal by the boundary (operation `document.download`).
 */
export async function downloadDocument(db: PrismaClient, actor: Actor, documentId: string, format: "docx" | "pdf", context: RequestContext = {}) {
  requirePermission(actor, "case.read");
  if (!UUID.test(documentId)) throw new DomainError("NOT_FOUND");
  const document = await db.caseDocument.findUnique({
    where: { id: documentId },
    select: { id: true, caseId: true, kind: true, number: true, sha256: true, file: { select: { storageKey: true, fileName: true, mediaType: true, sizeBytes: true, sha256: true } }, pdfFile: { select: { storageKey: true, fileName: true, mediaType: true, sizeBytes: true, sha256: true } } },
  });
  if (!document) throw new DomainError("NOT_FOUND");
  const part = await getCaseActorKind(db, actor, await getCaseOrThrow(db, actor, document.caseId));
  const file = format === "pdf" ? document.pdfFile : document.file;
  // The on-site record, interview and problem record are the team's draft until it signs (issue 12 §4).
  const allowed = canReadFileKind(DOCUMENT_RULES[document.kind].readAs, part, await isRecordSignedByTeam(db, document.caseId));
  // A refusal is audited once, by the boundary (lib/server/operations/boundary.ts), as every other refusal.
  if (!allowed || !file) throw new DomainError("NOT_FOUND");
  const stream: Readable = await openStoredFile(file.storageKey);
  try {
    await db.$transaction((tx) => recordAudit(tx, { actor, action: "document.download", entity: "InspectionCase", entityId: document.caseId, after: { documentId, kind: document.kind, format, sha256: file.sha256 }, context }));
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return { stream, fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 };
}
