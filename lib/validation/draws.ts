import { z } from "zod";
import { tooLongMax } from "./primitives";

// The ceremony's inputs (issue 8 §4; lib/domain/draw/seed.ts). The server re-checks each against the
// ceremony state; these schemas only make sure a value has the right shape before it gets there.
const ZId = z.string().uuid({ error: "validation.invalidId" });
const ZReason = z.string().trim().min(2, { error: "validation.required" }).max(500, tooLongMax(500));

export const ZFixTeamDrawInput = z.object({ planId: ZId });
export type TFixTeamDrawInput = z.infer<typeof ZFixTeamDrawInput>;

export const ZFixTargetDrawInput = z.object({ planId: ZId, planRegionId: ZId });
export type TFixTargetDrawInput = z.infer<typeof ZFixTargetDrawInput>;

export const ZCommitInput = z.object({
  drawId: ZId,
  partyId: ZId,
  commitment: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, { error: "draw.validation.commitment" }),
});
export type TCommitInput = z.infer<typeof ZCommitInput>;

export const ZEntropyInput = z.object({
  drawId: ZId,
  publicEntropy: z.string().trim().regex(/^\d{1,200}$/, { error: "draw.validation.entropy" }),
});
export type TEntropyInput = z.infer<typeof ZEntropyInput>;

export const ZRevealInput = z.object({
  drawId: ZId,
  partyId: ZId,
  salt: z.string().regex(/^[\x21-\x7e]{16,256}$/, { error: "draw.validation.salt" }),
});
export type TRevealInput = z.infer<typeof ZRevealInput>;

export const ZStopDrawInput = z.object({ drawId: ZId });
export type TStopDrawInput = z.infer<typeof ZStopDrawInput>;

export const ZRedrawInput = z.object({ drawId: ZId, reason: ZReason });
export type TRedrawInput = z.infer<typeof ZRedrawInput>;

/** A draw's file (its record, full record or manifest), by the draw's id. */
export const ZDrawFileInput = z.strictObject({ drawId: ZId });
export type TDrawFileInput = z.infer<typeof ZDrawFileInput>;
