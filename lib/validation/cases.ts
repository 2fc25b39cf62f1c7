/**
 * The inputs of the case operations, as strict zod schemas with message keys. The server parses the raw
 * input once, at the operations boundary (lib/server/operations); a form uses the same schema only to show
 * errors before sending, and sends its raw values. Unknown fields are refused, not dropped.
 */
import { z } from "zod";
import { blankAsAbsent, choice, optionalText, requiredText, ZBoolean, ZDateTime, ZId, ZIsoDate, ZMoney, ZVersion } from "./primitives";

export { ZMoney };

/** Which case, as the user last saw it: `version` is the compare-and-set token (over HTTP, the `If-Match` header). */
const ZCaseRef = { caseId: ZId, version: ZVersion };

export const ZCaseCommandInput = z.strictObject(ZCaseRef);
export type TCaseCommandInput = z.output<typeof ZCaseCommandInput>;

/** 条例 art. 29: at least two law-enforcement staff on site; the message names the rule. */
export const MIN_LAW_ENFORCEMENT_STAFF = 2;
const ZStaffPresentIds = z
  .array(ZId, { error: "caseRecord.staffPresentRule" })
  .max(50, { error: "validation.invalid" })
  .refine((ids) => new Set(ids).size === ids.length, { error: "caseRecord.staffPresentRule" })
  .refine((ids) => ids.length >= MIN_LAW_ENFORCEMENT_STAFF, { error: "caseRecord.staffPresentRule" });

export const ZDeliverNoticeInput = z.strictObject({
  ...ZCaseRef,
  number: requiredText(64),
  recipientName: requiredText(100),
  recipientTitle: requiredText(100),
  /** When the notice was handed over; defaults to now, and never later than now. */
  deliveredAt: blankAsAbsent(ZDateTime),
  /** 条例 art. 29: the team's law-enforcement staff present (users), at least two, named on the notice. */
  staffPresentIds: ZStaffPresentIds,
});
export type TDeliverNoticeInput = z.output<typeof ZDeliverNoticeInput>;

export const ZRecordFindingInput = z.strictObject({
  ...ZCaseRef,
  violationTypeId: ZId,
  keyAreaId: blankAsAbsent(ZId),
  legalBasis: requiredText(500),
  description: requiredText(4000),
  amount: ZMoney,
});
export type TRecordFindingInput = z.output<typeof ZRecordFindingInput>;

export const ZWriteFeedbackReportInput = z.strictObject({ ...ZCaseRef, summary: requiredText(20_000) });
export type TWriteFeedbackReportInput = z.output<typeof ZWriteFeedbackReportInput>;

export const ZHandOverInput = z.strictObject({ ...ZCaseRef, note: optionalText(2000) });
export type THandOverInput = z.output<typeof ZHandOverInput>;

export const ZCloseEarlyInput = z.strictObject({
  ...ZCaseRef,
  /** CANCEL: why the bureau drops a drawn target; CLOSE_WITHOUT_FINDINGS: the leader's note. */
  reason: requiredText(2000),
});
export type TCloseEarlyInput = z.output<typeof ZCloseEarlyInput>;

/** Liuzhou plan §四(二): review only of duplicate deductions and of disputed findings. */
export const APPEAL_GROUNDS = ["DUPLICATE_DEDUCTION", "DISPUTED_FINDING"] as const;

export const ZFileAppealInput = z
  .strictObject({
    ...ZCaseRef,
    /** The finding appealed; may be left out for a duplicate deduction spanning the whole case. */
    findingId: blankAsAbsent(ZId),
    grounds: choice(APPEAL_GROUNDS),
    statement: requiredText(20_000),
  })
  .refine((input) => input.grounds !== "DISPUTED_FINDING" || input.findingId !== undefined, { path: ["findingId"], error: "validation.appealNeedsFinding" });
export type TFileAppealInput = z.output<typeof ZFileAppealInput>;

export const REVIEW_DECISIONS = ["APPEAL_REJECTED", "FINDING_AMENDED", "FINDING_WITHDRAWN"] as const;

export const ZDecideAppealInput = z
  .strictObject({
    ...ZCaseRef,
    appealId: ZId,
    decision: choice(REVIEW_DECISIONS),
    /** FINDING_AMENDED: the finding's amount after the review. */
    revisedAmount: blankAsAbsent(ZMoney),
    reasoning: requiredText(20_000),
    /** A disputed finding discussed with health and market-regulation staff and experts (Liuzhou plan §四(二)). */
    expertMeeting: ZBoolean.optional(),
    meetingNote: optionalText(4000),
  })
  .refine((input) => input.decision !== "FINDING_AMENDED" || input.revisedAmount !== undefined, { path: ["revisedAmount"], error: "validation.required" });
export type TDecideAppealInput = z.output<typeof ZDecideAppealInput>;

export const ZIssueConfirmationNoticeInput = z.strictObject({
  ...ZCaseRef,
  number: optionalText(64),
  /** Defaults to the standing findings' total after the appeal outcomes; another amount needs `deviationReason`. */
  amount: blankAsAbsent(ZMoney),
  deviationReason: optionalText(2000),
});
export type TIssueConfirmationNoticeInput = z.output<typeof ZIssueConfirmationNoticeInput>;

/** WITHDRAW_CONFIRMATION_NOTICE (the city's reason) and DISPUTE_CONFIRMATION_NOTICE (the institution's reasons). */
export const ZWithdrawConfirmationNoticeInput = z.strictObject({ ...ZCaseRef, reason: requiredText(2000) });
export const ZDisputeConfirmationNoticeInput = z.strictObject({ ...ZCaseRef, reason: requiredText(20_000) });
export type TConfirmationNoticeReasonInput = z.output<typeof ZWithdrawConfirmationNoticeInput>;

/** The bureau's threshold of a difference that needs a written explanation (Jilin plan §四(三)). */
export const ZUpdateHandlingSettingsInput = z.strictObject({
  version: ZVersion,
  /** A percentage of the handed-over amount, at most two decimals: "10", "12.5". */
  differenceThresholdPercent: ZMoney.refine((value) => Number(value) <= 100, { error: "validation.percentTooLarge" }),
  differenceThresholdAmount: ZMoney,
});
export type TUpdateHandlingSettingsInput = z.output<typeof ZUpdateHandlingSettingsInput>;

export const ZIssueRefundNoticeInput = z.strictObject({
  ...ZCaseRef,
  number: optionalText(64),
  /** 条例 art. 45: the money goes back to the original fund account. */
  fundAccount: requiredText(200),
  dueOn: blankAsAbsent(ZIsoDate),
});
export type TIssueRefundNoticeInput = z.output<typeof ZIssueRefundNoticeInput>;

export const REFUND_METHODS = ["TRANSFER", "SETTLEMENT_DEDUCTION"] as const;

/** Multipart: every field arrives as text; the voucher is the `file` part. */
export const ZRecordRefundInput = z.strictObject({
  ...ZCaseRef,
  refundAmount: ZMoney,
  method: choice(REFUND_METHODS),
  /** The day the money was paid or deducted (China date); defaults to today. */
  paidOn: blankAsAbsent(ZIsoDate),
});
export type TRecordRefundInput = z.output<typeof ZRecordRefundInput>;

export const ZEndHandlingInput = z.strictObject({
  ...ZCaseRef,
  handledAmount: ZMoney,
  /** Required when the result differs from the handed-over one beyond the bureau's threshold (computed, not ticked). */
  differenceExplanation: optionalText(20_000),
});
export type TEndHandlingInput = z.output<typeof ZEndHandlingInput>;

/** A report to the province with its document (the `file` part): the progress report and the written report. */
export const ZCaseReportInput = z.strictObject({ ...ZCaseRef, summary: requiredText(20_000) });
export const ZWrittenReportInput = ZCaseReportInput;
export const ZProgressReportInput = ZCaseReportInput;
export type TCaseReportInput = z.output<typeof ZCaseReportInput>;

/** ACCEPT_RECTIFICATION takes an optional note; RETURN_RECTIFICATION needs one. */
export const ZAcceptRectificationInput = z.strictObject({ ...ZCaseRef, note: optionalText(2000) });
export const ZReturnRectificationInput = z.strictObject({ ...ZCaseRef, note: requiredText(2000) });
export type TRectificationDecisionInput = z.output<typeof ZAcceptRectificationInput>;

export const ZRectificationMaterialInput = z.strictObject({ ...ZCaseRef, description: optionalText(2000) });
export type TRectificationMaterialInput = z.output<typeof ZRectificationMaterialInput>;

/** 线索保全 (Liuzhou plan §五(五)1; 条例 art. 27): the kinds of evidence. */
export const EVIDENCE_KINDS = ["PHOTO", "AUDIO", "VIDEO", "COPY", "ON_SITE_RECORD", "INTERVIEW_RECORD", "OTHER"] as const;

export const ZAddEvidenceInput = z.strictObject({ ...ZCaseRef, kind: choice(EVIDENCE_KINDS), description: optionalText(500) });
export type TAddEvidenceInput = z.output<typeof ZAddEvidenceInput>;

/** The bureau's review of a progress report (not a case event: the case's state does not move). */
export const ZReviewReportInput = z.strictObject({
  reportId: ZId,
  version: ZVersion,
  decision: choice(["ACCEPT", "RETURN"]),
  note: optionalText(2000),
});
export type TReviewReportInput = z.output<typeof ZReviewReportInput>;
export type TProgressReportInput = TCaseReportInput;
export type TWrittenReportInput = TCaseReportInput;
export type TReturnRectificationInput = z.output<typeof ZReturnRectificationInput>;

/** Issue 12 §2: a correction of a finding before the team signs: its values as they should stand, and why. */
export const ZEditFindingInput = z.strictObject({
  ...ZCaseRef,
  findingId: ZId,
  violationTypeId: ZId,
  keyAreaId: blankAsAbsent(ZId),
  legalBasis: requiredText(500),
  description: requiredText(4000),
  amount: ZMoney,
  reason: requiredText(2000),
});
export type TEditFindingInput = z.output<typeof ZEditFindingInput>;

/** Issue 12 §2: a finding withdrawn before the team signs; it stays in the file, marked, with the reason. */
export const ZWithdrawFindingInput = z.strictObject({ ...ZCaseRef, findingId: ZId, reason: requiredText(2000) });
export type TWithdrawFindingInput = z.output<typeof ZWithdrawFindingInput>;

/** Issue 12 §9: evidence withdrawn before the team signs; the file stays, marked, with the reason. */
export const ZWithdrawEvidenceInput = z.strictObject({ ...ZCaseRef, evidenceId: ZId, reason: requiredText(2000) });
export type TWithdrawEvidenceInput = z.output<typeof ZWithdrawEvidenceInput>;
