import { beforeAll, describe, expect, it } from "vitest";
import { cancelCase } from "@/lib/server/cases/close-early";
import { fixTargetDraw, fixTeamDraw } from "@/lib/server/draws/ceremony";
import { getPublicDraw, getPublishedRecord } from "@/lib/server/draws/publication";
import { listPublicDraws } from "@/lib/server/draws/public-list";
import { addCeremonyParty, addParticipatingRegion, publishPlan, savePlanRegion } from "@/lib/server/plans/editor";
import { createPlan } from "@/lib/server/plans/plans";
import type { Actor } from "@/lib/server/policy/actor";
import { ZCreatePlanInput, ZPlanRegionInput } from "@/lib/validation/plans";
import { makeActor } from "../factories";
import { commitmentOf, DICE, holdCeremony, makeProvince, partySalt } from "../factories/draws";
import { commitSalt, enterPublicEntropy, revealPartySalt } from "@/lib/server/draws/ceremony";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

let bureau: Actor;
let province: Awaited<ReturnType<typeof makeProvince>>;

beforeAll(async () => {
  bureau = await makeActor(t.db, "BUREAU_STAFF");
  province = await makeProvince(t.db, { regions: 3, experts: 14 });
});

/** A published plan whose team draw is held, and the first region's target draw fixed (its team has two law-enforcement staff). */
async function planWithTargetDraw() {
  const plan = await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "2025年省级医疗保障基金飞行检查", year: 2025, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2023-01-01", periodEnd: "2024-12-31" }));
  for (const region of province.regions) {
    await savePlanRegion(t.db, bureau, ZPlanRegionInput.parse({ planId: plan.id, poolingRegionId: region.id, hospitalPoolRule: "TOP_K", hospitalPoolValue: 6, hospitalsToDraw: 2, pharmaciesTopN: 4, pharmaciesToDraw: 2, includeAgency: true, lookBackCount: 0 }));
    await addParticipatingRegion(t.db, bureau, { planId: plan.id, poolingRegionId: region.id });
  }
  await addCeremonyParty(t.db, bureau, { planId: plan.id, code: "BUREAU", name: "省医疗保障局基金监管处" });
  await addCeremonyParty(t.db, bureau, { planId: plan.id, code: "DISCIPLINE", name: "驻局纪检监察组" });
  await publishPlan(t.db, bureau, { planId: plan.id });
  const teamDraw = await holdCeremony(t.db, bureau, (await fixTeamDraw(t.db, bureau, { planId: plan.id })).id);
  const region = province.regions[0]!;
  const team = await t.db.team.findFirstOrThrow({ where: { drawId: teamDraw.id, inspectedRegionId: region.id } });
  for (const role of ["LEADER", "MEMBER"] as const) {
    const inspector = await makeActor(t.db, "INSPECTOR");
    await t.db.teamMember.create({ data: { teamId: team.id, userId: inspector.userId, role, isLawEnforcement: true } });
  }
  const planRegion = await t.db.planRegion.findFirstOrThrow({ where: { planId: plan.id, poolingRegionId: region.id } });
  const fixed = await fixTargetDraw(t.db, bureau, { planId: plan.id, planRegionId: planRegion.id });
  return { plan, teamDraw, fixed, region };
}

describe("the public list of draws (issue 17 §5)", () => {
  it("lists a draw from its manifest on, with its commitments timestamped before any randomness, and names no region, institution or person until released", async () => {
    const { plan, fixed, region } = await planWithTargetDraw();
    const listed = async () => (await listPublicDraws(t.db, { pageSize: 100 })).items.find((d) => d.id === fixed.id)!;
    expect(await listed()).toMatchObject({ kind: "TARGETS", status: "MANIFEST_FIXED", plan: { title: plan.title, year: 2025 }, manifestHash: fixed.manifestHash, commitments: [], published: false, region: null, resultHash: null });

    const parties = await t.db.ceremonyParty.findMany({ where: { planId: plan.id }, orderBy: { position: "asc" } });
    for (const p of parties) await commitSalt(t.db, bureau, { drawId: fixed.id, partyId: p.id, commitment: commitmentOf(partySalt(p.code)) });
    const committed = await listed();
    expect(committed.status).toBe("COMMITTED");
    expect(committed.commitments.map((c) => [c.party, c.commitment])).toEqual(parties.map((p) => [p.code, commitmentOf(partySalt(p.code))]));
    expect(committed.commitments.every((c) => c.committedAt instanceof Date)).toBe(true);
    const before = await t.db.draw.findUniqueOrThrow({ where: { id: fixed.id } });
    expect([before.publicEntropy, before.seed]).toEqual([null, null]);

    await enterPublicEntropy(t.db, bureau, { drawId: fixed.id, publicEntropy: DICE });
    for (const p of parties) await revealPartySalt(t.db, bureau, { drawId: fixed.id, partyId: p.id, salt: partySalt(p.code) });
    const drawn = await listed();
    expect(drawn).toMatchObject({ status: "DRAWN", published: false, region: null, resultHash: null });
    // Drawn, not released: nothing on the whole public list names the region, a drawn institution, an expert or a team member.
    const cases = await t.db.inspectionCase.findMany({ where: { drawId: fixed.id }, include: { institution: true } });
    expect(cases.length).toBeGreaterThan(0);
    const members = await t.db.teamMember.findMany({ where: { team: { planId: plan.id } }, include: { user: true, expert: true } });
    const names = [region.name, ...cases.map((c) => c.institution.name), ...members.map((m) => m.user?.displayName ?? m.expert?.name ?? "")].filter((n) => n.length > 0);
    const everything = JSON.stringify(await listPublicDraws(t.db, { pageSize: 100 }));
    for (const name of names) expect(everything).not.toContain(name);
    for (const c of cases) expect(everything).not.toContain(c.institutionId);

    await t.db.inspectionCase.updateMany({ where: { drawId: fixed.id }, data: { noticeDeliveredAt: new Date(), state: "NOTIFIED" } });
    const draw = await t.db.draw.findUniqueOrThrow({ where: { id: fixed.id } });
    expect(await listed()).toMatchObject({ published: true, region: region.name, resultHash: draw.resultHash });
    expect(draw.resultHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("releases a target draw's record once every case not cancelled has its notice: a cancelled target holds nothing back", async () => {
    const { fixed, teamDraw } = await planWithTargetDraw();
    await holdCeremony(t.db, bureau, fixed.id);
    const [cancelled, ...others] = await t.db.inspectionCase.findMany({ where: { drawId: fixed.id }, orderBy: { id: "asc" } });
    await cancelCase(t.db, bureau, { caseId: cancelled!.id, version: cancelled!.version, reason: "该药店已停止营业" });
    expect(await getPublishedRecord(t.db, fixed.id)).toBeNull();
    await t.db.inspectionCase.updateMany({ where: { id: { in: others.map((c) => c.id) } }, data: { noticeDeliveredAt: new Date(), state: "NOTIFIED" } });
    expect(await getPublishedRecord(t.db, fixed.id)).not.toBeNull();
    expect(await getPublicDraw(t.db, fixed.id)).toMatchObject({ published: true });
    // The team draw still waits for the teams that have not arrived anywhere.
    expect(await getPublicDraw(t.db, teamDraw.id)).toMatchObject({ published: false });
  });

  it("releases the team draw once every team has arrived, a team whose every case was cancelled waiting for nothing", async () => {
    const { teamDraw, fixed } = await planWithTargetDraw();
    await holdCeremony(t.db, bureau, fixed.id);
    const teams = await t.db.team.findMany({ where: { drawId: teamDraw.id }, include: { cases: true } });
    const withCases = teams.find((team) => team.cases.length > 0)!;
    // Every case of the one team with cases is cancelled; the other teams have none yet and keep the record back.
    for (const c of withCases.cases) await cancelCase(t.db, bureau, { caseId: c.id, version: c.version, reason: "撤销检查" });
    expect(await getPublicDraw(t.db, teamDraw.id)).toMatchObject({ published: false });
    const otherTeams = teams.filter((team) => team.id !== withCases.id);
    for (const team of otherTeams) {
      const institution = await t.db.institution.findFirstOrThrow({ where: { poolingRegionId: team.inspectedRegionId } });
      await t.db.inspectionCase.create({ data: { planId: team.planId, teamId: team.id, institutionId: institution.id, inspectedRegionId: team.inspectedRegionId, trigger: "ANNUAL_PLAN", state: "NOTIFIED", noticeDeliveredAt: new Date() } });
    }
    expect(await getPublicDraw(t.db, teamDraw.id)).toMatchObject({ published: true });
  });
});
