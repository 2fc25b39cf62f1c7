"use server";
import { runAction, type ActionResult } from "@/lib/server/action";
import { runPlanAction as run } from "@/app/bureau/plans/run-plan-action";
import { declareConflict } from "@/lib/server/draws/conflicts";
import { addCeremonyParty, addExclusionWindow, addParticipatingRegion, addPhase, addPlanKeyArea, deletePlan, designateTarget, publishPlan, removePlanItem, revisePlan, savePlanRegion, updatePlan } from "@/lib/server/plans/editor";
import { addTarget, createPlan, searchDesignatableInstitutions } from "@/lib/server/plans/plans";
import { addTeamMember, createTeam, recordPaperCommitmentLetter } from "@/lib/server/plans/teams";
import {
  ZAddPhaseInput,
  ZAddTargetInput,
  ZAddTeamMemberInput,
  ZCeremonyPartyInput,
  ZCreatePlanInput,
  ZCreateTeamInput,
  ZDeclareConflictInput,
  ZDesignateTargetInput,
  ZExclusionWindowInput,
  ZParticipatingRegionInput,
  ZPlanKeyAreaInput,
  ZPlanRefInput,
  ZPlanRegionInput,
  ZRemovePlanItemInput,
  ZSearchDesignatableInput,
  ZSignCommitmentInput,
  ZUpdatePlanInput,
} from "@/lib/validation/plans";

export async function createPlanAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return run("plan.create", ZCreatePlanInput, raw, async ({ db, actor, input, context }) => ({ id: (await createPlan(db, actor, input, context)).id }));
}

export async function createTeamAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return run("team.manage", ZCreateTeamInput, raw, async ({ db, actor, input, context }) => ({ id: (await createTeam(db, actor, input, context)).id }));
}

export async function addTeamMemberAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return run("team.manage", ZAddTeamMemberInput, raw, async ({ db, actor, input, context }) => ({ id: (await addTeamMember(db, actor, input, context)).id }));
}

export async function addTargetAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return run("plan.manageTargets", ZAddTargetInput, raw, async ({ db, actor, input, context }) => ({ id: (await addTarget(db, actor, input, context)).id }));
}

export async function updatePlanAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.update", ZUpdatePlanInput, raw, async ({ db, actor, input, context }) => void (await updatePlan(db, actor, input, context)));
}

export async function addPhaseAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.addPhase", ZAddPhaseInput, raw, async ({ db, actor, input, context }) => void (await addPhase(db, actor, input, context)));
}

export async function savePlanRegionAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.saveRegion", ZPlanRegionInput, raw, async ({ db, actor, input, context }) => void (await savePlanRegion(db, actor, input, context)));
}

export async function addPlanKeyAreaAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.addKeyArea", ZPlanKeyAreaInput, raw, async ({ db, actor, input, context }) => void (await addPlanKeyArea(db, actor, input, context)));
}

export async function addParticipatingRegionAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.addParticipatingRegion", ZParticipatingRegionInput, raw, async ({ db, actor, input, context }) => void (await addParticipatingRegion(db, actor, input, context)));
}

export async function addExclusionWindowAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.addExclusionWindow", ZExclusionWindowInput, raw, async ({ db, actor, input, context }) => void (await addExclusionWindow(db, actor, input, context)));
}

export async function addCeremonyPartyAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.addCeremonyParty", ZCeremonyPartyInput, raw, async ({ db, actor, input, context }) => void (await addCeremonyParty(db, actor, input, context)));
}

export async function designateTargetAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.designateTarget", ZDesignateTargetInput, raw, async ({ db, actor, input, context }) => void (await designateTarget(db, actor, input, context)));
}

/** A read for the designation form's search box: runAction alone, since nothing changes and no page needs refreshing. */
export async function searchDesignatableAction(raw: unknown): Promise<ActionResult<Awaited<ReturnType<typeof searchDesignatableInstitutions>>>> {
  return runAction("plan.searchDesignatable", ZSearchDesignatableInput, raw, ({ db, actor, input }) => searchDesignatableInstitutions(db, actor, input));
}

export async function removePlanItemAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.removeItem", ZRemovePlanItemInput, raw, async ({ db, actor, input, context }) => void (await removePlanItem(db, actor, input, context)));
}

export async function publishPlanAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.publish", ZPlanRefInput, raw, async ({ db, actor, input, context }) => void (await publishPlan(db, actor, input, context)));
}

export async function deletePlanAction(raw: unknown): Promise<ActionResult<void>> {
  return run("plan.delete", ZPlanRefInput, raw, async ({ db, actor, input, context }) => void (await deletePlan(db, actor, input, context)));
}

export async function revisePlanAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return run("plan.revise", ZPlanRefInput, raw, async ({ db, actor, input, context }) => ({ id: (await revisePlan(db, actor, input, context)).id }));
}

/** 回避 recorded by the bureau for a team member (an expert without an account, or on their behalf). */
export async function recordConflictAction(raw: unknown): Promise<ActionResult<void>> {
  return run("conflict.declare", ZDeclareConflictInput, raw, async ({ db, actor, input, context }) => void (await declareConflict(db, actor, input, context)));
}

/** A paper commitment letter signed by a member without an account, recorded by the bureau. */
export async function recordPaperLetterAction(raw: unknown): Promise<ActionResult<void>> {
  return run("commitment.recordPaper", ZSignCommitmentInput, raw, async ({ db, actor, input, context }) => void (await recordPaperCommitmentLetter(db, actor, input.teamMemberId, context)));
}
