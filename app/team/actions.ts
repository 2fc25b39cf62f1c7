"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/action";
import { declareConflict } from "@/lib/server/draws/conflicts";
import { signCommitmentLetter } from "@/lib/server/plans/teams";
import { ZDeclareConflictInput, ZSignCommitmentInput } from "@/lib/validation/plans";

export async function signCommitmentAction(raw: unknown): Promise<ActionResult<void>> {
  const result = await runAction("commitment.sign", ZSignCommitmentInput, raw, async ({ db, actor, input, context }) => {
    await signCommitmentLetter(db, actor, input.teamMemberId, context);
  });
  if (result.ok) revalidatePath("/team");
  return result;
}

/** 回避: the member leaves the team; a drawn member is replaced by the next eligible ticket (lib/server/draws/conflicts). */
export async function declareConflictAction(raw: unknown): Promise<ActionResult<void>> {
  const result = await runAction("conflict.declare", ZDeclareConflictInput, raw, async ({ db, actor, input, context }) => {
    await declareConflict(db, actor, input, context);
  });
  if (result.ok) {
    revalidatePath("/team");
    revalidatePath("/bureau/plans", "layout");
  }
  return result;
}
