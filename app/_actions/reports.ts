"use server";
import { runAction, type ActionResult } from "@/lib/server/action";
import { reviewRectificationReport, ZReviewReportInput } from "@/lib/server/cases/review-report";

export async function reviewReportAction(raw: unknown): Promise<ActionResult<{ status: string }>> {
  return runAction("rectification.review", ZReviewReportInput, raw, ({ db, actor, input, context }) => reviewRectificationReport(db, actor, input, context));
}
