import "server-only";
import { planReportWorkbook } from "@/lib/server/statistics/plan-report";
import type { TPlanReportInput } from "@/lib/validation/statistics";
import type { HandlerContext } from "../boundary";
import type { FileAnswer } from "../http";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Statistics (lib/operations/catalog/statistics.ts). */
export const STATISTICS_IMPLEMENTATIONS = {
  "statistics.planReport": async (ctx: HandlerContext<TPlanReportInput>): Promise<FileAnswer> => {
    const { bytes, fileName } = await planReportWorkbook(ctx.db, ctx.actor, ctx.input.planId, ctx.context);
    return { kind: "file", body: bytes, fileName, mediaType: XLSX };
  },
};
