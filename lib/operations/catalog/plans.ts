/**
 * Inspection plans and their teams (issue 8 §1): the plan editor's steps on a draft, publishing and revising,
 * targets, teams, members, commitment letters and conflicts of interest (回避).
 */
import type { z } from "zod";
import type { Permission } from "@/lib/policy/permissions";
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
import { defineOperation, type HttpMethod } from "../types";

const PLANS = "Plans";
const TEAMS = "Teams";

/** An edit of a draft plan: the plan editor's permission; the service refuses it once the plan is published. */
function edit<const N extends string, I extends z.ZodType>(name: N, labelKey: string, summary: string, input: I, method: HttpMethod, path: `/${string}`, audit: string = name, permission: Permission = "plan.create") {
  return defineOperation({ name, labelKey, summary, tag: PLANS, input, permission, audit, http: { method, path } });
}

export const PLAN_OPERATIONS = {
  create: edit("plan.create", "plans.create", "Create a draft plan.", ZCreatePlanInput, "POST", "/plans"),
  update: edit("plan.update", "plans.editor.save", "Save a draft plan's basic information.", ZUpdatePlanInput, "PUT", "/plans/{planId}"),
  addPhase: edit("plan.addPhase", "plans.editor.addPhase", "Add a phase (preparation, on site, handling …) to a draft plan.", ZAddPhaseInput, "POST", "/plans/{planId}/phases"),
  saveRegion: edit("plan.saveRegion", "plans.editor.saveRegion", "Set the draw rules of one inspected region of a draft plan.", ZPlanRegionInput, "PUT", "/plans/{planId}/regions/{poolingRegionId}"),
  addKeyArea: edit("plan.addKeyArea", "plans.editor.addKeyArea", "Add a key area (重点领域) to a draft plan.", ZPlanKeyAreaInput, "POST", "/plans/{planId}/key-areas"),
  addParticipatingRegion: edit("plan.addParticipatingRegion", "plans.editor.addParticipating", "Add a region whose staff inspect under a draft plan.", ZParticipatingRegionInput, "POST", "/plans/{planId}/participating-regions"),
  addExclusionWindow: edit("plan.addExclusionWindow", "plans.editor.addWindow", "Exclude institutions inspected in a span of years from a draft plan's draw.", ZExclusionWindowInput, "POST", "/plans/{planId}/exclusion-windows"),
  addCeremonyParty: edit("plan.addCeremonyParty", "plans.editor.addParty", "Add a party of the draw ceremony (who commits a salt) to a draft plan.", ZCeremonyPartyInput, "POST", "/plans/{planId}/ceremony-parties"),
  designateTarget: edit("plan.designateTarget", "plans.editor.designate", "Designate an institution for inspection outside the draw (指定检查), with the reason.", ZDesignateTargetInput, "POST", "/plans/{planId}/designations"),
  searchDesignatable: edit("plan.searchDesignatable", "plans.editor.designatedInstitution", "Institutions of a plan's inspected regions matching a name or code fragment.", ZSearchDesignatableInput, "GET", "/plans/{planId}/designatable-institutions", "plan.searchDesignatable", "plan.manageTargets"),
  removeItem: edit("plan.removeItem", "plans.editor.remove", "Remove one row (phase, region, party, window, designation, key area) of a draft plan.", ZRemovePlanItemInput, "DELETE", "/plans/{planId}/items/{kind}/{itemId}"),
  publish: edit("plan.publish", "plans.editor.publish", "Publish a draft plan: its draws may be held and its cases opened.", ZPlanRefInput, "POST", "/plans/{planId}/publish"),
  delete: edit("plan.delete", "plans.editor.delete", "Delete a draft plan nobody has acted on.", ZPlanRefInput, "DELETE", "/plans/{planId}"),
  revise: edit("plan.revise", "plans.editor.revise", "Start a revision of a published plan, as a new draft.", ZPlanRefInput, "POST", "/plans/{planId}/revise"),
  addTarget: edit("plan.addTarget", "plans.addTarget", "Add an institution to a published plan by hand (a designated target), opening its case.", ZAddTargetInput, "POST", "/plans/{planId}/targets", "plan.manageTargets", "plan.manageTargets"),
} as const;

export const TEAM_OPERATIONS = {
  create: defineOperation({
    name: "team.create",
    labelKey: "plans.createTeam",
    summary: "Create an inspection team of a plan for one inspected region.",
    tag: TEAMS,
    input: ZCreateTeamInput,
    permission: "team.manage",
    audit: "team.manage",
    http: { method: "POST", path: "/plans/{planId}/teams" },
  }),
  addMember: defineOperation({
    name: "team.addMember",
    labelKey: "plans.addMember",
    summary: "Name an inspector to a team (recusal rules apply); someone who left is restored to their place.",
    tag: TEAMS,
    input: ZAddTeamMemberInput,
    permission: "team.manage",
    audit: "team.manage",
    http: { method: "POST", path: "/teams/{teamId}/members" },
  }),
  recordPaperLetter: defineOperation({
    name: "team.recordPaperLetter",
    labelKey: "draw.recordPaperLetter",
    summary: "Record the commitment letter a member without an account signed on paper.",
    tag: TEAMS,
    input: ZSignCommitmentInput,
    permission: "team.manage",
    audit: "commitment.recordPaper",
    http: { method: "POST", path: "/team-members/{teamMemberId}/paper-letter" },
  }),
  signCommitmentLetter: defineOperation({
    name: "team.signCommitmentLetter",
    labelKey: "team.signLetter",
    summary: "Sign one's own commitment letter for a team place: the team's cases open to the member.",
    tag: TEAMS,
    input: ZSignCommitmentInput,
    permission: "commitment.sign",
    audit: "commitment.sign",
    http: { method: "POST", path: "/team-members/{teamMemberId}/commitment-letter" },
  }),
  declareConflict: defineOperation({
    name: "team.declareConflict",
    labelKey: "draw.declareConflict",
    summary: "Declare a conflict of interest (回避) for one's own team place, or record it for any member (the bureau): the member leaves the team, a drawn one is replaced.",
    tag: TEAMS,
    input: ZDeclareConflictInput,
    permission: "conflict.declare",
    audit: "conflict.declare",
    http: { method: "POST", path: "/team-members/{teamMemberId}/conflicts" },
  }),
} as const;
