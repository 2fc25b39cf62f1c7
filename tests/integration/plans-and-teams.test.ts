import { beforeAll, describe, expect, it } from "vitest";
import { addTarget, createPlan, listTargetableInstitutions } from "@/lib/server/plans/plans";
import { addTeamMember, createTeam, signCommitmentLetter } from "@/lib/server/plans/teams";
import type { Actor } from "@/lib/server/policy/actor";
import { scope } from "@/lib/server/policy/scope";
import { ZCreatePlanInput } from "@/lib/validation/plans";
import { makeActor, makeOrganization, makeRegion } from "../factories";
import { makeInstitution } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

let bureau: Actor;
let leader: Actor;
let hospitalStaff: Actor;
let region: string;
let otherRegion: string;
let institutionId: string;

beforeAll(async () => {
  bureau = await makeActor(t.db, "BUREAU_STAFF");
  leader = await makeActor(t.db, "INSPECTOR");
  region = (await makeRegion(t.db)).id;
  otherRegion = (await makeRegion(t.db)).id;
  const hospitalOrg = await makeOrganization(t.db, "INSTITUTION", { poolingRegionId: region });
  hospitalStaff = await makeActor(t.db, "INSTITUTION_STAFF", { organizationId: hospitalOrg.id });
  institutionId = (await makeInstitution(t.db, region, { organizationId: hospitalOrg.id })).id;
});

describe("plans, teams and hand-designated targets (walking skeleton)", () => {
  it("a bureau user creates a plan, forms a team with a leader, and designates a target; each step is audited", async () => {
    const plan = await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "2024年省级飞行检查", year: "2024", level: "PROVINCIAL", trigger: "TIP_OFF", periodStart: "2022-01-01", periodEnd: "2023-12-31" }));
    expect(plan.referenceYears).toEqual([2022, 2023]);
    expect(await listTargetableInstitutions(t.db, bureau, plan.id)).toEqual([]);
    const team = await createTeam(t.db, bureau, { planId: plan.id, inspectedRegionId: region, name: "第一检查组" });
    // Only the institutions of the regions the plan's teams inspect are offered.
    await makeInstitution(t.db, otherRegion);
    expect((await listTargetableInstitutions(t.db, bureau, plan.id)).map((i) => i.id)).toEqual([institutionId]);
    const member = await addTeamMember(t.db, bureau, { teamId: team.id, userId: leader.userId, role: "LEADER", isLawEnforcement: true });
    const created = await addTarget(t.db, bureau, { planId: plan.id, institutionId, teamId: team.id, reason: "举报线索" });
    expect(created).toMatchObject({ state: "DRAWN", designated: true, designationReason: "举报线索", trigger: "TIP_OFF", inspectedRegionId: region });

    // Before the notice the institution cannot learn of it; the leader sees it only after signing the letter.
    expect(await t.db.inspectionCase.count({ where: scope.inspectionCase(hospitalStaff) })).toBe(0);
    expect(await t.db.inspectionCase.count({ where: scope.inspectionCase(leader) })).toBe(0);
    await signCommitmentLetter(t.db, leader, member.id);
    expect(await t.db.inspectionCase.count({ where: scope.inspectionCase(leader) })).toBe(1);

    const actions = (await t.db.auditEvent.findMany({ where: { actorId: { in: [bureau.userId, leader.userId] } }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["plan.create", "team.create", "team.addMember", "case.create", "commitment.sign"]);
  });

  it("refuses a team of another region, a second open case for the same institution, and a non-inspector member, writing nothing", async () => {
    const plan = await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "另一计划", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2023-01-01", periodEnd: "2023-12-31" }));
    const elsewhere = await createTeam(t.db, bureau, { planId: plan.id, inspectedRegionId: otherRegion, name: "外地检查组" });
    const here = await createTeam(t.db, bureau, { planId: plan.id, inspectedRegionId: region, name: "本地检查组" });
    const before = await t.db.inspectionCase.count();
    await expect(addTarget(t.db, bureau, { planId: plan.id, institutionId, teamId: elsewhere.id, reason: "数据筛查" })).rejects.toMatchObject({ code: "TEAM_REGION_MISMATCH" });
    await addTarget(t.db, bureau, { planId: plan.id, institutionId, teamId: here.id, reason: "数据筛查" });
    await expect(addTarget(t.db, bureau, { planId: plan.id, institutionId, teamId: here.id, reason: "重复" })).rejects.toMatchObject({ code: "TARGET_ALREADY_IN_PLAN" });
    expect(await t.db.inspectionCase.count()).toBe(before + 1);
    await expect(addTeamMember(t.db, bureau, { teamId: here.id, userId: hospitalStaff.userId, role: "MEMBER", isLawEnforcement: false })).rejects.toMatchObject({ code: "NOT_AN_INSPECTOR" });
    expect(await t.db.teamMember.count({ where: { teamId: here.id } })).toBe(0);
  });

  it("an inspector can sign only their own letter, once; another's place is not found", async () => {
    const plan = await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "第三计划", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2023-01-01", periodEnd: "2023-12-31" }));
    const team = await createTeam(t.db, bureau, { planId: plan.id, inspectedRegionId: region, name: "第三检查组" });
    const other = await makeActor(t.db, "INSPECTOR");
    const place = await addTeamMember(t.db, bureau, { teamId: team.id, userId: other.userId, role: "MEMBER", isLawEnforcement: true });
    await expect(signCommitmentLetter(t.db, leader, place.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await signCommitmentLetter(t.db, other, place.id);
    await expect(signCommitmentLetter(t.db, other, place.id)).rejects.toMatchObject({ code: "COMMITMENT_ALREADY_SIGNED" });
  });

  it("rejects a plan whose period ends before it starts, with the field named", () => {
    const parsed = ZCreatePlanInput.safeParse({ title: "错误计划", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2024-01-01", periodEnd: "2023-12-31" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["periodEnd", "validation.periodOrder"]]);
  });
});
