import { z } from "zod";
import { dateError, formBoolean, formInteger, tooLongMax } from "./primitives";

const ZId = z.string().uuid({ error: "validation.invalidId" });
const ZIsoDate = z.iso.date({ error: dateError });

export const PLAN_LEVELS = ["PROVINCIAL", "CITY", "COUNTY"] as const;
export const INSPECTION_TRIGGERS = ["ANNUAL_PLAN", "TIP_OFF", "DATA_SCREENING", "MEDIA", "OTHER"] as const;
export const TEAM_ROLES = ["LEADER", "DEPUTY", "LIAISON", "MEMBER", "EXPERT", "THIRD_PARTY"] as const;

export const ZCreatePlanInput = z
  .object({
    title: z.string().trim().min(4, { error: "validation.required" }).max(200, tooLongMax(200)),
    year: formInteger(2018, 2100, "validation.invalidYear"),
    level: z.enum(PLAN_LEVELS, { error: "validation.invalidChoice" }),
    trigger: z.enum(INSPECTION_TRIGGERS, { error: "validation.invalidChoice" }),
    periodStart: ZIsoDate,
    periodEnd: ZIsoDate,
  })
  .refine((v) => v.periodStart <= v.periodEnd, { error: "validation.periodOrder", path: ["periodEnd"] });
export type TCreatePlanInput = z.infer<typeof ZCreatePlanInput>;

export const ZAddTargetInput = z.object({
  planId: ZId,
  institutionId: ZId,
  teamId: ZId,
  /** A hand-added target is a designated one (Jilin plan §一(二)5): the reason is recorded. */
  reason: z.string().trim().min(2, { error: "validation.required" }).max(500, tooLongMax(500)),
});
export type TAddTargetInput = z.infer<typeof ZAddTargetInput>;

export const ZCreateTeamInput = z.object({
  planId: ZId,
  inspectedRegionId: ZId,
  name: z.string().trim().min(2, { error: "validation.required" }).max(100, tooLongMax(100)),
});
export type TCreateTeamInput = z.infer<typeof ZCreateTeamInput>;

export const ZAddTeamMemberInput = z.object({
  teamId: ZId,
  userId: ZId,
  role: z.enum(TEAM_ROLES, { error: "validation.invalidChoice" }),
  isLawEnforcement: formBoolean(false),
});
export type TAddTeamMemberInput = z.infer<typeof ZAddTeamMemberInput>;

export const ZSignCommitmentInput = z.object({ teamMemberId: ZId });

// The plan editor (issue 8 §1). Every edit names the plan; the service refuses it unless the plan is a draft.
const ZPlanRef = { planId: ZId };
const ZYearValue = formInteger(2000, 2100, "validation.invalidYear");
const count = (max: number) => formInteger(0, max, "plans.validation.invalidCount");
const optionalText = (max: number) => z.string().trim().max(max, tooLongMax(max)).transform((v) => (v === "" ? null : v));

export const PHASE_KINDS = ["PREPARATION", "KICKOFF", "ON_SITE", "HANDLING", "LOOK_BACK"] as const;
export const HOSPITAL_POOL_RULES = ["TOP_K", "TOP_PERCENT"] as const;
export const DESIGNATION_KINDS = ["HOSPITAL", "PHARMACY", "LOOK_BACK"] as const;
export const EXCLUSION_LEVELS = ["NATIONAL", "PROVINCIAL"] as const;

/** "2022, 2023" or "2022 2023" → [2022, 2023] (Jilin plan §一(二)1: 基金用量（2022 年至 2023 年）). */
const ZYearList = z
  .string()
  .trim()
  .regex(/^\d{4}([\s,，、]+\d{4})*$/, { error: "plans.validation.yearList" })
  .transform((v) => [...new Set(v.split(/[\s,，、]+/).map(Number))].sort((a, b) => a - b))
  .refine((years) => years.length <= 10 && years.every((y) => y >= 2000 && y <= 2100), { error: "plans.validation.yearList" });

export const ZUpdatePlanInput = z
  .object({
    ...ZPlanRef,
    title: z.string().trim().min(4, { error: "validation.required" }).max(200, tooLongMax(200)),
    documentNumber: optionalText(100),
    scope: optionalText(2000),
    year: ZYearValue,
    level: z.enum(PLAN_LEVELS, { error: "validation.invalidChoice" }),
    trigger: z.enum(INSPECTION_TRIGGERS, { error: "validation.invalidChoice" }),
    periodStart: ZIsoDate,
    periodEnd: ZIsoDate,
    referenceYears: ZYearList,
    lookBackUpToYear: ZYearValue,
    expertsPerTeam: count(20),
    thirdPartyPerTeam: count(20),
    /** Liuzhou plan §四(二): appeals are taken this many working days after the handover; blank takes none. */
    appealWindowWorkingDays: z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), formInteger(1, 60, "plans.validation.invalidCount").nullable()),
  })
  .refine((v) => v.periodStart <= v.periodEnd, { error: "validation.periodOrder", path: ["periodEnd"] });
export type TUpdatePlanInput = z.infer<typeof ZUpdatePlanInput>;

export const ZAddPhaseInput = z
  .object({
    ...ZPlanRef,
    kind: z.enum(PHASE_KINDS, { error: "validation.invalidChoice" }),
    title: optionalText(100),
    startsOn: z.union([z.literal(""), ZIsoDate]).transform((v) => (v === "" ? null : v)),
    endsOn: ZIsoDate,
  })
  .refine((v) => v.startsOn === null || v.startsOn <= v.endsOn, { error: "validation.periodOrder", path: ["endsOn"] });
export type TAddPhaseInput = z.infer<typeof ZAddPhaseInput>;

/** Removing one row of a draft plan (a phase, a region, a party, a window or a designation). */
export const REMOVABLE_PLAN_ITEMS = ["phase", "region", "participating", "window", "party", "designation", "keyArea"] as const;
export const ZRemovePlanItemInput = z.object({ ...ZPlanRef, kind: z.enum(REMOVABLE_PLAN_ITEMS, { error: "validation.invalidChoice" }), itemId: ZId });
export type TRemovePlanItemInput = z.infer<typeof ZRemovePlanItemInput>;

/** Jilin plan §一(二): the rules of one inspected region, with the plan's defaults in the form. */
export const ZPlanRegionInput = z
  .object({
    ...ZPlanRef,
    poolingRegionId: ZId,
    hospitalPoolRule: z.enum(HOSPITAL_POOL_RULES, { error: "validation.invalidChoice" }),
    hospitalPoolValue: count(10_000),
    hospitalsToDraw: count(100),
    pharmaciesTopN: count(1000),
    pharmaciesToDraw: count(100),
    includeAgency: formBoolean(true),
    lookBackCount: count(20),
  })
  .refine((v) => v.hospitalPoolRule !== "TOP_PERCENT" || (v.hospitalPoolValue >= 1 && v.hospitalPoolValue <= 100), { error: "plans.validation.percent", path: ["hospitalPoolValue"] })
  .refine((v) => v.hospitalPoolValue >= v.hospitalsToDraw || v.hospitalPoolRule === "TOP_PERCENT", { error: "plans.validation.drawExceedsPool", path: ["hospitalsToDraw"] })
  .refine((v) => v.pharmaciesTopN >= v.pharmaciesToDraw, { error: "plans.validation.drawExceedsPool", path: ["pharmaciesToDraw"] });
export type TPlanRegionInput = z.infer<typeof ZPlanRegionInput>;

export const ZParticipatingRegionInput = z.object({ ...ZPlanRef, poolingRegionId: ZId });
export type TParticipatingRegionInput = z.infer<typeof ZParticipatingRegionInput>;

/** A key area of the plan (Jilin plan §二: 重点领域), from the catalogue the bureau keeps. */
export const ZPlanKeyAreaInput = z.object({ ...ZPlanRef, keyAreaId: ZId });
export type TPlanKeyAreaInput = z.infer<typeof ZPlanKeyAreaInput>;

export const ZExclusionWindowInput = z
  .object({ ...ZPlanRef, level: z.enum(EXCLUSION_LEVELS, { error: "validation.invalidChoice" }), fromYear: ZYearValue, toYear: ZYearValue })
  .refine((v) => v.fromYear <= v.toYear, { error: "validation.periodOrder", path: ["toYear"] });
export type TExclusionWindowInput = z.infer<typeof ZExclusionWindowInput>;

/** A ceremony party's `code` is its id in the published manifest, so ASCII (lib/domain/draw ID_PATTERN). */
export const ZCeremonyPartyInput = z.object({
  ...ZPlanRef,
  code: z.string().trim().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, { error: "plans.validation.partyCode" }),
  name: z.string().trim().min(2, { error: "validation.required" }).max(100, tooLongMax(100)),
});
export type TCeremonyPartyInput = z.infer<typeof ZCeremonyPartyInput>;

export const ZDesignateTargetInput = z.object({
  ...ZPlanRef,
  planRegionId: ZId,
  institutionId: ZId,
  kind: z.enum(DESIGNATION_KINDS, { error: "validation.invalidChoice" }),
  trigger: z.enum(INSPECTION_TRIGGERS, { error: "validation.invalidChoice" }),
  reason: z.string().trim().min(2, { error: "validation.required" }).max(500, tooLongMax(500)),
});
export type TDesignateTargetInput = z.infer<typeof ZDesignateTargetInput>;

/** The designation form's institution search: a name or code fragment, in one inspected region or all of them. */
export const ZSearchDesignatableInput = z.object({
  ...ZPlanRef,
  planRegionId: z.union([z.literal(""), ZId]).optional().transform((v) => v || undefined),
  q: z.string().trim().min(1, { error: "validation.required" }).max(64, tooLongMax(64)),
});
export type TSearchDesignatableInput = z.infer<typeof ZSearchDesignatableInput>;

export const ZPlanRefInput = z.object(ZPlanRef);
export type TPlanRefInput = z.infer<typeof ZPlanRefInput>;

/** A conflict of interest declared by a team member (or recorded for them by the bureau), 回避. */
export const ZDeclareConflictInput = z.object({
  teamMemberId: ZId,
  reason: z.string().trim().min(2, { error: "validation.required" }).max(500, tooLongMax(500)),
});
export type TDeclareConflictInput = z.infer<typeof ZDeclareConflictInput>;
