"use server";
import type { ActionResult } from "@/lib/server/action";
import { runPlanAction as run } from "@/app/bureau/plans/run-plan-action";
import { commitSalt, enterPublicEntropy, fixTargetDraw, fixTeamDraw, redraw, revealPartySalt, stopDraw } from "@/lib/server/draws/ceremony";
import { ZCommitInput, ZEntropyInput, ZFixTargetDrawInput, ZFixTeamDrawInput, ZRedrawInput, ZRevealInput, ZStopDrawInput } from "@/lib/validation/draws";

// The ceremony's steps (issue 8 §4), each one service call.
export async function fixTeamDrawAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return run("draw.fixManifest", ZFixTeamDrawInput, raw, async ({ db, actor, input, context }) => ({ id: (await fixTeamDraw(db, actor, input, context)).id }));
}

export async function fixTargetDrawAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return run("draw.fixManifest", ZFixTargetDrawInput, raw, async ({ db, actor, input, context }) => ({ id: (await fixTargetDraw(db, actor, input, context)).id }));
}

export async function commitSaltAction(raw: unknown): Promise<ActionResult<void>> {
  return run("draw.commit", ZCommitInput, raw, ({ db, actor, input, context }) => commitSalt(db, actor, input, context));
}

export async function enterEntropyAction(raw: unknown): Promise<ActionResult<void>> {
  return run("draw.enterEntropy", ZEntropyInput, raw, ({ db, actor, input, context }) => enterPublicEntropy(db, actor, input, context));
}

export async function revealSaltAction(raw: unknown): Promise<ActionResult<void>> {
  return run("draw.reveal", ZRevealInput, raw, ({ db, actor, input, context }) => revealPartySalt(db, actor, input, context));
}

export async function stopDrawAction(raw: unknown): Promise<ActionResult<void>> {
  return run("draw.stop", ZStopDrawInput, raw, ({ db, actor, input, context }) => stopDraw(db, actor, input, context));
}

export async function redrawAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return run("draw.redraw", ZRedrawInput, raw, async ({ db, actor, input, context }) => ({ id: (await redraw(db, actor, input, context)).id }));
}
