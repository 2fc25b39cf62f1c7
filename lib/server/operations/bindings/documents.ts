import "server-only";
import { Readable } from "node:stream";
import { buildCaseBinder } from "@/lib/server/documents/binder";
import { downloadDocument } from "@/lib/server/documents/download";
import { generateDocument } from "@/lib/server/documents/generate";
import { listCaseDocuments } from "@/lib/server/documents/list";
import { listDocumentTemplates, restoreDefaultTemplate, uploadDocumentTemplate } from "@/lib/server/documents/templates";
import { previewDocument } from "@/lib/server/documents/preview";
import { attachDocumentScan } from "@/lib/server/documents/scans";
import { verifyDocumentCode } from "@/lib/server/documents/verify";
import type { TAttachScanInput, TPreviewDocumentInput, TDocumentTemplateInput, TDownloadDocumentInput, TGenerateDocumentInput, TListDocumentsInput, TVerifyDocumentInput } from "@/lib/validation/documents";
import type { HandlerContext } from "../boundary";
import type { FileAnswer } from "../http";

export const DOCUMENT_IMPLEMENTATIONS = {
  "document.generate": async (ctx: HandlerContext<TGenerateDocumentInput>) => generateDocument(ctx.db, ctx.actor, ctx.input, ctx.context, ctx.now),
  "document.list": async (ctx: HandlerContext<TListDocumentsInput>) => listCaseDocuments(ctx.db, ctx.actor, ctx.input, ctx.now),
  "document.download": async (ctx: HandlerContext<TDownloadDocumentInput>): Promise<FileAnswer> => {
    const file = await downloadDocument(ctx.db, ctx.actor, ctx.input.documentId, ctx.input.format, ctx.context);
    return { kind: "file", body: Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, fileName: file.fileName, mediaType: file.mediaType };
  },
  "document.binder": async (ctx: HandlerContext<TListDocumentsInput>): Promise<FileAnswer> => {
    const binder = await buildCaseBinder(ctx.db, ctx.actor, ctx.input.caseId, ctx.context, ctx.now);
    return { kind: "file", body: Readable.toWeb(Readable.from([Buffer.from(binder.bytes)])) as ReadableStream<Uint8Array>, fileName: binder.fileName, mediaType: "application/zip" };
  },
  "document.preview": async (ctx: HandlerContext<TPreviewDocumentInput>) => previewDocument(ctx.db, ctx.actor, ctx.input, ctx.now),
  "document.attachScan": async (ctx: HandlerContext<TAttachScanInput>) => attachDocumentScan(ctx.db, ctx.actor, ctx.input, ctx.upload, ctx.context, ctx.now),
  "documentTemplate.list": async (ctx: HandlerContext<unknown>) => listDocumentTemplates(ctx.db, ctx.actor),
  "documentTemplate.upload": async (ctx: HandlerContext<TDocumentTemplateInput>) => uploadDocumentTemplate(ctx.db, ctx.actor, ctx.input, ctx.upload, ctx.context, ctx.now),
  "documentTemplate.restoreDefault": async (ctx: HandlerContext<TDocumentTemplateInput>) => restoreDefaultTemplate(ctx.db, ctx.actor, ctx.input, ctx.context, ctx.now),
  "document.verify": async (ctx: HandlerContext<TVerifyDocumentInput>) => verifyDocumentCode(ctx.db, ctx.input),
};
