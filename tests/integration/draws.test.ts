import { beforeAll, describe, expect, it } from "vitest";
import { manifestHash } from "@/lib/domain/draw/public-manifest";
import type { TargetDrawRecord, TeamDrawRecord } from "@/lib/domain/draw/record";
import { verifyDrawRecord } from "@/lib/domain/draw/verify";
import { fixTargetDraw, fixTeamDraw, redraw, revealPartySalt, stopDraw } from "@/lib/server/draws/ceremony";
import { declareConflict } from "@/lib/server/draws/conflicts";
import { getDrawFileForBureau, getPublicDraw, getPublishedRecord } from "@/lib/server/draws/publication";
import { handleApiRequest } from "@/lib/server/operations/http";
import { getDrawOrThrow } from "@/lib/server/draws/read";
import { DomainError } from "@/lib/server/errors";
import { addCeremonyParty, addParticipatingRegion, designateTarget, publishPlan, savePlanRegion } from "@/lib/server/plans/editor";
import { COMMITMENT_LETTER_SHA256 } from "@/lib/server/plans/commitment-letter";
import { createPlan } from "@/lib/server/plans/plans";
import { recordPaperCommitmentLetter } from "@/lib/server/plans/teams";
import type { Actor } from "@/lib/server/policy/actor";
import { scope } from "@/lib/server/policy/scope";
import { ZCreatePlanInput, ZPlanRegionInput } from "@/lib/validation/plans";
import { makeActor, makeOrganization } from "../factories";
import { DICE, holdCeremony, makeProvince, partySalt } from "../factories/draws";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

let bureau: Actor;
let province: Awaited<ReturnType<typeof makeProvince>>;

async function publishedPlan() {
  const plan = await createPlan(t.db, bureau, ZCreatePlanInput.parse({ title: "2024年省级医疗保障基金飞行检查", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2022-01-01", periodEnd: "2023-12-31" }));
  for (const region of province.regions) {
    await savePlanRegion(t.db, bureau, ZPlanRegionInput.parse({ planId: plan.id, poolingRegionId: region.id, hospitalPoolRule: "TOP_K", hospitalPoolValue: 6, hospitalsToDraw: 2, pharmaciesTopN: 4, pharmaciesToDraw: 2, includeAgency: true, lookBackCount: 1 }));
    await addParticipatingRegion(t.db, bureau, { planId: plan.id, poolingRegionId: region.id });
  }
  await addCeremonyParty(t.db, bureau, { planId: plan.id, code: "BUREAU", name: "省医疗保障局基金监管处" });
  await addCeremonyParty(t.db, bureau, { planId: plan.id, code: "DISCIPLINE", name: "驻局纪检监察组" });
  return plan;
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)));

beforeAll(async () => {
  bureau = await makeActor(t.db, "BUREAU_STAFF");
  // 14 experts for 3 teams of 2: at most 5 share a home region, so a replacement always finds someone.
  province = await makeProvince(t.db, { regions: 3, experts: 14 });
});

describe("the team draw", () => {
  it("runs the ceremony from the stored steps, forms cross-grouped teams with drawn experts, and its record verifies", async () => {
    const plan = await publishedPlan();
    await publishPlan(t.db, bureau, { planId: plan.id });
    const fixed = await fixTeamDraw(t.db, bureau, { planId: plan.id });
    expect(fixed.manifestHash).toBe(manifestHash(fixed.manifest as never));

    const drawn = await holdCeremony(t.db, bureau, fixed.id);
    expect(drawn.status).toBe("DRAWN");
    const record = drawn.record as unknown as TeamDrawRecord;
    expect(verifyDrawRecord(record, { manifestHash: fixed.manifestHash, resultHash: drawn.resultHash! })).toMatchObject({ ok: true });
    expect(record.publicEntropy).toBe(DICE);

    const teams = await t.db.team.findMany({ where: { drawId: fixed.id }, include: { members: { include: { expert: true } } } });
    expect(teams).toHaveLength(3);
    for (const team of teams) {
      expect(team.inspectingRegionId).not.toBe(team.inspectedRegionId);
      expect(team.members.filter((m) => m.role === "EXPERT")).toHaveLength(2);
      expect(team.members.filter((m) => m.role === "THIRD_PARTY")).toHaveLength(1);
      // Recusal: nobody inspects their home region.
      for (const m of team.members) expect(m.expert!.homeRegionId).not.toBe(team.inspectedRegionId);
    }
    expect(await t.db.auditEvent.count({ where: { entityId: fixed.id, action: { in: ["draw.fixManifest", "draw.commit", "draw.enterEntropy", "draw.reveal", "draw.run"] } } })).toBe(7);
  });

  it("refuses a salt that does not hash to its commitment, and a reveal before the dice", async () => {
    const plan = await publishedPlan();
    await publishPlan(t.db, bureau, { planId: plan.id });
    const fixed = await fixTeamDraw(t.db, bureau, { planId: plan.id });
    const parties = await t.db.ceremonyParty.findMany({ where: { planId: plan.id }, orderBy: { position: "asc" } });
    expect(await refusal(revealPartySalt(t.db, bureau, { drawId: fixed.id, partyId: parties[0]!.id, salt: partySalt("BUREAU") }))).toMatchObject({ messageKey: "draw.errors.outOfOrder" });
    await holdCeremony(t.db, bureau, fixed.id, { reveal: 0 });
    expect(await refusal(revealPartySalt(t.db, bureau, { drawId: fixed.id, partyId: parties[0]!.id, salt: "not-the-committed-salt" }))).toMatchObject({ fieldErrors: { salt: "draw.errors.saltMismatch" } });
  });

  it("stops visibly when a party does not reveal; a redraw needs a reason, names the old manifest and keeps it", async () => {
    const plan = await publishedPlan();
    await publishPlan(t.db, bureau, { planId: plan.id });
    const fixed = await fixTeamDraw(t.db, bureau, { planId: plan.id });
    await holdCeremony(t.db, bureau, fixed.id, { reveal: 1 });
    await stopDraw(t.db, bureau, { drawId: fixed.id });
    const stopped = await t.db.draw.findUniqueOrThrow({ where: { id: fixed.id } });
    expect(stopped).toMatchObject({ status: "STOPPED", seed: null, record: null });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: fixed.id, action: "draw.stop" } });
    expect(audit.after).toMatchObject({ missing: ["DISCIPLINE"] });
    expect(await t.db.team.count({ where: { planId: plan.id } })).toBe(0);

    const again = await redraw(t.db, bureau, { drawId: fixed.id, reason: "纪检监察组未到场揭示盐值" });
    expect(again).toMatchObject({ supersedesId: fixed.id, redrawReason: "纪检监察组未到场揭示盐值" });
    expect((again.manifest as { redraw: unknown }).redraw).toEqual({ previousManifestHash: fixed.manifestHash, reason: "纪检监察组未到场揭示盐值" });
    expect((await t.db.draw.findUniqueOrThrow({ where: { id: fixed.id } })).status).toBe("SUPERSEDED");
    expect((await holdCeremony(t.db, bureau, again.id)).status).toBe("DRAWN");
    expect(await refusal(redraw(t.db, bureau, { drawId: again.id, reason: "结果不满意" }))).toMatchObject({ messageKey: "draw.errors.cannotRedraw" });
  });
});

describe("the target draw, cases and publication", () => {
  it("needs two law-enforcement staff on the team, draws the region's targets as cases, and is public only once every notice is delivered", async () => {
    const plan = await publishedPlan();
    const region = province.regions[0]!;
    const planRegion = await t.db.planRegion.findFirstOrThrow({ where: { planId: plan.id, poolingRegionId: region.id } });
    const designated = await t.db.institution.findFirstOrThrow({ where: { poolingRegionId: region.id, kind: "HOSPITAL", inspectionHistory: { some: { year: 2023 } } } });
    await designateTarget(t.db, bureau, { planId: plan.id, planRegionId: planRegion.id, institutionId: designated.id, kind: "HOSPITAL", trigger: "TIP_OFF", reason: "举报线索：串换药品" });
    await publishPlan(t.db, bureau, { planId: plan.id });
    const teamDraw = await holdCeremony(t.db, bureau, (await fixTeamDraw(t.db, bureau, { planId: plan.id })).id);
    const team = await t.db.team.findFirstOrThrow({ where: { drawId: teamDraw.id, inspectedRegionId: region.id } });

    expect(await refusal(fixTargetDraw(t.db, bureau, { planId: plan.id, planRegionId: planRegion.id }))).toMatchObject({ messageKey: "draw.errors.lawEnforcement" });
    const leader = await makeActor(t.db, "INSPECTOR");
    const member = await makeActor(t.db, "INSPECTOR");
    for (const [who, role] of [[leader, "LEADER"], [member, "MEMBER"]] as const) await t.db.teamMember.create({ data: { teamId: team.id, userId: who.userId, role, isLawEnforcement: true } });

    const fixed = await fixTargetDraw(t.db, bureau, { planId: plan.id, planRegionId: planRegion.id });
    const drawn = await holdCeremony(t.db, bureau, fixed.id);
    const record = drawn.record as unknown as TargetDrawRecord;
    expect(verifyDrawRecord(record)).toMatchObject({ ok: true });
    const cases = await t.db.inspectionCase.findMany({ where: { drawId: fixed.id }, include: { institution: true } });
    // The designated hospital (excluded otherwise: provincial 2023) + 1 drawn hospital + 1 look-back + 2 pharmacies + the agency.
    expect(cases.map((c) => c.institution.kind).sort()).toEqual(["AGENCY", "HOSPITAL", "HOSPITAL", "HOSPITAL", "PHARMACY", "PHARMACY"]);
    expect(cases.every((c) => c.state === "DRAWN" && c.teamId === team.id)).toBe(true);
    expect(cases.find((c) => c.institutionId === designated.id)).toMatchObject({ designated: true, designationReason: "举报线索：串换药品" });
    expect(cases.filter((c) => c.lookBack)).toHaveLength(1);

    // Confidentiality before the notices: the public gets the hash and commitments, no record, no result hash.
    expect(await getPublicDraw(t.db, fixed.id)).toMatchObject({ published: false, resultHash: null, manifestHash: fixed.manifestHash });
    expect(await getPublishedRecord(t.db, fixed.id)).toBeNull();
    expect(await getPublishedRecord(t.db, teamDraw.id)).toBeNull();
    // The team's members see its cases only after signing; a member of no team sees none.
    expect(await t.db.inspectionCase.count({ where: { AND: [scope.inspectionCase(leader), { drawId: fixed.id }] } })).toBe(0);
    const outsider = await makeActor(t.db, "INSPECTOR");
    expect(await t.db.inspectionCase.count({ where: { AND: [scope.inspectionCase(outsider), { drawId: fixed.id }] } })).toBe(0);

    await t.db.inspectionCase.updateMany({ where: { drawId: fixed.id, institution: { kind: { not: "AGENCY" } } }, data: { noticeDeliveredAt: new Date(), state: "NOTIFIED" } });
    expect(await getPublishedRecord(t.db, fixed.id)).toBeNull();
    await t.db.inspectionCase.updateMany({ where: { drawId: fixed.id }, data: { noticeDeliveredAt: new Date(), state: "NOTIFIED" } });
    const published = await getPublishedRecord(t.db, fixed.id);
    // The file keeps the documented field order, whatever order the JSON column returns.
    expect(Object.keys(JSON.parse(published!))).toEqual(["version", "kind", "planId", "drawnAt", "manifestHash", "resultHash", "commitments", "salts", "publicEntropy", "seed", "rules", "result", "skips", "replacements", "candidates", "tickets", "manifest"]);
    expect(verifyDrawRecord(JSON.parse(published!), { manifestHash: fixed.manifestHash, resultHash: drawn.resultHash! })).toMatchObject({ ok: true });
    // The team draw names every region's team: public only once every team has arrived.
    expect(await getPublishedRecord(t.db, teamDraw.id)).toBeNull();

    // The public draw record publishes what re-running the draw needs, and commits to the rest (ADR 019): no
    // tip-off, no fund usage, no inspection history; the bureau's full record opens every commitment, audited.
    expect(published).not.toContain("举报线索");
    for (const key of ["fundUsage", "inspections", "reason\":\"举报"]) expect(published).not.toContain(key);
    expect(verifyDrawRecord(JSON.parse(published!))).toMatchObject({ ok: true, opened: null });
    const full = await getDrawFileForBureau(t.db, bureau, fixed.id, "full-record");
    expect(full).toContain("举报线索：串换药品");
    expect(verifyDrawRecord(JSON.parse(full!), { manifestHash: fixed.manifestHash, resultHash: drawn.resultHash! })).toMatchObject({ ok: true, opened: expect.any(Number) });
    expect(await t.db.auditEvent.count({ where: { action: "draw.download.full-record", entityId: fixed.id, actorId: bureau.userId } })).toBe(1);
    // Before release too, the bureau's "record" is the published form; the full one is a separate, audited download.
    expect(await getDrawFileForBureau(t.db, bureau, teamDraw.id, "record")).not.toContain("homeRegion");
    expect(await getDrawFileForBureau(t.db, bureau, teamDraw.id, "full-record")).toContain("homeRegion");
    const city = await makeActor(t.db, "CITY_STAFF");
    expect(await refusal(getDrawFileForBureau(t.db, city, fixed.id, "full-record"))).toMatchObject({ code: "FORBIDDEN" });

    // The same files through the registry's door (GET /api/v1/draws/{id}/…, and the old /api/draws/{id}/… addresses
    // that forward to it): a visitor gets the released record only; the bureau its full record; a city clerk "not found".
    const get = (path: string, actor: typeof bureau | null) =>
      handleApiRequest(new Request(`http://feijian.test/api/v1${path}`), path, { db: t.db, resolveCaller: async () => ({ actor, via: "session", locale: "zh-CN", context: {} }) });
    const visitorRecord = await get(`/draws/${fixed.id}/record`, null);
    expect([visitorRecord.status, visitorRecord.headers.get("content-disposition")]).toEqual([200, `attachment; filename*=UTF-8''draw-${fixed.id}-record.json`]);
    expect(await visitorRecord.text()).toBe(published);
    for (const who of [null, city]) expect((await get(`/draws/${fixed.id}/full-record`, who)).status).toBe(404);
    expect((await get(`/draws/${fixed.id}/manifest`, city)).status).toBe(404);
    expect(await (await get(`/draws/${fixed.id}/full-record`, bureau)).text()).toContain("举报线索：串换药品");
  });
});

describe("who may see and run a draw", () => {
  it("refuses city, institution and team users the bureau's draw pages and every ceremony step", async () => {
    const plan = await publishedPlan();
    await publishPlan(t.db, bureau, { planId: plan.id });
    const fixed = await fixTeamDraw(t.db, bureau, { planId: plan.id });
    const city = await makeActor(t.db, "CITY_STAFF", { organizationId: (await makeOrganization(t.db, "CITY_BUREAU", { poolingRegionId: province.regions[0]!.id })).id });
    const hospital = await makeActor(t.db, "INSTITUTION_STAFF");
    const inspector = await makeActor(t.db, "INSPECTOR");
    for (const actor of [city, hospital, inspector]) {
      expect(await refusal(getDrawOrThrow(t.db, actor, fixed.id))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(stopDraw(t.db, actor, { drawId: fixed.id }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(fixTeamDraw(t.db, actor, { planId: plan.id }))).toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("a conflict declared after the draw", () => {
  it("withdraws the expert and brings in the next eligible ticket of the same draw, recorded in the record", async () => {
    const plan = await publishedPlan();
    await publishPlan(t.db, bureau, { planId: plan.id });
    const fixed = await fixTeamDraw(t.db, bureau, { planId: plan.id });
    const before = await holdCeremony(t.db, bureau, fixed.id);
    const expertMember = await t.db.teamMember.findFirstOrThrow({ where: { drawId: fixed.id, role: "EXPERT" }, include: { expert: true } });

    const outcome = await declareConflict(t.db, bureau, { teamMemberId: expertMember.id, reason: "近亲属在被检地定点医院任职" });
    expect(outcome.replacedBy).not.toBeNull();
    expect(await t.db.teamMember.findUniqueOrThrow({ where: { id: expertMember.id } })).toMatchObject({ withdrawReason: "近亲属在被检地定点医院任职" });
    const replacement = await t.db.teamMember.findFirstOrThrow({ where: { replacesMemberId: expertMember.id }, include: { expert: true } });
    expect(replacement).toMatchObject({ source: "REPLACEMENT", teamId: expertMember.teamId, role: "EXPERT" });
    expect(replacement.expert!.staffNumber).toBe(outcome.replacedBy);

    const after = await t.db.draw.findUniqueOrThrow({ where: { id: fixed.id } });
    const record = after.record as unknown as TeamDrawRecord;
    expect(after.resultHash).not.toBe(before.resultHash);
    expect(record.replacements).toEqual([expect.objectContaining({ withdrawn: expertMember.expert!.staffNumber, replacedBy: outcome.replacedBy })]);
    expect(JSON.stringify(record)).not.toContain("近亲属");
    expect(verifyDrawRecord(record)).toMatchObject({ ok: true });
  });

  it("lets the bureau record a paper commitment letter for a drawn member without an account, and only for them", async () => {
    const plan = await publishedPlan();
    await publishPlan(t.db, bureau, { planId: plan.id });
    const fixed = await fixTeamDraw(t.db, bureau, { planId: plan.id });
    await holdCeremony(t.db, bureau, fixed.id);
    const expert = await t.db.teamMember.findFirstOrThrow({ where: { drawId: fixed.id, role: "EXPERT" } });
    await recordPaperCommitmentLetter(t.db, bureau, expert.id);
    expect(await t.db.commitmentLetter.findUnique({ where: { teamMemberId: expert.id } })).toMatchObject({ textSha256: COMMITMENT_LETTER_SHA256 });
    const inspector = await makeActor(t.db, "INSPECTOR");
    const named = await t.db.teamMember.create({ data: { teamId: expert.teamId, userId: inspector.userId, role: "MEMBER", isLawEnforcement: true } });
    expect(await refusal(recordPaperCommitmentLetter(t.db, bureau, named.id))).toMatchObject({ messageKey: "draw.errors.signsOwnLetter" });
    expect(await refusal(recordPaperCommitmentLetter(t.db, inspector, expert.id))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets an inspector declare only for their own place on a team", async () => {
    const plan = await publishedPlan();
    await publishPlan(t.db, bureau, { planId: plan.id });
    const fixed = await fixTeamDraw(t.db, bureau, { planId: plan.id });
    await holdCeremony(t.db, bureau, fixed.id);
    const someone = await t.db.teamMember.findFirstOrThrow({ where: { drawId: fixed.id } });
    const inspector = await makeActor(t.db, "INSPECTOR");
    expect(await refusal(declareConflict(t.db, inspector, { teamMemberId: someone.id, reason: "冒名申报" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
