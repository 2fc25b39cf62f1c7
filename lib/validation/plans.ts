import { z } from "zod";

const ZId = z.string().uuid({ error: "validation.invalidId" });
const ZIsoDate = z.iso.date({ error: "validation.invalidDate" });

export const PLAN_LEVELS = ["PROVINCIAL", "CITY", "COUNTY"] as const;
export const INSPECTION_TRIGGERS = ["ANNUAL_PLAN", "TIP_OFF", "DATA_SCREENING", "MEDIA", "OTHER"] as const;
export const TEAM_ROLES = ["LEADER", "DEPUTY", "LIAISON", "MEMBER", "EXPERT", "THIRD_PARTY"] as const;

export const ZCreatePlanInput = z
  .object({
    title: z.string().trim().min(4, { error: "validation.required" }).max(200, { error: "validation.tooLong" }),
    year: z.coerce.number({ error: "validation.invalidYear" }).int({ error: "validation.invalidYear" }).min(2018, { error: "validation.invalidYear" }).max(2100, { error: "validation.invalidYear" }),
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
  reason: z.string().trim().min(2, { error: "validation.required" }).max(500, { error: "validation.tooLong" }),
});
export type TAddTargetInput = z.infer<typeof ZAddTargetInput>;

export const ZCreateTeamInput = z.object({
  planId: ZId,
  inspectedRegionId: ZId,
  name: z.string().trim().min(2, { error: "validation.required" }).max(100, { error: "validation.tooLong" }),
});
export type TCreateTeamInput = z.infer<typeof ZCreateTeamInput>;

export const ZAddTeamMemberInput = z.object({
  teamId: ZId,
  userId: ZId,
  role: z.enum(TEAM_ROLES, { error: "validation.invalidChoice" }),
  isLawEnforcement: z.coerce.boolean().default(false),
});
export type TAddTeamMemberInput = z.infer<typeof ZAddTeamMemberInput>;

export const ZSignCommitmentInput = z.object({ teamMemberId: ZId });
