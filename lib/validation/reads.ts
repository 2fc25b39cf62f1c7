/**
 * The query parameters of the API's lists (issue 13 §4): as a URL carries them, text; parsed strictly, never
 * coerced loosely (`limit=1e3`, `limit=0`, `after=-1` are refused with a field message).
 */
import { z } from "zod";
import { CASE_STATES } from "@/lib/domain/case/transitions";
import { ZId } from "./primitives";

/** A page holds at most this many rows; 50 unless asked. */
export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 50;

export const ZLimit = z
  .string({ error: "validation.invalid" })
  .regex(/^[1-9]\d{0,2}$/, { error: "validation.invalid" })
  .transform(Number)
  .refine((value) => value <= MAX_PAGE_LIMIT, { error: "validation.invalid" })
  .optional();

/** The opaque cursor a page answered as `nextCursor`: base64url, nothing a client builds itself. */
export const ZCursor = z.string({ error: "validation.invalid" }).regex(/^[A-Za-z0-9_-]{1,200}$/, { error: "validation.invalid" }).optional();

export const ZCaseListQuery = z.strictObject({
  state: z.enum(CASE_STATES, { error: "validation.invalidChoice" }).optional(),
  institution: z.string({ error: "validation.invalid" }).max(100, { error: "validation.tooLong" }).optional(),
  cursor: ZCursor,
  limit: ZLimit,
});
export type TCaseListQuery = z.output<typeof ZCaseListQuery>;

export const ZCaseReadInput = z.strictObject({ caseId: ZId });
export type TCaseReadInput = z.output<typeof ZCaseReadInput>;

export const ZFileReadInput = z.strictObject({ fileId: ZId });
export type TFileReadInput = z.output<typeof ZFileReadInput>;

/** `after`: the last `seq` the caller has (0 for the beginning). */
export const ZEventFeedQuery = z.strictObject({
  after: z.string({ error: "validation.invalid" }).regex(/^(0|[1-9]\d{0,17})$/, { error: "validation.invalid" }).optional(),
  limit: ZLimit,
});
export type TEventFeedQuery = z.output<typeof ZEventFeedQuery>;
