import "server-only";
import { DOCUMENT_RULES } from "@/lib/documents/kinds";
import { recordAudit } from "@/lib/server/audit/record";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { loadDocumentCase } from "./case-data";

/**
 * Attaches the scan of a served document as served and signed (issue 15 §8): a document served on the institution
 * (DOCUMENT_RULES.served) or a 送达回证. Who may generate the document may attach its scan; the case must be in scope
 * (NOT_FOUND otherwise, as an unknown document). The scan is a case file read as the document is.
 */
export async function attachDocumentScan(db: PrismaClient, actor: Actor, input: { caseId: string; documentId: string; note?: string }, upload: UploadedFile | undefined, context: RequestContext = {}, now = new Date()) {
  const loaded = await loadDocumentCase(db, actor, input.caseId, now);
  const document = await db.caseDocument.findFirst({ where: { id: input.documentId, caseId: loaded.caseId }, select: { id: true, kind: true, number: true } });
  if (!document) throw new DomainError("NOT_FOUND");
  const rule = DOCUMENT_RULES[document.kind];
  if (!rule.served && document.kind !== "SERVICE_RECEIPT") throw new DomainError("VALIDATION", { documentId: "documents.notServed" });
  if (loaded.part === null || !(rule.generators as readonly string[]).includes(loaded.part)) throw new DomainError("TRANSITION_REFUSED", { documentId: "documents.notYourDocument" });
  if (!upload) throw new DomainError("VALIDATION", { file: "validation.required" });
  return db.$transaction(async (tx) => {
    const file = await storeFile(tx, upload, actor.userId, now);
    const scan = await tx.documentScan.create({ data: { documentId: document.id, fileId: file.id, note: input.note ?? null, uploadedById: actor.userId, createdAt: now }, select: { id: true, fileId: true, createdAt: true } });
    await recordAudit(tx, { actor, action: "document.attachScan", entity: "InspectionCase", entityId: loaded.caseId, after: { documentId: document.id, kind: document.kind, number: document.number, fileId: file.id, sha256: upload.sha256 }, context, at: now });
    return { id: scan.id, documentId: document.id, fileId: scan.fileId, fileName: upload.fileName, createdAt: scan.createdAt };
  });
}
