import { beforeAll, describe, expect, it } from "vitest";
import { addTarget, createCase, createPlan, listTargetableInstitutions } from "@/lib/server/plans/plans";
import { declareConflict } from "@/lib/server/draws/conflicts";
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

/** Cases exist only under a published plan; these tests are about targets, so the plan is published directly. */
const publish = (planId: string) => t.db.plan.update({ where: { id: planId }, data: { status: "PUBLISHED", publishedAt: new Date() } });

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
    await publish(plan.id);
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
    await publish(plan.id);
    const before = await t.db.inspectionCase.count();
    await expect(addTarget(t.db, bureau, { planId: plan.id, institutionId, teamId: elsewhere.id, reason: "数据筛查" })).rejects.toMatchObject({ code: "TEAM_REGION_MISMATCH" });
    await addTarget(t.db, bureau, { planId: plan.id, institutionId, teamId: here.id, reason: "数据筛查" });
    await expect(addTarget(t.db, bureau, { planId: plan.id, institutionId, teamId: here.id, reason: "重复" })).rejects.toMatchObject({ code: "TARGET_ALREADY_IN_PLAN" });
    expect(await t.db.inspectionCase.count()).toBe(before + 1);
    await expect(addTeamMember(t.db, bureau, { teamId: here.id, userId: hospitalStaff.userId, role: "MEMBER", isLawEnforcement: false })).rejects.toMatchObject({ code: "NOT_AN_INSPECTOR" });
    expect(await t.db.teamMember.count({ where: { teamId: here.id } })).toBe(0);
  });

  it("a target added by hand to a draft plan is refused with a clear message, and no case exists under the draft", async () => {
    const plan = await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "草稿计划", year: 2024, level: "PROVINCIAL", trigger: "TIP_OFF", periodStart: "2023-01-01", periodEnd: "2023-12-31" }));
    const team = await createTeam(t.db, bureau, { planId: plan.id, inspectedRegionId: region, name: "草稿检查组" });
    const refused = addTarget(t.db, bureau, { planId: plan.id, institutionId, teamId: team.id, reason: "举报线索" });
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT", messageKey: "plans.errors.casesNeedPublishedPlan" });
    expect(await t.db.inspectionCase.count({ where: { planId: plan.id } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "case.create", after: { path: ["planId"], equals: plan.id } } })).toBe(0);
  });

  it("no path creates a case under a draft or archived plan: the one case constructor refuses inside its transaction", async () => {
    for (const status of ["DRAFT", "ARCHIVED"] as const) {
      const plan = await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: `直接建案${status}`, year: 2024, level: "PROVINCIAL", trigger: "TIP_OFF", periodStart: "2023-01-01", periodEnd: "2023-12-31" }));
      await t.db.plan.update({ where: { id: plan.id }, data: { status } });
      const team = await createTeam(t.db, bureau, { planId: plan.id, inspectedRegionId: region, name: `直接建案组${status}` });
      const attempt = t.db.$transaction((tx) => createCase(tx, bureau, { planId: plan.id, institutionId, teamId: team.id, inspectedRegionId: region, trigger: "TIP_OFF" }, {}));
      await expect(attempt).rejects.toMatchObject({ messageKey: "plans.errors.casesNeedPublishedPlan" });
      expect(await t.db.inspectionCase.count({ where: { planId: plan.id } })).toBe(0);
    }
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

  it("re-adding a team member withdrawn for a conflict names the recusal instead of failing, and restores them once the conflict has ended (audited)", async () => {
    const plan = await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "恢复成员计划", year: 2024, level: "PROVINCIAL", trigger: "TIP_OFF", periodStart: "2023-01-01", periodEnd: "2023-12-31" }));
    const team = await createTeam(t.db, bureau, { planId: plan.id, inspectedRegionId: region, name: "恢复成员检查组" });
    const person = await makeActor(t.db, "INSPECTOR");
    const place = await addTeamMember(t.db, bureau, { teamId: team.id, userId: person.userId, role: "MEMBER", isLawEnforcement: true });
    await declareConflict(t.db, bureau, { teamMemberId: place.id, reason: "录入有误" });

    // The declaration stands: refused, with the reason, not a unique-constraint 500.
    await expect(addTeamMember(t.db, bureau, { teamId: team.id, userId: person.userId, role: "MEMBER", isLawEnforcement: true })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { userId: "plans.errors.recusal.DECLARED_CONFLICT" } });

    await t.db.conflictDeclaration.updateMany({ where: { userId: person.userId }, data: { endedAt: new Date() } });
    const restored = await addTeamMember(t.db, bureau, { teamId: team.id, userId: person.userId, role: "LEADER", isLawEnforcement: true });
    expect(restored).toMatchObject({ id: place.id, withdrawnAt: null, withdrawReason: null, role: "LEADER" });
    expect(await t.db.teamMember.count({ where: { teamId: team.id, userId: person.userId } })).toBe(1);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "team.restoreMember", entityId: team.id } });
    expect(audit.after).toMatchObject({ id: place.id, withdrawnAt: null, role: "LEADER" });
    // Added again while on the team: refused as already there.
    await expect(addTeamMember(t.db, bureau, { teamId: team.id, userId: person.userId, role: "MEMBER", isLawEnforcement: true })).rejects.toMatchObject({ code: "ALREADY_ON_TEAM" });
  });

  it("adding a member refuses recusal by employer, home region and declared conflict, naming the reason, and writes nothing", async () => {
    const plan = await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "回避计划", year: 2024, level: "PROVINCIAL", trigger: "TIP_OFF", periodStart: "2023-01-01", periodEnd: "2023-12-31" }));
    const team = await createTeam(t.db, bureau, { planId: plan.id, inspectedRegionId: region, name: "回避检查组" });
    const cityBureau = await makeOrganization(t.db, "CITY_BUREAU", { poolingRegionId: region });
    const localStaff = await makeActor(t.db, "INSPECTOR", { organizationId: cityBureau.id });
    const expertUser = await makeActor(t.db, "INSPECTOR");
    await t.db.expert.create({ data: { staffNumber: `E-${expertUser.userId.slice(0, 8)}`, name: "回避专家", pool: "EXPERT", homeRegionId: region, userId: expertUser.userId } });
    const employed = await makeActor(t.db, "INSPECTOR");
    const hospital = await makeInstitution(t.db, region);
    await t.db.expert.create({ data: { staffNumber: `E-${employed.userId.slice(0, 8)}`, name: "在本地任职专家", pool: "EXPERT", employerInstitutionId: hospital.id, userId: employed.userId } });
    const declared = await makeActor(t.db, "INSPECTOR");
    await t.db.conflictDeclaration.create({ data: { userId: declared.userId, poolingRegionId: region, reason: "配偶在该地医院任职", declaredAt: new Date(), recordedById: bureau.userId } });
    const elsewhere = await makeActor(t.db, "INSPECTOR");
    await t.db.conflictDeclaration.create({ data: { userId: elsewhere.userId, poolingRegionId: region, planId: (await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "另一个计划", year: 2024, level: "PROVINCIAL", trigger: "TIP_OFF", periodStart: "2023-01-01", periodEnd: "2023-12-31" }))).id, reason: "仅限另一计划", declaredAt: new Date(), recordedById: bureau.userId } });

    for (const [who, reason] of [[localStaff, "EMPLOYER"], [employed, "EMPLOYER"], [expertUser, "HOME_REGION"], [declared, "DECLARED_CONFLICT"]] as const) {
      await expect(addTeamMember(t.db, bureau, { teamId: team.id, userId: who.userId, role: "MEMBER", isLawEnforcement: true }), reason).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { userId: `plans.errors.recusal.${reason}` } });
    }
    expect(await t.db.teamMember.count({ where: { teamId: team.id } })).toBe(0);
    // A conflict declared for another plan does not bind this one.
    await addTeamMember(t.db, bureau, { teamId: team.id, userId: elsewhere.userId, role: "MEMBER", isLawEnforcement: true });
    expect(await t.db.teamMember.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("rejects a plan whose period ends before it starts, with the field named", () => {
    const parsed = ZCreatePlanInput.safeParse({ title: "错误计划", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2024-01-01", periodEnd: "2023-12-31" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["periodEnd", "validation.periodOrder"]]);
  });
});
