import "server-only";
import { isRecordSignedByTeam } from "@/lib/server/cases/team-record";
import { canReadFileKind } from "@/lib/domain/case/file-visibility";
import { canGenerateDocument, DOCUMENT_KINDS, DOCUMENT_RULES, type DocumentKind } from "@/lib/documents/kinds";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { can } from "@/lib/server/policy/policy";
import { loadDocumentCase } from "./case-data";
import { pdfAvailable, resumePendingPdfsOnce } from "./pdf";

/**
 * A case's documents as this reader may see them (each kind read as its case-file kind, lib/domain/case/file-visibility.ts),
 * the current revision of each with the count of earlier ones, and the kinds the reader may generate now, with the
 * served documents a receipt can answer. `pdfAvailable` tells the page whether PDFs are made at all.
 */
export async function listCaseDocuments(db: PrismaClient, actor: Actor, input: { caseId: string }, now = new Date()) {
  const loaded = await loadDocumentCase(db, actor, input.caseId, now);
  await resumePendingPdfsOnce(db);
  // The on-site record, interview and problem record are the team's draft until it signs (issue 12 §4).
  const teamSigned = await isRecordSignedByTeam(db, loaded.caseId);
  const readable = DOCUMENT_KINDS.filter((kind) => canReadFileKind(DOCUMENT_RULES[kind].readAs, loaded.part, teamSigned));
  const rows = await db.caseDocument.findMany({
    where: { caseId: loaded.caseId, kind: { in: readable } },
    orderBy: [{ createdAt: "asc" }, { revision: "asc" }],
    select: { id: true, kind: true, seriesKey: true, subjectDocumentId: true, revision: true, number: true, issuedOn: true, verificationCode: true, sha256: true, caseVersion: true, pdfStatus: true, createdAt: true, file: { select: { sizeBytes: true } }, scans: { orderBy: { createdAt: "asc" }, select: { fileId: true, note: true, createdAt: true, file: { select: { fileName: true } } } } },
  });
  const latest = new Map<string, (typeof rows)[number] & { revisions: number }>();
  for (const row of rows) latest.set(row.seriesKey, { ...row, revisions: row.revision });
  const documents = [...latest.values()].map((row) => ({
    id: row.id,
    kind: row.kind,
    subjectDocumentId: row.subjectDocumentId,
    revision: row.revision,
    revisions: row.revisions,
    number: row.number,
    issuedOn: row.issuedOn,
    verificationCode: row.verificationCode,
    sha256: row.sha256,
    caseVersion: row.caseVersion,
    pdfStatus: row.pdfStatus,
    createdAt: row.createdAt,
    title: DOCUMENT_RULES[row.kind].title,
    sizeBytes: row.file.sizeBytes,
    scans: row.scans.map((s) => ({ fileId: s.fileId, fileName: s.file.fileName, note: s.note, createdAt: s.createdAt })),
    canAttachScan: (DOCUMENT_RULES[row.kind].served || row.kind === "SERVICE_RECEIPT") && loaded.part !== null && (DOCUMENT_RULES[row.kind].generators as readonly string[]).includes(loaded.part),
  }));
  const generatable = DOCUMENT_KINDS.filter((kind) => kind !== "SERVICE_RECEIPT" && canGenerateDocument(kind, loaded.part, loaded.facts));
  const receiptSubjects = documents.filter((d) => DOCUMENT_RULES[d.kind].served && canGenerateDocument(d.kind, loaded.part, loaded.facts)).map((d) => ({ id: d.id, title: d.title, number: d.number }));
  // The binder carries the audit extract: it is for those who read the audit trail (lib/server/documents/binder.ts).
  return { caseId: loaded.caseId, caseVersion: loaded.caseVersion, documents, generatable: generatable as DocumentKind[], receiptSubjects, pdfAvailable: pdfAvailable(), binder: can(actor, "case.auditTrail") };
}
