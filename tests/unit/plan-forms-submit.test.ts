import { describe, expect, it } from "vitest";
import type { FieldValues } from "react-hook-form";
import type { z } from "zod";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { planSettingsDefaults } from "@/components/plans/plan-settings-defaults";
import { ZCommitInput, ZEntropyInput, ZRedrawInput, ZRevealInput } from "@/lib/validation/draws";
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
  ZPlanRegionInput,
  ZUpdatePlanInput,
} from "@/lib/validation/plans";

const ID = "7f1c2a4e-5b6d-4c8e-9f0a-1b2c3d4e5f60";
const OTHER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/**
 * What a form built on useSchemaForm hands its server action: the resolver's values. The server then parses
 * them with the same schema (the operations boundary). Both must accept, every time the clerk presses the button.
 */
async function submitTwice<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, values: z.input<S>) {
  for (let i = 0; i < 2; i++) {
    const result = await schemaResolver(schema)(values as never, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(result.errors).toEqual({});
    const onServer = schema.safeParse(result.values);
    expect(onServer.error?.issues ?? []).toEqual([]);
  }
}

const storedPlan = {
  id: ID,
  title: "2024年省级医疗保障基金飞行检查",
  documentNumber: null,
  scope: null,
  year: 2024,
  level: "PROVINCIAL" as const,
  trigger: "ANNUAL_PLAN" as const,
  periodStart: new Date("2022-01-01T00:00:00Z"),
  periodEnd: new Date("2023-12-31T00:00:00Z"),
  referenceYears: [2022, 2023],
  lookBackUpToYear: null,
  expertsPerTeam: 2,
  thirdPartyPerTeam: 1,
  appealWindowWorkingDays: null,
};

describe("plan and draw forms submit what the server accepts", () => {
  it("a plan's basic information saved unchanged passes the server's check", async () => {
    await submitTwice(ZUpdatePlanInput, planSettingsDefaults(storedPlan));
  });

  it("a plan's basic information with a document number, team sizes and an appeal period passes the server's check", async () => {
    const filled = { ...planSettingsDefaults(storedPlan), documentNumber: "吉医保函〔2024〕37号", referenceYears: "2022，2023", expertsPerTeam: "3", thirdPartyPerTeam: "2", appealWindowWorkingDays: "10", scope: "2022年1月1日至2023年12月31日医保基金使用情况" };
    await submitTwice(ZUpdatePlanInput, filled);
    const parsed = ZUpdatePlanInput.parse(filled);
    expect(parsed).toMatchObject({ documentNumber: "吉医保函〔2024〕37号", referenceYears: [2022, 2023], expertsPerTeam: 3, thirdPartyPerTeam: 2, appealWindowWorkingDays: 10 });
  });

  it("a stored plan with every optional field set is saved unchanged", async () => {
    await submitTwice(ZUpdatePlanInput, planSettingsDefaults({ ...storedPlan, documentNumber: "吉医保函〔2024〕37号", scope: "医保基金使用情况", lookBackUpToYear: 2022, appealWindowWorkingDays: 10 }));
  });

  it("every other plan-editor form submits what the server accepts", async () => {
    await submitTwice(ZCreatePlanInput, { title: "2024年省级飞行检查", year: "2024", level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2022-01-01", periodEnd: "2023-12-31" });
    await submitTwice(ZAddPhaseInput, { planId: ID, kind: "PREPARATION", title: "", startsOn: "", endsOn: "2024-06-30" });
    await submitTwice(ZAddPhaseInput, { planId: ID, kind: "ON_SITE", title: "现场检查", startsOn: "2024-07-01", endsOn: "2024-09-30" });
    await submitTwice(ZPlanRegionInput, { planId: ID, poolingRegionId: OTHER, hospitalPoolRule: "TOP_K", hospitalPoolValue: "30", hospitalsToDraw: 3, pharmaciesTopN: 10, pharmaciesToDraw: "2", includeAgency: true, lookBackCount: 1 });
    await submitTwice(ZParticipatingRegionInput, { planId: ID, poolingRegionId: OTHER });
    await submitTwice(ZPlanKeyAreaInput, { planId: ID, keyAreaId: OTHER });
    await submitTwice(ZExclusionWindowInput, { planId: ID, level: "NATIONAL", fromYear: 2023, toYear: "2024" });
    await submitTwice(ZCeremonyPartyInput, { planId: ID, code: "BUREAU", name: "省医疗保障局基金监管处" });
    await submitTwice(ZDesignateTargetInput, { planId: ID, planRegionId: OTHER, institutionId: OTHER, kind: "HOSPITAL", trigger: "TIP_OFF", reason: "举报线索：疑似虚记诊疗项目" });
    await submitTwice(ZCreateTeamInput, { planId: ID, inspectedRegionId: OTHER, name: "第一检查组" });
    await submitTwice(ZAddTeamMemberInput, { teamId: ID, userId: OTHER, role: "LEADER", isLawEnforcement: true });
    await submitTwice(ZAddTargetInput, { planId: ID, institutionId: OTHER, teamId: ID, reason: "举报线索" });
  });

  it("every draw form submits what the server accepts", async () => {
    await submitTwice(ZCommitInput, { drawId: ID, partyId: OTHER, commitment: "  ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789 " });
    await submitTwice(ZEntropyInput, { drawId: ID, publicEntropy: " 41526354162534615243 " });
    await submitTwice(ZRevealInput, { drawId: ID, partyId: OTHER, salt: "c0ffee-bureau-salt-7d1e9a4b2f3c5d6e" });
    await submitTwice(ZRedrawInput, { drawId: ID, reason: "见证方未到场" });
    await submitTwice(ZDeclareConflictInput, { teamMemberId: ID, reason: "本人曾在该地区定点医院任职" });
  });

  it("the submitted values are what the clerk typed, not the schema's output", async () => {
    const values = planSettingsDefaults(storedPlan);
    const result = await schemaResolver(ZUpdatePlanInput)(values as never, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(result.values).toEqual(values);
  });
});
