import "server-only";
import { DomainError } from "@/lib/errors";
import { acceptRectification, returnRectification } from "@/lib/server/cases/accept-rectification";
import { addEvidence } from "@/lib/server/cases/add-evidence";
import { cancelCase, closeWithoutFindings } from "@/lib/server/cases/close-early";
import { closeCase } from "@/lib/server/cases/close-case";
import { completeRefund } from "@/lib/server/cases/complete-refund";
import { confirmAmounts } from "@/lib/server/cases/confirm-amounts";
import { decideAppeal } from "@/lib/server/cases/decide-appeal";
import { deliverNotice } from "@/lib/server/cases/deliver-notice";
import { endHandling } from "@/lib/server/cases/end-handling";
import { fileAppeal } from "@/lib/server/cases/file-appeal";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { handOver } from "@/lib/server/cases/hand-over";
import { issueConfirmationNotice } from "@/lib/server/cases/issue-confirmation-notice";
import { issueRefundNotice } from "@/lib/server/cases/issue-refund-notice";
import { recordFinding } from "@/lib/server/cases/record-finding";
import { recordRefund } from "@/lib/server/cases/record-refund";
import { reviewRectificationReport } from "@/lib/server/cases/review-report";
import { editFinding, withdrawFinding } from "@/lib/server/cases/revise-finding";
import { withdrawEvidence } from "@/lib/server/cases/withdraw-evidence";
import { signRecordAsInstitution, signRecordAsTeam } from "@/lib/server/cases/sign-problem-record";
import { startOnSite } from "@/lib/server/cases/start-on-site";
import { submitProgressReport } from "@/lib/server/cases/submit-progress-report";
import { submitRectificationMaterial } from "@/lib/server/cases/submit-rectification-material";
import { submitWrittenReport } from "@/lib/server/cases/submit-written-report";
import { disputeConfirmationNotice, withdrawConfirmationNotice } from "@/lib/server/cases/supersede-confirmation-notice";
import type { CaseEventOutcome } from "@/lib/server/cases/transition";
import { writeFeedbackReport } from "@/lib/server/cases/write-feedback-report";
import type { UploadedFile } from "@/lib/server/files/storage";
import type { HandlerContext } from "../boundary";

type Ctx<I> = HandlerContext<I>;
const opts = (ctx: Ctx<unknown>) => ({ now: ctx.now, context: ctx.context });

/** What a case event answers: the case's new state and version (the next `If-Match`), and what it recorded. */
function outcome<T>(result: CaseEventOutcome<T>) {
  return { caseId: result.caseId, from: result.from, state: result.state, version: result.version, record: result.record };
}

/** The transport checks that a required file came; this holds the type to it. */
function fileOf(ctx: Ctx<unknown>): UploadedFile {
  if (!ctx.upload) throw new DomainError("VALIDATION", { file: "validation.required" });
  return ctx.upload;
}

type Service<I, T> = (db: Ctx<I>["db"], actor: Ctx<I>["actor"], input: I, options: { now?: Date; context?: Ctx<I>["context"] }) => Promise<CaseEventOutcome<T>>;
const event =
  <I, T>(service: Service<I, T>) =>
  async (ctx: Ctx<I>) =>
    outcome(await service(ctx.db, ctx.actor, ctx.input, opts(ctx)));

/** Each case operation's service (lib/operations/catalog/cases.ts). */
export const CASE_IMPLEMENTATIONS = {
  "case.deliverNotice": event(deliverNotice),
  "case.cancel": event(cancelCase),
  "case.startOnSite": event(startOnSite),
  "case.addEvidence": async (ctx: Ctx<Parameters<typeof addEvidence>[2]>) => outcome(await addEvidence(ctx.db, ctx.actor, ctx.input, fileOf(ctx), opts(ctx))),
  "case.recordFinding": event(recordFinding),
  "case.closeWithoutFindings": event(closeWithoutFindings),
  "case.signRecordTeam": event(signRecordAsTeam),
  "case.signRecordInstitution": event(signRecordAsInstitution),
  "case.writeFeedbackReport": event(writeFeedbackReport),
  "case.handOver": event(handOver),
  "case.fileAppeal": event(fileAppeal),
  "case.decideAppeal": event(decideAppeal),
  "case.issueConfirmationNotice": event(issueConfirmationNotice),
  "case.confirmAmounts": event(confirmAmounts),
  "case.withdrawConfirmationNotice": event(withdrawConfirmationNotice),
  "case.disputeConfirmationNotice": event(disputeConfirmationNotice),
  "case.issueRefundNotice": event(issueRefundNotice),
  "case.recordRefund": async (ctx: Ctx<Parameters<typeof recordRefund>[2]>) => outcome(await recordRefund(ctx.db, ctx.actor, ctx.input, ctx.upload, opts(ctx))),
  "case.completeRefund": event(completeRefund),
  "case.submitProgressReport": async (ctx: Ctx<Parameters<typeof submitProgressReport>[2]>) => outcome(await submitProgressReport(ctx.db, ctx.actor, ctx.input, fileOf(ctx), opts(ctx))),
  "case.submitRectificationMaterial": async (ctx: Ctx<Parameters<typeof submitRectificationMaterial>[2]>) =>
    outcome(await submitRectificationMaterial(ctx.db, ctx.actor, ctx.input, fileOf(ctx), opts(ctx))),
  "case.endHandling": event(endHandling),
  "case.submitRectificationReport": async (ctx: Ctx<Parameters<typeof submitWrittenReport>[2]>) => outcome(await submitWrittenReport(ctx.db, ctx.actor, ctx.input, fileOf(ctx), opts(ctx))),
  "case.acceptRectification": event(acceptRectification),
  "case.returnRectification": event(returnRectification),
  "case.close": event(closeCase),
  "case.editFinding": event(editFinding),
  "case.withdrawFinding": event(withdrawFinding),
  "case.withdrawEvidence": event(withdrawEvidence),

  "case.get": async (ctx: Ctx<{ caseId: string }>) => {
    const file = await getCaseFile(ctx.db, ctx.actor, ctx.input.caseId, ctx.now);
    return { ...file, version: file.case.version };
  },
  "case.reviewProgressReport": async (ctx: Ctx<Parameters<typeof reviewRectificationReport>[2]>) => reviewRectificationReport(ctx.db, ctx.actor, ctx.input, ctx.context),
};
