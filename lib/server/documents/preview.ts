import "server-only";
import { canReadFileKind } from "@/lib/domain/case/file-visibility";
import { documentBody } from "@/lib/documents/content";
import { DOCUMENT_RULES } from "@/lib/documents/kinds";
import { formatDocumentDate } from "@/lib/documents/layout";
import { isRecordSignedByTeam } from "@/lib/server/cases/team-record";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { loadDocumentCase } from "./case-data";
import { contentHashOf } from "./generate";
import { currentTemplateBytes } from "./templates";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A document's content for an HTML preview on the case page (issue 15 §8): the blocks of its built-in layout from the
 * case's data as it stands, with its number, date and code. `matchesRevision` says whether that is exactly what the
 * stored revision says (its content hash); when the case has changed since, the page says the download is the document.
 * The reader must read the kind, as for the download; anything else is NOT_FOUND.
 */
export async function previewDocument(db: PrismaClient, actor: Actor, input: { caseId: string; documentId: string }, now = new Date()) {
  requirePermission(actor, "case.read");
  if (!UUID.test(input.documentId)) throw new DomainError("NOT_FOUND");
  const document = await db.caseDocument.findUnique({
    where: { id: input.documentId },
    select: { id: true, caseId: true, kind: true, seriesKey: true, revision: true, number: true, issuedOn: true, verificationCode: true, contentSha256: true, issuerOrganization: { select: { name: true } }, subjectDocument: { select: { kind: true, number: true, issuedOn: true } } },
  });
  if (!document || document.caseId !== input.caseId) throw new DomainError("NOT_FOUND");
  const loaded = await loadDocumentCase(db, actor, document.caseId, now);
  if (!canReadFileKind(DOCUMENT_RULES[document.kind].readAs, loaded.part, await isRecordSignedByTeam(db, document.caseId))) throw new DomainError("NOT_FOUND");
  const served = document.subjectDocument ? { title: DOCUMENT_RULES[document.subjectDocument.kind].title, number: document.subjectDocument.number, issuedOn: document.subjectDocument.issuedOn } : null;
  const body = documentBody(document.kind, document.issuerOrganization.name, loaded.data, served);
  const template = await currentTemplateBytes(db, document.kind);
  return {
    id: document.id,
    kind: document.kind,
    revision: document.revision,
    ...body,
    number: document.number,
    date: formatDocumentDate(document.issuedOn),
    verificationCode: document.verificationCode,
    matchesRevision: contentHashOf(document.kind, document.seriesKey, body, template?.id ?? null) === document.contentSha256,
  };
}
