import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";

const suffix = () => randomUUID().slice(0, 8);

export async function makeInstitution(db: PrismaClient, poolingRegionId: string, overrides: { organizationId?: string; kind?: "HOSPITAL" | "PHARMACY" | "AGENCY" } = {}) {
  const kind = overrides.kind ?? "HOSPITAL";
  return db.institution.create({
    data: {
      kind,
      hospitalTier: kind === "HOSPITAL" ? "TIER_2" : null,
      nationalCode: `H${suffix()}`,
      name: `测试医院${suffix()}`,
      poolingRegionId,
      organizationId: overrides.organizationId ?? null,
    },
  });
}

/** A provincial plan written by the given bureau actor: a draft, or published (cases exist only under one). */
export async function makePlan(db: PrismaClient, bureau: Actor, options: { published?: boolean } = {}) {
  return db.plan.create({
    data: {
      ...(options.published ? { status: "PUBLISHED" as const, publishedAt: new Date() } : {}),
      year: 2024,
      level: "PROVINCIAL",
      trigger: "ANNUAL_PLAN",
      title: `测试飞行检查方案${suffix()}`,
      organizationId: bureau.organizationId,
      periodStart: new Date("2022-01-01"),
      periodEnd: new Date("2023-12-31"),
      referenceYears: [2022, 2023],
      createdById: bureau.userId,
    },
  });
}

export async function makeTeam(db: PrismaClient, planId: string, inspectedRegionId: string) {
  return db.team.create({ data: { planId, inspectedRegionId, name: `检查组${suffix()}` } });
}

export async function addTeamMember(db: PrismaClient, teamId: string, userId: string, options: { role?: "LEADER" | "MEMBER" | "EXPERT"; signed?: boolean; withdrawn?: boolean } = {}) {
  const member = await db.teamMember.create({
    data: { teamId, userId, role: options.role ?? "MEMBER", isLawEnforcement: true, withdrawnAt: options.withdrawn ? new Date() : null },
  });
  if (options.signed ?? true) {
    await db.commitmentLetter.create({ data: { teamMemberId: member.id, textSha256: "0".repeat(64), signedAt: new Date() } });
  }
  return member;
}

export async function makeCase(db: PrismaClient, input: { planId: string; teamId: string; institutionId: string; inspectedRegionId: string; noticeDelivered?: boolean }) {
  return db.inspectionCase.create({
    data: {
      planId: input.planId,
      teamId: input.teamId,
      institutionId: input.institutionId,
      inspectedRegionId: input.inspectedRegionId,
      trigger: "ANNUAL_PLAN",
      state: input.noticeDelivered ? "NOTIFIED" : "DRAWN",
      noticeDeliveredAt: input.noticeDelivered ? new Date() : null,
    },
  });
}

export async function makeViolationType(db: PrismaClient, overrides: { active?: boolean } = {}) {
  return db.violationType.create({
    data: { code: `V${suffix()}`, name: `串换药品${suffix()}`, legalBasis: "《医疗保障基金使用监督管理条例》第三十八条", active: overrides.active ?? true },
  });
}

export async function makeKeyArea(db: PrismaClient) {
  return db.keyArea.create({ data: { code: `K${suffix()}`, name: `重点领域${suffix()}` } });
}

/**
 * One drawn case with everyone who acts on it: the bureau, the team's leader and a member (both with
 * signed commitment letters), the inspected region's city bureau and the institution's staff, plus an
 * institution of another organization and another region's city bureau, for refusals.
 */
export async function makeCaseWorld(db: PrismaClient, options: { appealWindowWorkingDays?: number } = {}) {
  const { makeActor, makeOrganization, makeRegion } = await import("./index");
  const region = await makeRegion(db);
  const bureau = await makeActor(db, "BUREAU_STAFF");
  const cityBureau = await makeOrganization(db, "CITY_BUREAU", { poolingRegionId: region.id });
  const city = await makeActor(db, "CITY_STAFF", { organizationId: cityBureau.id });
  const otherCity = await makeActor(db, "CITY_STAFF");
  const hospitalOrg = await makeOrganization(db, "INSTITUTION", { poolingRegionId: region.id });
  const institutionStaff = await makeActor(db, "INSTITUTION_STAFF", { organizationId: hospitalOrg.id });
  const otherHospitalOrg = await makeOrganization(db, "INSTITUTION", { poolingRegionId: region.id });
  const otherInstitutionStaff = await makeActor(db, "INSTITUTION_STAFF", { organizationId: otherHospitalOrg.id });
  const institution = await makeInstitution(db, region.id, { organizationId: hospitalOrg.id });
  await makeInstitution(db, region.id, { organizationId: otherHospitalOrg.id });
  const leader = await makeActor(db, "INSPECTOR");
  const member = await makeActor(db, "INSPECTOR");
  const outsider = await makeActor(db, "INSPECTOR");
  const plan = await makePlan(db, bureau, { published: true });
  if (options.appealWindowWorkingDays !== undefined) {
    await db.plan.update({ where: { id: plan.id }, data: { appealWindowWorkingDays: options.appealWindowWorkingDays } });
  }
  const team = await makeTeam(db, plan.id, region.id);
  await addTeamMember(db, team.id, leader.userId, { role: "LEADER" });
  await addTeamMember(db, team.id, member.userId, { role: "MEMBER" });
  const inspectionCase = await makeCase(db, { planId: plan.id, teamId: team.id, institutionId: institution.id, inspectedRegionId: region.id });
  const violationType = await makeViolationType(db);
  return { region, bureau, cityBureau, city, otherCity, institution, institutionStaff, otherInstitutionStaff, leader, member, outsider, plan, team, inspectionCase, violationType };
}
