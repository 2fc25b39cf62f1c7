"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/action";
import { addTarget, createPlan } from "@/lib/server/plans/plans";
import { addTeamMember, createTeam } from "@/lib/server/plans/teams";
import { ZAddTargetInput, ZAddTeamMemberInput, ZCreatePlanInput, ZCreateTeamInput } from "@/lib/validation/plans";

export async function createPlanAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction("plan.create", ZCreatePlanInput, raw, async ({ db, actor, input, context }) => ({ id: (await createPlan(db, actor, input, context)).id }));
  if (result.ok) revalidatePath("/bureau/plans");
  return result;
}

export async function createTeamAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction("team.manage", ZCreateTeamInput, raw, async ({ db, actor, input, context }) => ({ id: (await createTeam(db, actor, input, context)).id }));
  if (result.ok) revalidatePath("/bureau/plans", "layout");
  return result;
}

export async function addTeamMemberAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction("team.manage", ZAddTeamMemberInput, raw, async ({ db, actor, input, context }) => ({ id: (await addTeamMember(db, actor, input, context)).id }));
  if (result.ok) revalidatePath("/bureau/plans", "layout");
  return result;
}

export async function addTargetAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction("plan.manageTargets", ZAddTargetInput, raw, async ({ db, actor, input, context }) => ({ id: (await addTarget(db, actor, input, context)).id }));
  if (result.ok) revalidatePath("/bureau/plans", "layout");
  return result;
}
