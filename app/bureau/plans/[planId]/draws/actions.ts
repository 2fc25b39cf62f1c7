"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { runAction, type ActionContext, type ActionResult } from "@/lib/server/action";
import { commitSalt, enterPublicEntropy, fixTargetDraw, fixTeamDraw, redraw, revealPartySalt, stopDraw } from "@/lib/server/draws/ceremony";
import { ZCommitInput, ZEntropyInput, ZFixTargetDrawInput, ZFixTeamDrawInput, ZRedrawInput, ZRevealInput, ZStopDrawInput } from "@/lib/validation/draws";

// The ceremony's steps (issue 8 §4), each one service call; the draw page and the plan page show the change.
async function run<S extends z.ZodType, T>(name: string, schema: S, raw: unknown, body: (ctx: ActionContext<z.output<S>>) => Promise<T>): Promise<ActionResult<T>> {
  const result = await runAction(name, schema, raw, body);
  if (result.ok) revalidatePath("/bureau/plans", "layout");
  return result;
}

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
