import "server-only";
import { commitSalt, enterPublicEntropy, fixTargetDraw, fixTeamDraw, redraw, revealPartySalt, stopDraw } from "@/lib/server/draws/ceremony";
import { declareConflict } from "@/lib/server/draws/conflicts";
import { getDrawFile } from "@/lib/server/draws/draw-file";
import { addCeremonyParty, addExclusionWindow, addParticipatingRegion, addPhase, addPlanKeyArea, deletePlan, designateTarget, publishPlan, removePlanItem, revisePlan, savePlanRegion, updatePlan } from "@/lib/server/plans/editor";
import { addTarget, createPlan, searchDesignatableInstitutions } from "@/lib/server/plans/plans";
import { addTeamMember, createTeam, recordPaperCommitmentLetter, signCommitmentLetter } from "@/lib/server/plans/teams";
import type { TCommitInput, TDrawFileInput, TEntropyInput, TFixTargetDrawInput, TFixTeamDrawInput, TRedrawInput, TRevealInput, TStopDrawInput } from "@/lib/validation/draws";
import type {
  TAddPhaseInput,
  TAddTargetInput,
  TAddTeamMemberInput,
  TCeremonyPartyInput,
  TCreatePlanInput,
  TCreateTeamInput,
  TDeclareConflictInput,
  TDesignateTargetInput,
  TExclusionWindowInput,
  TParticipatingRegionInput,
  TPlanKeyAreaInput,
  TPlanRefInput,
  TPlanRegionInput,
  TRemovePlanItemInput,
  TSearchDesignatableInput,
  TUpdatePlanInput,
} from "@/lib/validation/plans";
import type { HandlerContext } from "../boundary";

const idOf = async (made: Promise<{ id: string }>) => ({ id: (await made).id });
const nothing = async (done: Promise<unknown>) => {
  await done;
};

/** Plans, teams and the draw ceremony: a made record answers its id (the page opens it); an edit answers nothing. */
export const PLAN_IMPLEMENTATIONS = {
  "plan.create": ({ db, actor, input, context }: HandlerContext<TCreatePlanInput>) => idOf(createPlan(db, actor, input, context)),
  "plan.update": ({ db, actor, input, context }: HandlerContext<TUpdatePlanInput>) => nothing(updatePlan(db, actor, input, context)),
  "plan.addPhase": ({ db, actor, input, context }: HandlerContext<TAddPhaseInput>) => nothing(addPhase(db, actor, input, context)),
  "plan.saveRegion": ({ db, actor, input, context }: HandlerContext<TPlanRegionInput>) => nothing(savePlanRegion(db, actor, input, context)),
  "plan.addKeyArea": ({ db, actor, input, context }: HandlerContext<TPlanKeyAreaInput>) => nothing(addPlanKeyArea(db, actor, input, context)),
  "plan.addParticipatingRegion": ({ db, actor, input, context }: HandlerContext<TParticipatingRegionInput>) => nothing(addParticipatingRegion(db, actor, input, context)),
  "plan.addExclusionWindow": ({ db, actor, input, context }: HandlerContext<TExclusionWindowInput>) => nothing(addExclusionWindow(db, actor, input, context)),
  "plan.addCeremonyParty": ({ db, actor, input, context }: HandlerContext<TCeremonyPartyInput>) => nothing(addCeremonyParty(db, actor, input, context)),
  "plan.designateTarget": ({ db, actor, input, context }: HandlerContext<TDesignateTargetInput>) => nothing(designateTarget(db, actor, input, context)),
  "plan.searchDesignatable": ({ db, actor, input }: HandlerContext<TSearchDesignatableInput>) => searchDesignatableInstitutions(db, actor, input),
  "plan.removeItem": ({ db, actor, input, context }: HandlerContext<TRemovePlanItemInput>) => nothing(removePlanItem(db, actor, input, context)),
  "plan.publish": ({ db, actor, input, context }: HandlerContext<TPlanRefInput>) => nothing(publishPlan(db, actor, input, context)),
  "plan.delete": ({ db, actor, input, context }: HandlerContext<TPlanRefInput>) => nothing(deletePlan(db, actor, input, context)),
  "plan.revise": ({ db, actor, input, context }: HandlerContext<TPlanRefInput>) => idOf(revisePlan(db, actor, input, context)),
  "plan.addTarget": ({ db, actor, input, context }: HandlerContext<TAddTargetInput>) => idOf(addTarget(db, actor, input, context)),
  "team.create": ({ db, actor, input, context }: HandlerContext<TCreateTeamInput>) => idOf(createTeam(db, actor, input, context)),
  "team.addMember": ({ db, actor, input, context }: HandlerContext<TAddTeamMemberInput>) => idOf(addTeamMember(db, actor, input, context)),
  "team.recordPaperLetter": ({ db, actor, input, context }: HandlerContext<{ teamMemberId: string }>) => nothing(recordPaperCommitmentLetter(db, actor, input.teamMemberId, context)),
  "team.signCommitmentLetter": ({ db, actor, input, context }: HandlerContext<{ teamMemberId: string }>) => nothing(signCommitmentLetter(db, actor, input.teamMemberId, context)),
  "team.declareConflict": ({ db, actor, input, context }: HandlerContext<TDeclareConflictInput>) => nothing(declareConflict(db, actor, input, context)),
  "draw.fixTeamDraw": ({ db, actor, input, context }: HandlerContext<TFixTeamDrawInput>) => idOf(fixTeamDraw(db, actor, input, context)),
  "draw.fixTargetDraw": ({ db, actor, input, context }: HandlerContext<TFixTargetDrawInput>) => idOf(fixTargetDraw(db, actor, input, context)),
  "draw.commit": ({ db, actor, input, context }: HandlerContext<TCommitInput>) => nothing(commitSalt(db, actor, input, context)),
  "draw.enterEntropy": ({ db, actor, input, context }: HandlerContext<TEntropyInput>) => nothing(enterPublicEntropy(db, actor, input, context)),
  "draw.reveal": ({ db, actor, input, context }: HandlerContext<TRevealInput>) => nothing(revealPartySalt(db, actor, input, context)),
  "draw.stop": ({ db, actor, input, context }: HandlerContext<TStopDrawInput>) => nothing(stopDraw(db, actor, input, context)),
  "draw.redraw": ({ db, actor, input, context }: HandlerContext<TRedrawInput>) => idOf(redraw(db, actor, input, context)),
  // Public operations: the actor may be absent (a visitor reading a released record).
  "draw.record": ({ db, actor, input, context }: HandlerContext<TDrawFileInput>) => getDrawFile(db, actor ?? null, input.drawId, "record", context),
  "draw.fullRecord": ({ db, actor, input, context }: HandlerContext<TDrawFileInput>) => getDrawFile(db, actor ?? null, input.drawId, "full-record", context),
  "draw.manifest": ({ db, actor, input, context }: HandlerContext<TDrawFileInput>) => getDrawFile(db, actor ?? null, input.drawId, "manifest", context),
};
