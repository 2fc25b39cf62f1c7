import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/policy/actor";
import { scope } from "@/lib/server/policy/scope";
import { makeActor, makeOrganization, makeRegion } from "../factories";
import { addTeamMember, makeCase, makeInstitution, makePlan, makeTeam } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

let region: string;
let otherRegion: string;
let bureau: Actor;
let hospitalStaff: Actor;
let otherHospitalStaff: Actor;
let cityStaff: Actor;
let otherCityStaff: Actor;
let member: Actor;
let unsignedMember: Actor;
let withdrawnMember: Actor;
let conflicted: Actor;
let outsider: Actor;
let pending: string;
let delivered: string;

beforeAll(async () => {
  region = (await makeRegion(t.db)).id;
  otherRegion = (await makeRegion(t.db)).id;
  bureau = await makeActor(t.db, "BUREAU_STAFF");
  const hospitalOrg = await makeOrganization(t.db, "INSTITUTION", { poolingRegionId: region });
  const otherHospitalOrg = await makeOrganization(t.db, "INSTITUTION", { poolingRegionId: region });
  hospitalStaff = await makeActor(t.db, "INSTITUTION_STAFF", { organizationId: hospitalOrg.id });
  otherHospitalStaff = await makeActor(t.db, "INSTITUTION_STAFF", { organizationId: otherHospitalOrg.id });
  cityStaff = await makeActor(t.db, "CITY_STAFF", { organizationId: (await makeOrganization(t.db, "CITY_BUREAU", { poolingRegionId: region })).id });
  otherCityStaff = await makeActor(t.db, "CITY_STAFF", { organizationId: (await makeOrganization(t.db, "CITY_BUREAU", { poolingRegionId: otherRegion })).id });
  member = await makeActor(t.db, "INSPECTOR");
  unsignedMember = await makeActor(t.db, "INSPECTOR");
  withdrawnMember = await makeActor(t.db, "INSPECTOR");
  conflicted = await makeActor(t.db, "INSPECTOR");
  outsider = await makeActor(t.db, "INSPECTOR");

  const institution = await makeInstitution(t.db, region, { organizationId: hospitalOrg.id });
  await makeInstitution(t.db, region, { organizationId: otherHospitalOrg.id });
  const plan = await makePlan(t.db, bureau, { published: true });
  const team = await makeTeam(t.db, plan.id, region);
  await addTeamMember(t.db, team.id, member.userId, { role: "LEADER" });
  await addTeamMember(t.db, team.id, unsignedMember.userId, { signed: false });
  await addTeamMember(t.db, team.id, withdrawnMember.userId, { withdrawn: true });
  await addTeamMember(t.db, team.id, conflicted.userId);
  await t.db.conflictDeclaration.create({ data: { userId: conflicted.userId, institutionId: institution.id, reason: "曾在该院任职", declaredAt: new Date(), recordedById: bureau.userId } });
  pending = (await makeCase(t.db, { planId: plan.id, teamId: team.id, institutionId: institution.id, inspectedRegionId: region })).id;
  delivered = (await makeCase(t.db, { planId: plan.id, teamId: team.id, institutionId: institution.id, inspectedRegionId: region, noticeDelivered: true })).id;
});

async function visible(actor: Actor): Promise<string[]> {
  const rows = await t.db.inspectionCase.findMany({ where: scope.inspectionCase(actor), select: { id: true } });
  return rows.map((r) => r.id).sort();
}

describe("case confidentiality (who may learn of a case, and when)", () => {
  it("the bureau sees every case, drawn or notified", async () => {
    expect(await visible(bureau)).toEqual([pending, delivered].sort());
  });

  it("the institution and its city bureau see a case only once its notice is delivered; counts agree", async () => {
    expect(await visible(hospitalStaff)).toEqual([delivered]);
    expect(await visible(cityStaff)).toEqual([delivered]);
    expect(await t.db.inspectionCase.count({ where: scope.inspectionCase(hospitalStaff) })).toBe(1);
    expect(await t.db.inspectionCase.count({ where: { AND: [scope.inspectionCase(cityStaff), { state: "DRAWN" }] } })).toBe(0);
  });

  it("another institution and another region's city bureau never see it", async () => {
    expect(await visible(otherHospitalStaff)).toEqual([]);
    expect(await visible(otherCityStaff)).toEqual([]);
  });

  it("a team member who signed the commitment letter sees the team's cases, before and after the notice", async () => {
    expect(await visible(member)).toEqual([pending, delivered].sort());
  });

  it("an inspector sees nothing before signing the letter, after withdrawing, where recused, or off the team", async () => {
    expect(await visible(unsignedMember)).toEqual([]);
    expect(await visible(withdrawnMember)).toEqual([]);
    expect(await visible(conflicted)).toEqual([]);
    expect(await visible(outsider)).toEqual([]);
  });

  it("looking a hidden case up by id finds nothing, exactly like an unknown id", async () => {
    const byId = (actor: Actor, id: string) => t.db.inspectionCase.findFirst({ where: { AND: [scope.inspectionCase(actor), { id }] } });
    expect(await byId(hospitalStaff, pending)).toBeNull();
    expect(await byId(hospitalStaff, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await byId(hospitalStaff, delivered)).not.toBeNull();
  });

  it("a pending draw tells the public only its manifest hash and commitments: no region, institution, person or result", async () => {
    const { getPublicDraw, getPublishedRecord } = await import("@/lib/server/draws/publication");
    const plan = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: pending }, select: { planId: true } });
    const draw = await t.db.draw.create({
      data: { planId: plan.planId, kind: "TARGETS", status: "DRAWN", manifest: { secret: "被检机构名单" }, manifestHash: "c".repeat(64), record: { result: "被检机构名单" }, resultHash: "d".repeat(64), createdById: bureau.userId },
    });
    await t.db.inspectionCase.update({ where: { id: pending }, data: { drawId: draw.id } });
    const announced = await getPublicDraw(t.db, draw.id);
    expect(announced).toEqual({ id: draw.id, kind: "TARGETS", manifestHash: "c".repeat(64), commitments: [], published: false, resultHash: null });
    expect(await getPublishedRecord(t.db, draw.id)).toBeNull();
    await t.db.inspectionCase.update({ where: { id: pending }, data: { drawId: null } });
  });
});
