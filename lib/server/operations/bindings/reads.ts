import "server-only";
import { Readable } from "node:stream";
import { readChangeFeed } from "@/lib/server/audit/change-feed";
import { listCasePage } from "@/lib/server/cases/list-page";
import { listCaseFiles, listCaseFindings } from "@/lib/server/cases/list-findings-and-files";
import { downloadCaseFile } from "@/lib/server/files/download";
import type { TCaseListQuery, TCaseReadInput, TEventFeedQuery, TFileReadInput } from "@/lib/validation/reads";
import type { HandlerContext } from "../boundary";
import type { FileAnswer } from "../http";

/** The reads of the API (lib/operations/catalog/reads.ts). */
export const READ_IMPLEMENTATIONS = {
  "case.list": async (ctx: HandlerContext<TCaseListQuery>) => listCasePage(ctx.db, ctx.actor, ctx.input, ctx.now),
  "case.findings": async (ctx: HandlerContext<TCaseReadInput>) => listCaseFindings(ctx.db, ctx.actor, ctx.input.caseId),
  "case.files": async (ctx: HandlerContext<TCaseReadInput>) => listCaseFiles(ctx.db, ctx.actor, ctx.input.caseId),
  "file.download": async (ctx: HandlerContext<TFileReadInput>): Promise<FileAnswer> => {
    const file = await downloadCaseFile(ctx.db, ctx.actor, ctx.input.fileId, ctx.context);
    return { kind: "file", body: Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, fileName: file.fileName, mediaType: file.mediaType };
  },
  "event.feed": async (ctx: HandlerContext<TEventFeedQuery>) => readChangeFeed(ctx.db, ctx.actor, ctx.input),
};
