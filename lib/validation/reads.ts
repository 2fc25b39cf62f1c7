/**
 * The query parameters of the API's lists (issue 13 §4): as a URL carries them, text; parsed strictly, never
 * coerced loosely (`limit=1e3`, `limit=0`, `after=-1` are refused with a field message).
 */
import { z } from "zod";
import { CASE_STATES } from "@/lib/domain/case/transitions";
import { tooLongMax, ZId } from "./primitives";

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
  institution: z.string({ error: "validation.invalid" }).max(100, tooLongMax(100)).optional(),
  /** Issue 12 §11: by plan, by inspected region, only the overdue ones ("1"). */
  plan: ZId.optional(),
  region: ZId.optional(),
  overdue: z.literal("1", { error: "validation.invalidChoice" }).optional(),
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

/**
 * The bureau home's case-list filters as its URL carries them (issue 12 §11: kept in the URL so the back
 * button and a shared link keep them): the same filters as `GET /cases`, paged by number for the screen.
 */
export const ZCaseListScreenFilter = z.strictObject({
  state: ZCaseListQuery.shape.state,
  plan: ZId.optional(),
  region: ZId.optional(),
  overdue: z.literal("1", { error: "validation.invalidChoice" }).transform(() => true).optional(),
  /** Issue 17 §1: the dashboard's drill-down: the plans' year, a team, the cases behind a figure. */
  year: z.string().regex(/^20\d{2}$/, { error: "validation.invalid" }).transform(Number).optional(),
  team: ZId.optional(),
  handedOver: z.literal("1", { error: "validation.invalidChoice" }).transform(() => true).optional(),
  figure: z.enum(["found", "confirmed", "refunded", "fined", "due"], { error: "validation.invalidChoice" }).optional(),
  page: z.string().regex(/^[1-9]\d{0,5}$/, { error: "validation.invalid" }).transform(Number).optional(),
});

export const ZPlanReadInput = z.strictObject({ planId: ZId });
export type TPlanReadInput = z.output<typeof ZPlanReadInput>;

export const ZPlanListQuery = z.strictObject({});

export const ZDrawReadInput = z.strictObject({ drawId: ZId });
export type TDrawReadInput = z.output<typeof ZDrawReadInput>;

/** The public list of draws, a page at a time (by number, as its page shows it). */
export const ZPublicDrawsQuery = z.strictObject({
  page: z.string({ error: "validation.invalid" }).regex(/^[1-9]\d{0,5}$/, { error: "validation.invalid" }).transform(Number).optional(),
});
export type TPublicDrawsQuery = z.output<typeof ZPublicDrawsQuery>;
