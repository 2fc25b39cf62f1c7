import { z } from "zod";
import { DOCUMENT_KINDS } from "@/lib/documents/kinds";
import { blankAsAbsent, requiredText, ZId } from "./primitives";

/** A verification code as printed (XXXX-XXXX); spaces and lower case are forgiven by the service. */
export const VERIFICATION_CODE_MAX = 20;

export const ZGenerateDocumentInput = z.strictObject({
  caseId: ZId,
  kind: z.enum(DOCUMENT_KINDS, { error: "validation.invalidChoice" }),
  /** For a 送达回证: the served document it answers. */
  subjectDocumentId: blankAsAbsent(ZId),
});
export type TGenerateDocumentInput = z.output<typeof ZGenerateDocumentInput>;

export const ZListDocumentsInput = z.strictObject({ caseId: ZId });
export type TListDocumentsInput = z.output<typeof ZListDocumentsInput>;

export const DOCUMENT_FORMATS = ["docx", "pdf"] as const;

export const ZDownloadDocumentInput = z.strictObject({ documentId: ZId, format: z.enum(DOCUMENT_FORMATS, { error: "validation.invalidChoice" }) });
export type TDownloadDocumentInput = z.output<typeof ZDownloadDocumentInput>;

export const ZPreviewDocumentInput = z.strictObject({ caseId: ZId, documentId: ZId });
export type TPreviewDocumentInput = z.output<typeof ZPreviewDocumentInput>;

export const ZAttachScanInput = z.strictObject({ caseId: ZId, documentId: ZId, note: blankAsAbsent(requiredText(200)) });
export type TAttachScanInput = z.output<typeof ZAttachScanInput>;

export const ZDocumentTemplateInput = z.strictObject({ kind: z.enum(DOCUMENT_KINDS, { error: "validation.invalidChoice" }) });
export type TDocumentTemplateInput = z.output<typeof ZDocumentTemplateInput>;

export const ZVerifyDocumentInput = z.strictObject({ code: requiredText(VERIFICATION_CODE_MAX) });
export type TVerifyDocumentInput = z.output<typeof ZVerifyDocumentInput>;
