import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { documentBody, type ServedDocument } from "@/lib/documents/content";
import { canGenerateDocument, DOCUMENT_RULES, issuerAbbreviation, type DocumentKind } from "@/lib/documents/kinds";
import { formatDocumentDate, formatDocumentNumber } from "@/lib/documents/layout";
import { renderDocx } from "@/lib/documents/page";
import { renderTemplate, templateData } from "@/lib/documents/template";
import { canonicalJson, GENESIS_HASH } from "@/lib/server/audit/chain";
import { CHAIN_LOCK_KEY, recordAudit } from "@/lib/server/audit/record";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { settleUpload, storeFile, type UploadedFile } from "@/lib/server/files/storage";
import { getFileStore } from "@/lib/server/files/store";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { loadDocumentCase } from "./case-data";
import { allocateDocumentSequence } from "./numbering";
import { enqueuePdf, pdfAvailable } from "./pdf";
import { currentTemplateBytes } from "./templates";
import { newVerificationCode } from "./verification-code";

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const DOCUMENT_SELECT = { id: true, kind: true, revision: true, number: true, issuedOn: true, verificationCode: true, sha256: true, caseVersion: true, pdfStatus: true, createdAt: true } as const;

export interface GenerateDocumentInput {
  caseId: string;
  kind: DocumentKind;
  /** For a 送达回证: the served document it answers. */
  subjectDocumentId?: string;
}

/** What a document says, as one hash: the same content with the same template is the same revision. */
export function contentHashOf(kind: DocumentKind, seriesKey: string, body: unknown, templateId: string | null): string {
  return createHash("sha256").update(canonicalJson({ kind, seriesKey, body, ...(templateId ? { templateId } : {}) })).digest("hex");
}

const chinaYear = (now: Date) => new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
const chinaDay = (now: Date) => new Date(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10));

/**
 * Generates a document of a kind for a case (decision 024): who may and from which step is DOCUMENT_RULES; the
 * content comes from the case as the actor may read it. In one transaction: the 文号 (a new one for the first
 * revision; a revision keeps its number), the .docx as a case file with its SHA-256, the case version and the
 * audit chain's head it was made from, and the audit row. Unchanged content returns the current revision: asking
 * twice makes one document, a change makes a new revision, nothing is overwritten.
 */
export async function generateDocument(db: PrismaClient, actor: Actor, input: GenerateDocumentInput, context: RequestContext = {}, now = new Date()) {
  const loaded = await loadDocumentCase(db, actor, input.caseId, now);
  const rule = DOCUMENT_RULES[input.kind];

  let served: (ServedDocument & { id: string; kind: DocumentKind; issuerOrganizationId: string }) | null = null;
  if (input.kind === "SERVICE_RECEIPT") {
    const subject = input.subjectDocumentId
      ? await db.caseDocument.findFirst({ where: { id: input.subjectDocumentId, caseId: loaded.caseId }, select: { id: true, kind: true, number: true, issuedOn: true, issuerOrganizationId: true } })
      : null;
    if (!subject || !DOCUMENT_RULES[subject.kind].served) throw new DomainError("VALIDATION", { subjectDocumentId: "documents.notServed" });
    if (!canGenerateDocument(subject.kind, loaded.part, loaded.facts)) throw new DomainError("TRANSITION_REFUSED", { kind: "documents.notYourDocument" });
    served = { id: subject.id, kind: subject.kind, title: DOCUMENT_RULES[subject.kind].title, number: subject.number, issuedOn: subject.issuedOn, issuerOrganizationId: subject.issuerOrganizationId };
  } else {
    if (input.subjectDocumentId) throw new DomainError("VALIDATION", { subjectDocumentId: "documents.subjectOnlyForReceipt" });
    // Refused as the workflow refuses a step: by the caller's part in this case and the step it has reached.
    if (loaded.part === null || !(rule.generators as readonly string[]).includes(loaded.part)) throw new DomainError("TRANSITION_REFUSED", { kind: "documents.notYourDocument" });
    if (!rule.available(loaded.facts)) throw new DomainError("TRANSITION_REFUSED", { kind: "documents.stepNotReached" });
  }

  const issuer = served
    ? await db.organization.findUniqueOrThrow({ where: { id: served.issuerOrganizationId }, select: { id: true, name: true } })
    : rule.issuer === "CITY"
      ? loaded.cityOrganization
      : loaded.planOrganization;
  if (!issuer) throw new DomainError("NO_RECEIVING_BUREAU");

  const body = documentBody(input.kind, issuer.name, loaded.data, served);
  const seriesKey = served ? `${input.kind}:${served.id}` : input.kind;
  // The bureau's own template of the kind, if it uploaded one (issue 15 §6): a new template makes a new revision.
  const template = await currentTemplateBytes(db, input.kind);
  const contentSha256 = contentHashOf(input.kind, seriesKey, body, template?.id ?? null);

  const store = getFileStore();
  let uploaded: UploadedFile | null = null;
  let result;
  try {
    result = await db.$transaction(async (tx) => {
      // One writer per series at a time, so revisions count 1, 2, 3 without a race.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`case-document:${loaded.caseId}:${seriesKey}`}))`;
      const current = await tx.caseDocument.findFirst({ where: { caseId: loaded.caseId, seriesKey }, orderBy: { revision: "desc" }, select: { ...DOCUMENT_SELECT, contentSha256: true, year: true, sequence: true } });
      if (current && current.contentSha256 === contentSha256) return { document: current, created: false };
      const caseRow = await tx.inspectionCase.findUniqueOrThrow({ where: { id: loaded.caseId }, select: { version: true } });
      if (caseRow.version !== loaded.caseVersion) throw new DomainError("STALE_VERSION");

      const year = current?.year ?? chinaYear(now);
      const sequence = current?.sequence ?? (await allocateDocumentSequence(tx, issuer.id, input.kind, year));
      const number = current?.number ?? formatDocumentNumber(`${issuerAbbreviation(issuer.name)}${rule.numberCode}`, year, sequence);
      const revision = (current?.revision ?? 0) + 1;
      const verificationCode = newVerificationCode();
      const stamp = { number, date: formatDocumentDate(now), verificationCode };
      const bytes = template ? renderTemplate(template.bytes, templateData(input.kind, issuer.name, loaded.data, served, stamp)) : await renderDocx({ ...body, ...stamp });
      const temp = await store.putTemp(Readable.from([bytes]), { maxBytes: 20 * 1024 * 1024 });
      uploaded = { tempKey: temp.tempKey, fileName: `${rule.title}（${number}）${revision > 1 ? `第${revision}版` : ""}.docx`, mediaType: DOCX_MEDIA_TYPE, sizeBytes: temp.sizeBytes, sha256: temp.sha256 };
      const file = await storeFile(tx, uploaded, actor.userId, now);

      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
      const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
      const document = await tx.caseDocument.create({
        data: {
          caseId: loaded.caseId,
          kind: input.kind,
          seriesKey,
          subjectDocumentId: served?.id ?? null,
          revision,
          issuerOrganizationId: issuer.id,
          year,
          sequence,
          number,
          issuedOn: chinaDay(now),
          verificationCode,
          contentSha256,
          fileId: file.id,
          sha256: temp.sha256,
          caseVersion: caseRow.version,
          auditHeadHash: head?.hash ?? GENESIS_HASH,
          pdfStatus: pdfAvailable() ? "PENDING" : "UNAVAILABLE",
          generatedById: actor.userId,
        },
        select: DOCUMENT_SELECT,
      });
      await recordAudit(tx, {
        actor,
        action: "document.generate",
        entity: "InspectionCase",
        entityId: loaded.caseId,
        after: { documentId: document.id, kind: input.kind, number, revision, sha256: temp.sha256, caseVersion: caseRow.version, auditHeadHash: head?.hash ?? GENESIS_HASH, supersedes: current?.id ?? null },
        context,
        at: now,
      });
      return { document, created: true };
    });
  } finally {
    if (uploaded) await settleUpload(db, uploaded, store);
  }
  // After the .docx has reached its final key.
  if (result.created && result.document.pdfStatus === "PENDING") enqueuePdf(db, result.document.id);
  const { id, kind, revision, number, issuedOn, verificationCode, sha256, caseVersion, pdfStatus, createdAt } = result.document;
  return { id, kind, revision, number, issuedOn, verificationCode, sha256, caseVersion, pdfStatus, createdAt, created: result.created };
}
