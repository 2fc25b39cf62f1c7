/**
 * The inputs of the case operations, as zod schemas with message keys (no `server-only`: a form's resolver
 * can use the same schema). Every operation parses again with `parseCaseInput`, so a caller that skipped
 * the form still cannot write a malformed row.
 */
import { z } from "zod";
import { checkMoney, normalizeMoney, type MoneyErrorCode } from "@/lib/domain/money";
import { DomainError } from "@/lib/server/errors";
import { fieldErrorKeys } from "@/lib/validation/field-errors";

const MONEY_MESSAGE_KEYS = {
  MONEY_NOT_A_STRING: "validation.moneyMalformed",
  MONEY_MALFORMED: "validation.moneyMalformed",
  MONEY_NEGATIVE: "validation.moneyNegative",
  MONEY_TOO_PRECISE: "validation.moneyTooPrecise",
  MONEY_TOO_LARGE: "validation.moneyTooLarge",
} as const satisfies Record<MoneyErrorCode, string>;

const ZId = z.string({ error: "validation.invalidId" }).uuid({ error: "validation.invalidId" });

const requiredText = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, { error: "validation.required" }).max(max, { error: "validation.tooLong" });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .optional()
    .transform((value) => (value ? value : undefined));

/** Yuan with at most two decimals, never rounded (lib/domain/money); normalised to "1234.50". */
export const ZMoney = z
  .string({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.moneyMalformed") })
  .trim()
  .min(1, { error: "validation.required" })
  .superRefine((value, ctx) => {
    const checked = checkMoney(value);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: MONEY_MESSAGE_KEYS[checked.code] });
  })
  .transform((value) => normalizeMoney(value));

/** Which case, as the user last saw it: `version` is the compare-and-set token. */
const ZCaseRef = {
  caseId: ZId,
  version: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(0, { error: "validation.invalid" }),
};

export const ZCaseCommandInput = z.object(ZCaseRef);
export type TCaseCommandInput = z.infer<typeof ZCaseCommandInput>;

export const ZDeliverNoticeInput = z.object({
  ...ZCaseRef,
  number: requiredText(64),
  recipientName: requiredText(100),
  recipientTitle: requiredText(100),
  /** When the notice was handed over; defaults to now, and never later than now. */
  deliveredAt: z.coerce.date({ error: "validation.invalidDateTime" }).optional(),
});
export type TDeliverNoticeInput = z.infer<typeof ZDeliverNoticeInput>;

export const ZRecordFindingInput = z.object({
  ...ZCaseRef,
  violationTypeId: ZId,
  keyAreaId: ZId.optional().or(z.literal("").transform(() => undefined)),
  legalBasis: requiredText(500),
  description: requiredText(4000),
  amount: ZMoney,
});
export type TRecordFindingInput = z.infer<typeof ZRecordFindingInput>;

export const ZWriteFeedbackReportInput = z.object({
  ...ZCaseRef,
  summary: requiredText(20_000),
});
export type TWriteFeedbackReportInput = z.infer<typeof ZWriteFeedbackReportInput>;

export const ZHandOverInput = z.object({
  ...ZCaseRef,
  note: optionalText(2000),
});
export type THandOverInput = z.infer<typeof ZHandOverInput>;

/** A form's empty field is an absent value (an optional amount, date or choice left blank). */
const blankAsAbsent = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

const ZIsoDate = z.iso.date({ error: "validation.invalidDate" });

export const ZCloseEarlyInput = z.object({
  ...ZCaseRef,
  /** CANCEL: why the bureau drops a drawn target; CLOSE_WITHOUT_FINDINGS: the leader's note. */
  reason: requiredText(2000),
});
export type TCloseEarlyInput = z.infer<typeof ZCloseEarlyInput>;

/** Liuzhou plan §四(二): review only of duplicate deductions and of disputed findings. */
export const APPEAL_GROUNDS = ["DUPLICATE_DEDUCTION", "DISPUTED_FINDING"] as const;

export const ZFileAppealInput = z
  .object({
    ...ZCaseRef,
    /** The finding appealed; may be left out for a duplicate deduction spanning the whole case. */
    findingId: blankAsAbsent(ZId),
    grounds: z.enum(APPEAL_GROUNDS, { error: "validation.invalidChoice" }),
    statement: requiredText(20_000),
  })
  .refine((input) => input.grounds !== "DISPUTED_FINDING" || input.findingId !== undefined, { path: ["findingId"], error: "validation.appealNeedsFinding" });
export type TFileAppealInput = z.infer<typeof ZFileAppealInput>;

export const REVIEW_DECISIONS = ["APPEAL_REJECTED", "FINDING_AMENDED", "FINDING_WITHDRAWN"] as const;

export const ZDecideAppealInput = z
  .object({
    ...ZCaseRef,
    appealId: ZId,
    decision: z.enum(REVIEW_DECISIONS, { error: "validation.invalidChoice" }),
    /** FINDING_AMENDED: the finding's amount after the review. */
    revisedAmount: blankAsAbsent(ZMoney),
    reasoning: requiredText(20_000),
    /** A disputed finding discussed with health and market-regulation staff and experts (Liuzhou plan §四(二)). */
    expertMeeting: z.boolean({ error: "validation.invalid" }).default(false),
    meetingNote: optionalText(4000),
  })
  .refine((input) => input.decision !== "FINDING_AMENDED" || input.revisedAmount !== undefined, { path: ["revisedAmount"], error: "validation.required" });
export type TDecideAppealInput = z.infer<typeof ZDecideAppealInput>;

export const ZIssueConfirmationNoticeInput = z.object({
  ...ZCaseRef,
  number: optionalText(64),
  /** Defaults to the findings' total; the city states another amount when its handling differs. */
  amount: blankAsAbsent(ZMoney),
});
export type TIssueConfirmationNoticeInput = z.infer<typeof ZIssueConfirmationNoticeInput>;

export const ZIssueRefundNoticeInput = z.object({
  ...ZCaseRef,
  number: optionalText(64),
  /** 条例 art. 45: the money goes back to the original fund account. */
  fundAccount: requiredText(200),
  dueOn: blankAsAbsent(ZIsoDate),
});
export type TIssueRefundNoticeInput = z.infer<typeof ZIssueRefundNoticeInput>;

export const REFUND_METHODS = ["TRANSFER", "SETTLEMENT_DEDUCTION"] as const;

export const ZRecordRefundInput = z.object({
  ...ZCaseRef,
  refundAmount: ZMoney,
  method: z.enum(REFUND_METHODS, { error: "validation.invalidChoice" }),
  /** The day the money was paid or deducted (China date); defaults to today. */
  paidOn: blankAsAbsent(ZIsoDate),
});
export type TRecordRefundInput = z.infer<typeof ZRecordRefundInput>;

export const ZEndHandlingInput = z.object({
  ...ZCaseRef,
  handledAmount: ZMoney,
  /** The city's judgement that its result differs much from the handed-over one (较大差异). */
  differsFromHandover: z.preprocess((value) => value === "true" || value === "on" || value === true, z.boolean()).default(false),
  /** The written explanation such a difference needs; required when it differs. */
  differenceExplanation: optionalText(20_000),
});
export type TEndHandlingInput = z.infer<typeof ZEndHandlingInput>;

/** A report to the province with its document: the progress report and the written report. */
export const ZCaseReportInput = z.object({
  ...ZCaseRef,
  summary: requiredText(20_000),
});
export const ZWrittenReportInput = ZCaseReportInput;
export const ZProgressReportInput = ZCaseReportInput;

/** ACCEPT_RECTIFICATION takes an optional note; RETURN_RECTIFICATION needs one. */
export const ZAcceptRectificationInput = z.object({ ...ZCaseRef, note: optionalText(2000) });
export const ZReturnRectificationInput = z.object({ ...ZCaseRef, note: requiredText(2000) });

export const ZRectificationMaterialInput = z.object({
  ...ZCaseRef,
  description: optionalText(2000),
});

/** Parses an operation's input, or throws VALIDATION with a message key per field. */
export function parseCaseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DomainError("VALIDATION", fieldErrorKeys(parsed.error));
  return parsed.data;
}
