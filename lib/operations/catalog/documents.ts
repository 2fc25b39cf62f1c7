/** Official documents (执法文书) generated from a case, and their public verification (issue 15; decision 024). */
import { ZDocumentTemplateInput, ZDownloadDocumentInput, ZGenerateDocumentInput, ZPreviewDocumentInput, ZListDocumentsInput, ZVerifyDocumentInput } from "@/lib/validation/documents";
import { z } from "zod";
import { defineOperation } from "../types";

const TAG = "Documents";

export const DOCUMENT_OPERATIONS = {
  generate: defineOperation({
    name: "document.generate",
    labelKey: "documents.generate",
    summary:
      "Generate a document of a kind (.docx, GB/T 9704 layout) from the case as it stands: numbered per issuing organization, kind and year, stored as a case file with its SHA-256, the case version and the audit chain's head; unchanged content returns the current revision, a change makes the next. Who may generate which kind from which step: lib/documents/kinds.ts.",
    tag: TAG,
    input: ZGenerateDocumentInput,
    // Every case reader holds it; the document table then decides by the caller's part in the case and the step reached.
    permission: "case.read",
    audit: "document.generate",
    http: { method: "POST", path: "/cases/{caseId}/documents" },
  }),
  list: defineOperation({
    name: "document.list",
    labelKey: "documents.title",
    summary: "The case's documents the caller may read (the current revision of each), and the kinds the caller may generate now.",
    tag: TAG,
    input: ZListDocumentsInput,
    permission: "case.read",
    audit: "document.list",
    http: { method: "GET", path: "/cases/{caseId}/documents" },
  }),
  download: defineOperation({
    name: "document.download",
    labelKey: "documents.download",
    summary: "A generated document's .docx or its PDF rendition, for a reader of its kind on that case (the kind is read as its case-file kind); anything else, a PDF not made included, is NOT_FOUND. Every download is audited.",
    tag: TAG,
    input: ZDownloadDocumentInput,
    permission: "case.read",
    audit: "document.download",
    http: { method: "GET", path: "/documents/{documentId}/{format}" },
    download: true,
  }),
  preview: defineOperation({
    name: "document.preview",
    labelKey: "documents.preview",
    summary: "A document's content for an HTML preview: its built-in layout's blocks from the case as it stands, with its number, date and code; `matchesRevision` says whether that is exactly the stored revision's content.",
    tag: TAG,
    input: ZPreviewDocumentInput,
    permission: "case.read",
    audit: "document.preview",
    http: { method: "GET", path: "/cases/{caseId}/documents/{documentId}" },
  }),
  templates: defineOperation({
    name: "documentTemplate.list",
    labelKey: "documents.templates.title",
    summary: "Every document kind with its current template (the bureau's latest upload, or the built-in layout), its earlier versions and the placeholders it offers.",
    tag: TAG,
    input: z.strictObject({}),
    permission: "documentTemplate.manage",
    audit: "documentTemplate.list",
    http: { method: "GET", path: "/document-templates" },
  }),
  uploadTemplate: defineOperation({
    name: "documentTemplate.upload",
    labelKey: "documents.templates.upload",
    summary: "Upload the bureau's .docx template of a kind: every placeholder must be one the kind offers (an unknown one is refused by name) and {number} and {verificationCode} must be there; it becomes the kind's next version.",
    tag: TAG,
    input: ZDocumentTemplateInput,
    permission: "documentTemplate.manage",
    audit: "documentTemplate.upload",
    http: { method: "POST", path: "/document-templates/{kind}" },
    upload: { required: true, kind: "template", labelKey: "documents.templates.file" },
  }),
  restoreDefaultTemplate: defineOperation({
    name: "documentTemplate.restoreDefault",
    labelKey: "documents.templates.restoreDefault",
    summary: "Make the built-in layout the kind's current template again (a new version; the uploads stay in the history).",
    tag: TAG,
    input: ZDocumentTemplateInput,
    permission: "documentTemplate.manage",
    audit: "documentTemplate.restoreDefault",
    http: { method: "POST", path: "/document-templates/{kind}/restore-default" },
  }),
  verify: defineOperation({
    name: "document.verify",
    labelKey: "documents.verify",
    summary: "Public: what a printed verification code stands for (issuing organization, kind, number, date), never the content; every wrong code gets the same answer.",
    tag: TAG,
    input: ZVerifyDocumentInput,
    permission: null,
    audit: "document.verify",
    http: { method: "GET", path: "/documents/verify" },
  }),
} as const;
