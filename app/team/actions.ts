"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/action";
import { signCommitmentLetter } from "@/lib/server/plans/teams";
import { ZSignCommitmentInput } from "@/lib/validation/plans";

export async function signCommitmentAction(raw: unknown): Promise<ActionResult<void>> {
  const result = await runAction("commitment.sign", ZSignCommitmentInput, raw, async ({ db, actor, input, context }) => {
    await signCommitmentLetter(db, actor, input.teamMemberId, context);
  });
  if (result.ok) revalidatePath("/team");
  return result;
}
