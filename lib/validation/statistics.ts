import { z } from "zod";
import { ZId } from "./primitives";

/** 汇总统计 of one plan (issue 17 §3). */
export const ZPlanReportInput = z.strictObject({ planId: ZId });
export type TPlanReportInput = z.output<typeof ZPlanReportInput>;
