/**
 * The case operations: one entry per workflow event (POST /cases/{caseId}/events/{event}, the version as
 * `If-Match`), and the reads of a case file. Adding a case step is a row in the workflow table
 * (lib/domain/case/transitions.ts), a guard if it needs one, and one entry here with its service
 * (docs/operations.md, "How to add a step").
 */
import { z } from "zod";
import { CASE_EVENT_PERMISSIONS, eventMessageKey, type CaseEvent } from "@/lib/domain/case/transitions";
import {
  APPEAL_GROUNDS,
  EVIDENCE_KINDS,
  REFUND_METHODS,
  REVIEW_DECISIONS,
  ZAcceptRectificationInput,
  ZAddEvidenceInput,
  ZCaseCommandInput,
  ZCaseReportInput,
  ZCloseEarlyInput,
  ZDecideAppealInput,
  ZDeliverNoticeInput,
  ZDisputeConfirmationNoticeInput,
  ZEditFindingInput,
  ZWithdrawFindingInput,
  ZWithdrawEvidenceInput,
  ZEndHandlingInput,
  ZFileAppealInput,
  ZHandOverInput,
  ZIssueConfirmationNoticeInput,
  ZIssueRefundNoticeInput,
  ZRecordFindingInput,
  ZRecordRefundInput,
  ZRectificationMaterialInput,
  ZReturnRectificationInput,
  ZReviewReportInput,
  ZWithdrawConfirmationNoticeInput,
  ZWriteFeedbackReportInput,
} from "@/lib/validation/cases";
import { ZId } from "@/lib/validation/primitives";
import { camelOf, defineOperation, type CamelOf, kebabOf, type FormSpec, type OperationDescriptor, type UploadSpec } from "../types";

const TAG = "Cases";

function caseEvent<const E extends CaseEvent, I extends z.ZodType>(event: E, summary: string, input: I, extra: { form?: FormSpec; upload?: UploadSpec } = {}) {
  return defineOperation({
    name: `case.${camelOf(event)}` as `case.${CamelOf<E>}`,
    labelKey: eventMessageKey(event),
    summary,
    tag: TAG,
    input,
    permission: CASE_EVENT_PERMISSIONS[event],
    audit: `case.${camelOf(event)}`,
    http: { method: "POST", path: `/cases/{caseId}/events/${kebabOf(event)}` },
    caseEvent: event,
    etag: true,
    ...extra,
  }) as OperationDescriptor<I> & { name: `case.${CamelOf<E>}`; caseEvent: E };
}

const signForm: FormSpec = { fields: [], hintKey: "cases.signHint", confirmKey: "cases.signConfirm" };

/** Every case event's operation, keyed by the event: the case page offers the ones the workflow allows. */
export const CASE_EVENT_OPERATIONS = {
  DELIVER_NOTICE: caseEvent("DELIVER_NOTICE", "Record the on-site notice as read and delivered (Jilin plan §四(二)2).", ZDeliverNoticeInput, {
    form: {
      fields: [
        { name: "number", labelKey: "cases.noticeNumber", required: true },
        { name: "recipientName", labelKey: "cases.recipientName", required: true },
        { name: "recipientTitle", labelKey: "cases.recipientTitle", required: true },
        { name: "staffPresentIds", labelKey: "caseRecord.staffPresent", kind: "checkboxes", required: true, wide: true, hintKey: "caseRecord.staffPresentHint", options: { source: "lawEnforcementStaff" } },
      ],
    },
  }),
  CANCEL: caseEvent("CANCEL", "Drop a drawn target before its notice, with the reason.", ZCloseEarlyInput, {
    form: { fields: [{ name: "reason", labelKey: "cases.closingReasons.cancel", kind: "textarea", required: true }], confirmKey: "cases.closeConfirm" },
  }),
  START_ON_SITE: caseEvent("START_ON_SITE", "Begin the on-site check after the notice.", ZCaseCommandInput, { form: { fields: [] } }),
  ADD_EVIDENCE: caseEvent("ADD_EVIDENCE", "Attach one file as evidence (photo, recording, copy, transcript).", ZAddEvidenceInput, {
    upload: { required: true, kind: "document", labelKey: "cases.evidenceFile" },
    form: {
      fields: [
        { name: "kind", labelKey: "cases.evidenceKind", kind: "select", required: true, options: { values: EVIDENCE_KINDS, labelPrefix: "cases.evidenceKinds." } },
        { name: "description", labelKey: "cases.evidenceDescription" },
      ],
    },
  }),
  RECORD_FINDING: caseEvent("RECORD_FINDING", "Record a finding with its legal basis and amount while the problem record is unsigned.", ZRecordFindingInput, {
    form: {
      fields: [
        { name: "violationTypeId", labelKey: "cases.violationType", kind: "select", required: true, options: { source: "violationTypes" } },
        { name: "keyAreaId", labelKey: "cases.keyArea", kind: "select", options: { source: "keyAreas" }, emptyLabelKey: "cases.noKeyArea" },
        { name: "legalBasis", labelKey: "cases.legalBasis", required: true, autofill: { from: "violationTypeId", key: "legalBasis" } },
        { name: "amount", labelKey: "cases.amount", kind: "money", required: true, hintKey: "cases.amountHint" },
        { name: "description", labelKey: "cases.findingDescription", kind: "textarea", required: true, hintKey: "caseRecord.descriptionHint" },
      ],
    },
  }),
  CLOSE_WITHOUT_FINDINGS: caseEvent("CLOSE_WITHOUT_FINDINGS", "End an on-site check that found nothing, with a note of what was checked.", ZCloseEarlyInput, {
    form: { fields: [{ name: "reason", labelKey: "cases.closingReasons.closeWithoutFindings", kind: "textarea", required: true }], confirmKey: "cases.closeConfirm" },
  }),
  SIGN_RECORD_TEAM: caseEvent("SIGN_RECORD_TEAM", "The team leader signs the on-site problem record.", ZCaseCommandInput, { form: signForm }),
  SIGN_RECORD_INSTITUTION: caseEvent("SIGN_RECORD_INSTITUTION", "The institution signs the on-site problem record as presented.", ZCaseCommandInput, { form: signForm }),
  WRITE_FEEDBACK_REPORT: caseEvent("WRITE_FEEDBACK_REPORT", "Write the team's feedback report to the inspected region.", ZWriteFeedbackReportInput, {
    form: { fields: [{ name: "summary", labelKey: "cases.feedbackSummary", kind: "textarea", required: true }] },
  }),
  HAND_OVER: caseEvent("HAND_OVER", "Hand the case over to the inspected region's city bureau.", ZHandOverInput, {
    form: { fields: [{ name: "note", labelKey: "cases.handoverNote", wide: true }] },
  }),
  FILE_APPEAL: caseEvent("FILE_APPEAL", "Appeal a duplicate deduction or a disputed finding within the window.", ZFileAppealInput, {
    form: {
      hintKey: "cases.appealHint",
      fields: [
        { name: "grounds", labelKey: "cases.appealGrounds", kind: "select", required: true, options: { values: APPEAL_GROUNDS, labelPrefix: "cases.appealGroundsKinds." } },
        { name: "findingId", labelKey: "cases.appealFinding", kind: "select", options: { source: "appealableFindings" }, emptyLabelKey: "cases.appealWholeCase" },
        { name: "statement", labelKey: "cases.appealStatement", kind: "textarea", required: true },
      ],
    },
  }),
  DECIDE_APPEAL: caseEvent("DECIDE_APPEAL", "Decide an open appeal: upheld, amended or withdrawn.", ZDecideAppealInput, {
    form: {
      fields: [
        { name: "appealId", labelKey: "cases.appeal", kind: "select", required: true, wide: true, options: { source: "openAppeals" } },
        { name: "decision", labelKey: "cases.reviewDecision", kind: "select", required: true, options: { values: REVIEW_DECISIONS, labelPrefix: "cases.reviewDecisions." } },
        { name: "revisedAmount", labelKey: "cases.revisedAmount", kind: "money", hintKey: "cases.revisedAmountHint" },
        { name: "reasoning", labelKey: "cases.reviewReasoning", kind: "textarea", required: true },
        { name: "expertMeeting", labelKey: "cases.expertMeeting", kind: "checkbox" },
        { name: "meetingNote", labelKey: "cases.meetingNote" },
      ],
    },
  }),
  ISSUE_CONFIRMATION_NOTICE: caseEvent("ISSUE_CONFIRMATION_NOTICE", "Notify the institution of the amount to confirm: the signed findings after the appeals, per finding; another amount with a reason.", ZIssueConfirmationNoticeInput, {
    form: {
      fields: [
        { name: "number", labelKey: "cases.documentNumber" },
        { name: "amount", labelKey: "cases.confirmedAmount", kind: "money", hintKey: "cases.confirmedAmountHint" },
        { name: "deviationReason", labelKey: "cases.deviationReason", kind: "textarea", hintKey: "cases.deviationReasonHint" },
      ],
    },
  }),
  CONFIRM_AMOUNTS: caseEvent("CONFIRM_AMOUNTS", "The institution confirms the notified amount.", ZCaseCommandInput, {
    form: { fields: [], hintKey: "cases.confirmAmountsHint", confirmKey: "cases.confirmAmountsConfirm" },
  }),
  WITHDRAW_CONFIRMATION_NOTICE: caseEvent("WITHDRAW_CONFIRMATION_NOTICE", "The city withdraws its confirmation notice before it is confirmed, to issue a corrected one; the notice stays in the history.", ZWithdrawConfirmationNoticeInput, {
    form: { fields: [{ name: "reason", labelKey: "cases.withdrawNoticeReason", kind: "textarea", required: true }] },
  }),
  DISPUTE_CONFIRMATION_NOTICE: caseEvent("DISPUTE_CONFIRMATION_NOTICE", "The institution disputes the confirmation notice with its reasons; it goes back to the city.", ZDisputeConfirmationNoticeInput, {
    form: { fields: [{ name: "reason", labelKey: "cases.disputeNoticeReason", kind: "textarea", required: true }], hintKey: "cases.disputeNoticeHint" },
  }),
  ISSUE_REFUND_NOTICE: caseEvent("ISSUE_REFUND_NOTICE", "Notify the institution to refund into the original fund account.", ZIssueRefundNoticeInput, {
    form: {
      fields: [
        { name: "number", labelKey: "cases.documentNumber" },
        { name: "fundAccount", labelKey: "cases.fundAccount", required: true },
        { name: "dueOn", labelKey: "cases.refundDueOn", kind: "date" },
      ],
    },
  }),
  RECORD_REFUND: caseEvent("RECORD_REFUND", "Record one refund into the fund with its voucher; a deduction from settlement is recorded by the city.", ZRecordRefundInput, {
    upload: { required: true, kind: "document", labelKey: "cases.voucherFile" },
    form: {
      fields: [
        { name: "refundAmount", labelKey: "cases.refundAmount", kind: "money", required: true, hintKey: "cases.outstandingHint" },
        { name: "method", labelKey: "cases.refundMethod", kind: "select", required: true, options: { values: REFUND_METHODS, labelPrefix: "cases.refundMethods." }, defaultValue: "TRANSFER" },
        { name: "paidOn", labelKey: "cases.paidOn", kind: "date" },
      ],
    },
  }),
  COMPLETE_REFUND: caseEvent("COMPLETE_REFUND", "Confirm that the whole confirmed amount has been refunded.", ZCaseCommandInput, { form: { fields: [] } }),
  SUBMIT_PROGRESS_REPORT: caseEvent("SUBMIT_PROGRESS_REPORT", "Report handling progress within 30 working days of the handover.", ZCaseReportInput, {
    upload: { required: true, kind: "document", labelKey: "cases.reportFile" },
    form: { fields: [{ name: "summary", labelKey: "cases.reportSummary", kind: "textarea", required: true }] },
  }),
  SUBMIT_RECTIFICATION_MATERIAL: caseEvent("SUBMIT_RECTIFICATION_MATERIAL", "Upload rectification material.", ZRectificationMaterialInput, {
    upload: { required: true, kind: "document", labelKey: "cases.materialFile" },
    form: { fields: [{ name: "description", labelKey: "cases.materialDescription", wide: true }] },
  }),
  END_HANDLING: caseEvent("END_HANDLING", "End the handling with the amount handled.", ZEndHandlingInput, {
    form: {
      fields: [
        { name: "handledAmount", labelKey: "cases.handledAmount", kind: "money", required: true },
        { name: "differenceExplanation", labelKey: "cases.differenceExplanation", kind: "textarea", hintKey: "cases.differenceExplanationHint" },
      ],
    },
  }),
  SUBMIT_RECTIFICATION_REPORT: caseEvent("SUBMIT_RECTIFICATION_REPORT", "Submit the written report within 5 working days after handling ends.", ZCaseReportInput, {
    upload: { required: true, kind: "document", labelKey: "cases.reportFile" },
    form: { fields: [{ name: "summary", labelKey: "cases.writtenReportSummary", kind: "textarea", required: true }] },
  }),
  ACCEPT_RECTIFICATION: caseEvent("ACCEPT_RECTIFICATION", "Accept the written report.", ZAcceptRectificationInput, {
    form: { fields: [{ name: "note", labelKey: "cases.reviewNote", wide: true }] },
  }),
  RETURN_RECTIFICATION: caseEvent("RETURN_RECTIFICATION", "Return the written report with what is missing.", ZReturnRectificationInput, {
    form: { fields: [{ name: "note", labelKey: "cases.returnNote", kind: "textarea", required: true }] },
  }),
  CLOSE: caseEvent("CLOSE", "Close the case after rectification is accepted.", ZCaseCommandInput, { form: { fields: [], confirmKey: "cases.closeConfirm" } }),
  // Issue 12 §2: the team's corrections of its draft findings, each kept as a revision.
  EDIT_FINDING: caseEvent("EDIT_FINDING", "Correct a finding before the team signs the problem record, with the reason; the change is kept as a revision.", ZEditFindingInput, {
    form: {
      hintKey: "caseRecord.editHint",
      fields: [
        { name: "findingId", labelKey: "caseRecord.finding", kind: "select", required: true, wide: true, options: { source: "revisableFindings" } },
        { name: "violationTypeId", labelKey: "cases.violationType", kind: "select", required: true, options: { source: "violationTypes" }, autofill: { from: "findingId", key: "violationTypeId", overwrite: true } },
        { name: "keyAreaId", labelKey: "cases.keyArea", kind: "select", options: { source: "keyAreas" }, emptyLabelKey: "cases.noKeyArea", autofill: { from: "findingId", key: "keyAreaId", overwrite: true } },
        { name: "legalBasis", labelKey: "cases.legalBasis", required: true, autofill: { from: "findingId", key: "legalBasis", overwrite: true } },
        { name: "amount", labelKey: "cases.amount", kind: "money", required: true, hintKey: "cases.amountHint", autofill: { from: "findingId", key: "amount", overwrite: true } },
        { name: "description", labelKey: "cases.findingDescription", kind: "textarea", required: true, hintKey: "caseRecord.descriptionHint", autofill: { from: "findingId", key: "description", overwrite: true } },
        { name: "reason", labelKey: "caseRecord.editReason", kind: "textarea", required: true },
      ],
    },
  }),
  WITHDRAW_FINDING: caseEvent("WITHDRAW_FINDING", "Withdraw a finding before the team signs the problem record, with the reason; it stays in the file, marked withdrawn.", ZWithdrawFindingInput, {
    form: {
      fields: [
        { name: "findingId", labelKey: "caseRecord.finding", kind: "select", required: true, wide: true, options: { source: "revisableFindings" } },
        { name: "reason", labelKey: "caseRecord.withdrawReason", kind: "textarea", required: true },
      ],
      confirmKey: "caseRecord.withdrawConfirm",
    },
  }),
  WITHDRAW_EVIDENCE: caseEvent("WITHDRAW_EVIDENCE", "Withdraw a piece of evidence before the team signs the problem record, with the reason; the file stays in the case file, marked withdrawn.", ZWithdrawEvidenceInput, {
    form: {
      fields: [
        { name: "evidenceId", labelKey: "caseRecord.evidence", kind: "select", required: true, wide: true, options: { source: "withdrawableEvidence" } },
        { name: "reason", labelKey: "caseRecord.withdrawEvidenceReason", kind: "textarea", required: true },
      ],
      confirmKey: "caseRecord.withdrawEvidenceConfirm",
    },
  }),
} as const satisfies { [E in CaseEvent]: OperationDescriptor & { caseEvent: E } };

export const CASE_READ_OPERATIONS = {
  get: defineOperation({
    name: "case.get",
    labelKey: "cases.file",
    summary: "One case file as the caller may see it, with the events the caller may apply now; the version is the ETag.",
    tag: TAG,
    input: z.strictObject({ caseId: ZId }),
    permission: "case.read",
    audit: "case.read",
    http: { method: "GET", path: "/cases/{caseId}" },
    etag: true,
  }),
  reviewProgressReport: defineOperation({
    name: "case.reviewProgressReport",
    labelKey: "cases.reviewProgressReport",
    summary: "The bureau accepts a city's progress report or returns it with a note.",
    tag: TAG,
    input: ZReviewReportInput,
    permission: "rectification.review",
    audit: "rectification.reviewReport",
    http: { method: "POST", path: "/reports/{reportId}/review" },
  }),
} as const;
