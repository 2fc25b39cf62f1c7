import type { z } from "zod";
import type { ZUpdatePlanInput } from "@/lib/validation/plans";

export type PlanSettings = z.input<typeof ZUpdatePlanInput>;

type StoredPlan = {
  id: string;
  title: string;
  documentNumber: string | null;
  scope: string | null;
  year: number;
  level: "PROVINCIAL" | "CITY" | "COUNTY";
  trigger: "ANNUAL_PLAN" | "TIP_OFF" | "DATA_SCREENING" | "MEDIA" | "OTHER";
  periodStart: Date;
  periodEnd: Date;
  referenceYears: number[];
  lookBackUpToYear: number | null;
  expertsPerTeam: number;
  thirdPartyPerTeam: number;
  appealWindowWorkingDays: number | null;
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The basic-information form as the stored plan fills it: what a clerk sees, and submits if nothing changes. */
export function planSettingsDefaults(plan: StoredPlan): PlanSettings {
  return {
    planId: plan.id,
    title: plan.title,
    documentNumber: plan.documentNumber ?? "",
    scope: plan.scope ?? "",
    year: plan.year,
    level: plan.level,
    trigger: plan.trigger,
    periodStart: isoDate(plan.periodStart),
    periodEnd: isoDate(plan.periodEnd),
    referenceYears: plan.referenceYears.join(", "),
    // Jilin plan §一(二)4: look-back up to the plan year − 2 when the plan says nothing else.
    lookBackUpToYear: plan.lookBackUpToYear ?? plan.year - 2,
    expertsPerTeam: plan.expertsPerTeam,
    thirdPartyPerTeam: plan.thirdPartyPerTeam,
    appealWindowWorkingDays: plan.appealWindowWorkingDays ?? "",
  };
}
