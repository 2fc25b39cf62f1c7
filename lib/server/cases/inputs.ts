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

/** Parses an operation's input, or throws VALIDATION with a message key per field. */
export function parseCaseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DomainError("VALIDATION", fieldErrorKeys(parsed.error));
  return parsed.data;
}
