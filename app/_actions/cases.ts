"use server";
import type { z } from "zod";
import { runAction, type ActionResult } from "@/lib/server/action";
import { acceptRectification, returnRectification } from "@/lib/server/cases/accept-rectification";
import { cancelCase, closeWithoutFindings } from "@/lib/server/cases/close-early";
import { closeCase } from "@/lib/server/cases/close-case";
import { completeRefund } from "@/lib/server/cases/complete-refund";
import { confirmAmounts } from "@/lib/server/cases/confirm-amounts";
import { decideAppeal } from "@/lib/server/cases/decide-appeal";
import { deliverNotice } from "@/lib/server/cases/deliver-notice";
import { endHandling } from "@/lib/server/cases/end-handling";
import { fileAppeal } from "@/lib/server/cases/file-appeal";
import { handOver } from "@/lib/server/cases/hand-over";
import {
  ZAcceptRectificationInput,
  ZCaseCommandInput,
  ZCloseEarlyInput,
  ZDecideAppealInput,
  ZDeliverNoticeInput,
  ZEndHandlingInput,
  ZFileAppealInput,
  ZHandOverInput,
  ZIssueConfirmationNoticeInput,
  ZIssueRefundNoticeInput,
  ZRecordFindingInput,
  ZReturnRectificationInput,
  ZWriteFeedbackReportInput,
} from "@/lib/server/cases/inputs";
import { issueConfirmationNotice } from "@/lib/server/cases/issue-confirmation-notice";
import { issueRefundNotice } from "@/lib/server/cases/issue-refund-notice";
import { recordFinding } from "@/lib/server/cases/record-finding";
import { signProblemRecord } from "@/lib/server/cases/sign-problem-record";
import { startOnSite } from "@/lib/server/cases/start-on-site";
import type { CaseOperationOptions } from "@/lib/server/cases/transition";
import { writeFeedbackReport } from "@/lib/server/cases/write-feedback-report";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";

// Case operations, shared by the portals. Each parses its input, takes the actor from the session and
// calls one service; the service checks scope, the workflow and the version (lib/server/cases). Operations
// that carry a file are route handlers under app/api/cases/[caseId]/.
type Result = Promise<ActionResult<{ version: number }>>;
type CaseService<S extends z.ZodType> = (db: PrismaClient, actor: Actor, input: z.output<S>, options: CaseOperationOptions) => Promise<{ version: number }>;

function run<S extends z.ZodType>(name: string, schema: S, raw: unknown, service: CaseService<S>): Result {
  return runAction(name, schema, raw, async ({ db, actor, input, context }) => ({ version: (await service(db, actor, input, { context })).version }));
}

export async function deliverNoticeAction(raw: unknown): Result {
  return run("case.deliverNotice", ZDeliverNoticeInput, raw, deliverNotice);
}

export async function cancelCaseAction(raw: unknown): Result {
  return run("case.cancel", ZCloseEarlyInput, raw, cancelCase);
}

export async function startOnSiteAction(raw: unknown): Result {
  return run("case.startOnSite", ZCaseCommandInput, raw, startOnSite);
}

export async function recordFindingAction(raw: unknown): Result {
  return run("case.recordFinding", ZRecordFindingInput, raw, recordFinding);
}

export async function closeWithoutFindingsAction(raw: unknown): Result {
  return run("case.closeWithoutFindings", ZCloseEarlyInput, raw, closeWithoutFindings);
}

export async function signProblemRecordAction(raw: unknown): Result {
  return run("case.signRecord", ZCaseCommandInput, raw, signProblemRecord);
}

export async function writeFeedbackReportAction(raw: unknown): Result {
  return run("case.writeFeedbackReport", ZWriteFeedbackReportInput, raw, writeFeedbackReport);
}

export async function handOverAction(raw: unknown): Result {
  return run("case.handOver", ZHandOverInput, raw, handOver);
}

export async function fileAppealAction(raw: unknown): Result {
  return run("case.fileAppeal", ZFileAppealInput, raw, fileAppeal);
}

export async function decideAppealAction(raw: unknown): Result {
  return run("case.decideAppeal", ZDecideAppealInput, raw, decideAppeal);
}

export async function issueConfirmationNoticeAction(raw: unknown): Result {
  return run("case.issueConfirmationNotice", ZIssueConfirmationNoticeInput, raw, issueConfirmationNotice);
}

export async function confirmAmountsAction(raw: unknown): Result {
  return run("case.confirmAmounts", ZCaseCommandInput, raw, confirmAmounts);
}

export async function issueRefundNoticeAction(raw: unknown): Result {
  return run("case.issueRefundNotice", ZIssueRefundNoticeInput, raw, issueRefundNotice);
}

export async function completeRefundAction(raw: unknown): Result {
  return run("case.completeRefund", ZCaseCommandInput, raw, completeRefund);
}

export async function endHandlingAction(raw: unknown): Result {
  return run("case.endHandling", ZEndHandlingInput, raw, endHandling);
}

export async function acceptRectificationAction(raw: unknown): Result {
  return run("case.acceptRectification", ZAcceptRectificationInput, raw, acceptRectification);
}

export async function returnRectificationAction(raw: unknown): Result {
  return run("case.returnRectification", ZReturnRectificationInput, raw, returnRectification);
}

export async function closeCaseAction(raw: unknown): Result {
  return run("case.close", ZCaseCommandInput, raw, closeCase);
}
