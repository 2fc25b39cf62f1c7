import "server-only";
import { Readable } from "node:stream";
import { readChangeFeed } from "@/lib/server/audit/change-feed";
import { listCasePage } from "@/lib/server/cases/list-page";
import { listCaseFiles, listCaseFindings } from "@/lib/server/cases/list-findings-and-files";
import { downloadCaseFile } from "@/lib/server/files/download";
import { DomainError } from "@/lib/errors";
import { getPublicDraw } from "@/lib/server/draws/publication";
import { listPublicDraws } from "@/lib/server/draws/public-list";
import { getPlanOrThrow, listPlans } from "@/lib/server/plans/plans";
import type { TCaseListQuery, TCaseReadInput, TDrawReadInput, TEventFeedQuery, TFileReadInput, TPlanReadInput, TPublicDrawsQuery } from "@/lib/validation/reads";
import type { HandlerContext } from "../boundary";
import type { FileAnswer } from "../http";

/** The reads of the API (lib/operations/catalog/reads.ts). */
export const READ_IMPLEMENTATIONS = {
  "plan.list": async (ctx: HandlerContext<Record<string, never>>) => ({ items: await listPlans(ctx.db, ctx.actor) }),
  "plan.get": async (ctx: HandlerContext<TPlanReadInput>) => getPlanOrThrow(ctx.db, ctx.actor, ctx.input.planId),
  "draw.list": async (ctx: HandlerContext<TPublicDrawsQuery>) => listPublicDraws(ctx.db, { page: ctx.input.page }),
  "draw.get": async (ctx: HandlerContext<TDrawReadInput>) => {
    const draw = await getPublicDraw(ctx.db, ctx.input.drawId);
    if (!draw) throw new DomainError("NOT_FOUND");
    return draw;
  },
  "case.list": async (ctx: HandlerContext<TCaseListQuery>) => listCasePage(ctx.db, ctx.actor, ctx.input, ctx.now),
  "case.findings": async (ctx: HandlerContext<TCaseReadInput>) => listCaseFindings(ctx.db, ctx.actor, ctx.input.caseId),
  "case.files": async (ctx: HandlerContext<TCaseReadInput>) => listCaseFiles(ctx.db, ctx.actor, ctx.input.caseId),
  "file.download": async (ctx: HandlerContext<TFileReadInput>): Promise<FileAnswer> => {
    const file = await downloadCaseFile(ctx.db, ctx.actor, ctx.input.fileId, ctx.context);
    return { kind: "file", body: Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, fileName: file.fileName, mediaType: file.mediaType };
  },
  "event.feed": async (ctx: HandlerContext<TEventFeedQuery>) => readChangeFeed(ctx.db, ctx.actor, ctx.input),
};
