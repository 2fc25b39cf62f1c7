import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/server/errors";
import { addCeremonyParty, addParticipatingRegion, addPhase, addPlanKeyArea, deletePlan, designateTarget, publishPlan, removePlanItem, revisePlan, savePlanRegion, updatePlan } from "@/lib/server/plans/editor";
import { createPlan, searchDesignatableInstitutions } from "@/lib/server/plans/plans";
import type { Actor } from "@/lib/server/policy/actor";
import { ZAddPhaseInput, ZCreatePlanInput, ZPlanRegionInput, ZSearchDesignatableInput, ZUpdatePlanInput } from "@/lib/validation/plans";
import { makeActor } from "../factories";
import { makeProvince } from "../factories/draws";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
let bureau: Actor;
let province: Awaited<ReturnType<typeof makeProvince>>;

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)));
const newPlan = () => createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "2024年省级医疗保障基金飞行检查", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2022-01-01", periodEnd: "2023-12-31" }));
const regionRules = (planId: string, poolingRegionId: string, extra: Record<string, unknown> = {}) =>
  ZPlanRegionInput.parse({ planId, poolingRegionId, hospitalPoolRule: "TOP_K", hospitalPoolValue: 30, hospitalsToDraw: 3, pharmaciesTopN: 10, pharmaciesToDraw: 2, includeAgency: true, lookBackCount: 1, ...extra });

beforeAll(async () => {
  bureau = await makeActor(t.db, "BUREAU_ADMIN");
  province = await makeProvince(t.db, { regions: 2, hospitals: 3, pharmacies: 2, experts: 0, thirdParty: 0 });
});

describe("the plan editor", () => {
  it("starts a plan with the Jilin defaults: reference years from the period, look-back up to year − 2, the exclusion windows", async () => {
    const plan = await newPlan();
    expect(plan).toMatchObject({ referenceYears: [2022, 2023], lookBackUpToYear: 2022, status: "DRAFT", revision: 1, expertsPerTeam: 2, thirdPartyPerTeam: 1 });
    const windows = await t.db.planExclusionWindow.findMany({ where: { planId: plan.id }, orderBy: { level: "asc" } });
    expect(windows.map(({ level, fromYear, toYear }) => ({ level, fromYear, toYear }))).toEqual([
      { level: "NATIONAL", fromYear: 2023, toYear: 2024 },
      { level: "PROVINCIAL", fromYear: 2023, toYear: 2023 },
    ]);
  });

  it("sets the appeal period in working days on a draft; blank takes no appeals; zero or a fraction is refused", async () => {
    const plan = await newPlan();
    const basics = { planId: plan.id, title: plan.title, documentNumber: "", scope: "", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2022-01-01", periodEnd: "2023-12-31", referenceYears: "2022, 2023", lookBackUpToYear: 2022, expertsPerTeam: 2, thirdPartyPerTeam: 1 };
    await updatePlan(t.db, bureau, ZUpdatePlanInput.parse({ ...basics, appealWindowWorkingDays: "10" }));
    expect((await t.db.plan.findUniqueOrThrow({ where: { id: plan.id } })).appealWindowWorkingDays).toBe(10);
    await updatePlan(t.db, bureau, ZUpdatePlanInput.parse({ ...basics, appealWindowWorkingDays: "" }));
    expect((await t.db.plan.findUniqueOrThrow({ where: { id: plan.id } })).appealWindowWorkingDays).toBeNull();
    for (const bad of ["0", "1.5", "61"]) expect(ZUpdatePlanInput.safeParse({ ...basics, appealWindowWorkingDays: bad }).success, bad).toBe(false);
  });

  it("chooses the plan's key areas from the active catalogue, once each, and removes one; an inactive area is refused", async () => {
    const plan = await newPlan();
    const bone = await t.db.keyArea.create({ data: { code: "KX1", name: "骨科（测试）" } });
    const retired = await t.db.keyArea.create({ data: { code: "KX2", name: "已停用（测试）", active: false } });
    await addPlanKeyArea(t.db, bureau, { planId: plan.id, keyAreaId: bone.id });
    await addPlanKeyArea(t.db, bureau, { planId: plan.id, keyAreaId: bone.id });
    expect(await t.db.planKeyArea.findMany({ where: { planId: plan.id } })).toEqual([{ planId: plan.id, keyAreaId: bone.id }]);
    expect(await refusal(addPlanKeyArea(t.db, bureau, { planId: plan.id, keyAreaId: retired.id }))).toMatchObject({ fieldErrors: { keyAreaId: "errors.notFound" } });
    await removePlanItem(t.db, bureau, { planId: plan.id, kind: "keyArea", itemId: bone.id });
    expect(await t.db.planKeyArea.count({ where: { planId: plan.id } })).toBe(0);
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: { in: [bone.id, plan.id] }, action: { contains: "eyArea" } }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["plan.addKeyArea", "plan.addKeyArea", "plan.remove.keyArea"]);
  });

  it("refuses to publish without two ceremony parties and an inspected region, then freezes the plan once published", async () => {
    const plan = await newPlan();
    expect(await refusal(publishPlan(t.db, bureau, { planId: plan.id }))).toMatchObject({ messageKey: "plans.publishProblems.parties" });
    await addCeremonyParty(t.db, bureau, { planId: plan.id, code: "BUREAU", name: "基金监管处" });
    await addCeremonyParty(t.db, bureau, { planId: plan.id, code: "DISCIPLINE", name: "驻局纪检监察组" });
    expect(await refusal(addCeremonyParty(t.db, bureau, { planId: plan.id, code: "BUREAU", name: "重复" }))).toMatchObject({ fieldErrors: { code: "plans.errors.duplicate" } });
    expect(await refusal(publishPlan(t.db, bureau, { planId: plan.id }))).toMatchObject({ messageKey: "plans.publishProblems.regions" });
    await savePlanRegion(t.db, bureau, regionRules(plan.id, province.regions[0]!.id));
    // Saving the same region again changes its rules rather than adding it twice.
    await savePlanRegion(t.db, bureau, regionRules(plan.id, province.regions[0]!.id, { hospitalsToDraw: 5 }));
    expect(await t.db.planRegion.findMany({ where: { planId: plan.id } })).toEqual([expect.objectContaining({ hospitalsToDraw: 5 })]);
    await addParticipatingRegion(t.db, bureau, { planId: plan.id, poolingRegionId: province.regions[1]!.id });
    await addPhase(t.db, bureau, ZAddPhaseInput.parse({ planId: plan.id, kind: "KICKOFF", title: "", startsOn: "", endsOn: "2024-06-20" }));
    await publishPlan(t.db, bureau, { planId: plan.id });

    expect(await refusal(savePlanRegion(t.db, bureau, regionRules(plan.id, province.regions[1]!.id)))).toMatchObject({ messageKey: "plans.errors.notDraft" });
    const update = ZUpdatePlanInput.parse({ planId: plan.id, title: "2024年省级飞检（修改）", documentNumber: "", scope: "", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2022-01-01", periodEnd: "2023-12-31", referenceYears: "2022, 2023", lookBackUpToYear: 2022, expertsPerTeam: 2, thirdPartyPerTeam: 1 });
    expect(await refusal(updatePlan(t.db, bureau, update))).toMatchObject({ messageKey: "plans.errors.notDraft" });
    const audit = await t.db.auditEvent.findMany({ where: { OR: [{ entityId: plan.id }, { action: { startsWith: "plan." } }] }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["plan.create", "plan.addCeremonyParty", "plan.saveRegion", "plan.addParticipatingRegion", "plan.addPhase", "plan.publish"]));
  });

  it("makes a change to a published plan a new audited revision that archives the old one when published", async () => {
    const plan = await newPlan();
    await addCeremonyParty(t.db, bureau, { planId: plan.id, code: "A", name: "见证方甲" });
    await addCeremonyParty(t.db, bureau, { planId: plan.id, code: "B", name: "见证方乙" });
    await savePlanRegion(t.db, bureau, regionRules(plan.id, province.regions[0]!.id));
    await addParticipatingRegion(t.db, bureau, { planId: plan.id, poolingRegionId: province.regions[1]!.id });
    const planRegion = await t.db.planRegion.findFirstOrThrow({ where: { planId: plan.id } });
    const hospital = await t.db.institution.findFirstOrThrow({ where: { poolingRegionId: province.regions[0]!.id, kind: "HOSPITAL" } });
    const otherRegionHospital = await t.db.institution.findFirstOrThrow({ where: { poolingRegionId: province.regions[1]!.id, kind: "HOSPITAL" } });
    expect(await refusal(designateTarget(t.db, bureau, { planId: plan.id, planRegionId: planRegion.id, institutionId: otherRegionHospital.id, kind: "HOSPITAL", trigger: "TIP_OFF", reason: "举报" }))).toMatchObject({ fieldErrors: { institutionId: "plans.errors.institutionNotInRegion" } });
    expect(await refusal(designateTarget(t.db, bureau, { planId: plan.id, planRegionId: planRegion.id, institutionId: hospital.id, kind: "PHARMACY", trigger: "TIP_OFF", reason: "举报" }))).toMatchObject({ fieldErrors: { kind: "plans.errors.designationKind" } });
    await designateTarget(t.db, bureau, { planId: plan.id, planRegionId: planRegion.id, institutionId: hospital.id, kind: "HOSPITAL", trigger: "TIP_OFF", reason: "举报线索" });
    await publishPlan(t.db, bureau, { planId: plan.id });

    const revision = await revisePlan(t.db, bureau, { planId: plan.id });
    expect(revision).toMatchObject({ status: "DRAFT", revision: 2, supersedesId: plan.id, title: plan.title });
    const copied = await t.db.planRegion.findFirstOrThrow({ where: { planId: revision.id }, include: { designatedTargets: true } });
    expect(copied).toMatchObject({ poolingRegionId: province.regions[0]!.id, hospitalsToDraw: 3, designatedTargets: [expect.objectContaining({ institutionId: hospital.id, reason: "举报线索" })] });
    expect(await t.db.ceremonyParty.count({ where: { planId: revision.id } })).toBe(2);
    expect(await refusal(revisePlan(t.db, bureau, { planId: plan.id }))).toMatchObject({ messageKey: "plans.errors.notPublished" });

    const party = await t.db.ceremonyParty.findFirstOrThrow({ where: { planId: revision.id, code: "B" } });
    await removePlanItem(t.db, bureau, { planId: revision.id, kind: "party", itemId: party.id });
    await addCeremonyParty(t.db, bureau, { planId: revision.id, code: "OBSERVER", name: "特邀监督员" });
    await publishPlan(t.db, bureau, { planId: revision.id });
    expect((await t.db.plan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("ARCHIVED");
    expect(await t.db.auditEvent.count({ where: { entityId: revision.id, action: "plan.revise" } })).toBe(1);
  });

  it("a draft plan with nothing drawn is deleted with its rules, audited; a published plan or a draft with a team is kept, with the reason", async () => {
    const plan = await newPlan();
    await addCeremonyParty(t.db, bureau, { planId: plan.id, code: "A", name: "见证方甲" });
    await savePlanRegion(t.db, bureau, regionRules(plan.id, province.regions[0]!.id));
    const planRegion = await t.db.planRegion.findFirstOrThrow({ where: { planId: plan.id } });
    const hospital = await t.db.institution.findFirstOrThrow({ where: { poolingRegionId: province.regions[0]!.id, kind: "HOSPITAL" } });
    await designateTarget(t.db, bureau, { planId: plan.id, planRegionId: planRegion.id, institutionId: hospital.id, kind: "HOSPITAL", trigger: "TIP_OFF", reason: "举报线索" });
    await deletePlan(t.db, bureau, { planId: plan.id });
    expect(await t.db.plan.count({ where: { id: plan.id } })).toBe(0);
    expect(await t.db.planRegion.count({ where: { planId: plan.id } })).toBe(0);
    expect(await t.db.designatedTarget.count({ where: { planRegionId: planRegion.id } })).toBe(0);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "plan.delete", entityId: plan.id } });
    expect(audit.before).toMatchObject({ id: plan.id, title: plan.title, status: "DRAFT" });
    // Pressed twice (a second tab, a double click): the plan is gone, so not found, and nothing else changes.
    expect(await refusal(deletePlan(t.db, bureau, { planId: plan.id }))).toMatchObject({ code: "NOT_FOUND" });

    const withTeam = await newPlan();
    await t.db.team.create({ data: { planId: withTeam.id, inspectedRegionId: province.regions[0]!.id, name: "已组建检查组" } });
    expect(await refusal(deletePlan(t.db, bureau, { planId: withTeam.id }))).toMatchObject({ messageKey: "plans.errors.deleteHasTeams" });
    const published = await newPlan();
    await t.db.plan.update({ where: { id: published.id }, data: { status: "PUBLISHED" } });
    expect(await refusal(deletePlan(t.db, bureau, { planId: published.id }))).toMatchObject({ messageKey: "plans.errors.deleteNotDraft" });
    expect(await t.db.plan.count({ where: { id: { in: [withTeam.id, published.id] } } })).toBe(2);
    for (const role of ["CITY_STAFF", "INSPECTOR"] as const) {
      expect(await refusal(deletePlan(t.db, await makeActor(t.db, role), { planId: withTeam.id }))).toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("designation finds hospitals and pharmacies by part of their Chinese name or code, in the plan's inspected regions only", async () => {
    const plan = await newPlan();
    await savePlanRegion(t.db, bureau, regionRules(plan.id, province.regions[0]!.id));
    const planRegion = await t.db.planRegion.findFirstOrThrow({ where: { planId: plan.id } });
    const byName = await searchDesignatableInstitutions(t.db, bureau, ZSearchDesignatableInput.parse({ planId: plan.id, q: "医院0-" }));
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((i) => i.name.includes("医院0-") && i.planRegionId === planRegion.id)).toBe(true);
    // Another region's hospitals (医院1-…) and the agency are never offered.
    expect(await searchDesignatableInstitutions(t.db, bureau, ZSearchDesignatableInput.parse({ planId: plan.id, q: "医院1-" }))).toEqual([]);
    expect(await searchDesignatableInstitutions(t.db, bureau, ZSearchDesignatableInput.parse({ planId: plan.id, q: "经办" }))).toEqual([]);
    const code = byName[0]!.nationalCode;
    expect((await searchDesignatableInstitutions(t.db, bureau, ZSearchDesignatableInput.parse({ planId: plan.id, planRegionId: planRegion.id, q: code.toLowerCase() }))).map((i) => i.nationalCode)).toEqual([code]);
    expect(ZSearchDesignatableInput.safeParse({ planId: plan.id, q: "  " }).success).toBe(false);
    expect(await refusal(searchDesignatableInstitutions(t.db, await makeActor(t.db, "INSPECTOR"), { planId: plan.id, planRegionId: undefined, q: "医院" }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("is the bureau's: city, institution and team users cannot edit a plan", async () => {
    const plan = await newPlan();
    for (const role of ["CITY_STAFF", "INSTITUTION_STAFF", "INSPECTOR"] as const) {
      const actor = await makeActor(t.db, role);
      expect(await refusal(addCeremonyParty(t.db, actor, { planId: plan.id, code: "X", name: "见证方" }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(publishPlan(t.db, actor, { planId: plan.id }))).toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
