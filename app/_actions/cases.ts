"use server";
import { runAction, type ActionResult } from "@/lib/server/action";
import { deliverNotice } from "@/lib/server/cases/deliver-notice";
import { handOver } from "@/lib/server/cases/hand-over";
import { ZCaseCommandInput, ZDeliverNoticeInput, ZHandOverInput, ZRecordFindingInput, ZWriteFeedbackReportInput } from "@/lib/server/cases/inputs";
import { recordFinding } from "@/lib/server/cases/record-finding";
import { signProblemRecord } from "@/lib/server/cases/sign-problem-record";
import { startOnSite } from "@/lib/server/cases/start-on-site";
import { writeFeedbackReport } from "@/lib/server/cases/write-feedback-report";

// Case operations, shared by the portals. Each parses its input, takes the actor from the session and
// calls one service; the service checks scope, the workflow and the version (lib/server/cases).
type Result = Promise<ActionResult<{ version: number }>>;

export async function deliverNoticeAction(raw: unknown): Result {
  return runAction("case.deliverNotice", ZDeliverNoticeInput, raw, async ({ db, actor, input, context }) => ({ version: (await deliverNotice(db, actor, input, { context })).version }));
}

export async function startOnSiteAction(raw: unknown): Result {
  return runAction("case.startOnSite", ZCaseCommandInput, raw, async ({ db, actor, input, context }) => ({ version: (await startOnSite(db, actor, input, { context })).version }));
}

export async function recordFindingAction(raw: unknown): Result {
  return runAction("case.recordFinding", ZRecordFindingInput, raw, async ({ db, actor, input, context }) => ({ version: (await recordFinding(db, actor, input, { context })).version }));
}

export async function signProblemRecordAction(raw: unknown): Result {
  return runAction("case.signRecord", ZCaseCommandInput, raw, async ({ db, actor, input, context }) => ({ version: (await signProblemRecord(db, actor, input, { context })).version }));
}

export async function writeFeedbackReportAction(raw: unknown): Result {
  return runAction("case.writeFeedbackReport", ZWriteFeedbackReportInput, raw, async ({ db, actor, input, context }) => ({ version: (await writeFeedbackReport(db, actor, input, { context })).version }));
}

export async function handOverAction(raw: unknown): Result {
  return runAction("case.handOver", ZHandOverInput, raw, async ({ db, actor, input, context }) => ({ version: (await handOver(db, actor, input, { context })).version }));
}
