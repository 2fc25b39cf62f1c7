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

/** A provincial plan written by the given bureau actor. */
export async function makePlan(db: PrismaClient, bureau: Actor) {
  return db.plan.create({
    data: {
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
