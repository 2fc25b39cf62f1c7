import "server-only";
import { generateDocument } from "@/lib/server/documents/generate";
import { listCaseDocuments } from "@/lib/server/documents/list";
import { verifyDocumentCode } from "@/lib/server/documents/verify";
import type { TGenerateDocumentInput, TListDocumentsInput, TVerifyDocumentInput } from "@/lib/validation/documents";
import type { HandlerContext } from "../boundary";

export const DOCUMENT_IMPLEMENTATIONS = {
  "document.generate": async (ctx: HandlerContext<TGenerateDocumentInput>) => generateDocument(ctx.db, ctx.actor, ctx.input, ctx.context, ctx.now),
  "document.list": async (ctx: HandlerContext<TListDocumentsInput>) => listCaseDocuments(ctx.db, ctx.actor, ctx.input, ctx.now),
  "document.verify": async (ctx: HandlerContext<TVerifyDocumentInput>) => verifyDocumentCode(ctx.db, ctx.input),
};
