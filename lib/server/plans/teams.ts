import "server-only";
import { recusalReasons } from "@/lib/domain/draw/team-manifest";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { bumpCaseVersions } from "@/lib/server/cases/versions";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import type { TAddTeamMemberInput, TCreateTeamInput } from "@/lib/validation/plans";
import { COMMITMENT_LETTER_SHA256 } from "./commitment-letter";
import { recusalTiesOfUser } from "./recusal";

export async function createTeam(db: PrismaClient, actor: Actor, input: TCreateTeamInput, context: RequestContext = {}) {
  requirePermission(actor, "team.manage");
  const [plan, region] = await Promise.all([db.plan.findUnique({ where: { id: input.planId } }), db.poolingRegion.findUnique({ where: { id: input.inspectedRegionId } })]);
  if (!plan) throw new DomainError("NOT_FOUND");
  if (!region || !region.active) throw new DomainError("NOT_FOUND", { inspectedRegionId: "errors.notFound" });
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { planId: plan.id, inspectedRegionId: region.mergedIntoId ?? region.id, name: input.name } });
    await recordAudit(tx, { actor, action: "team.create", entity: "Team", entityId: team.id, after: team, context });
    return team;
  });
}

/**
 * Members are named by the bureau (leaders and law-enforcement staff); experts come from the draw (issue 8). Recusal
 * (回避, DOMAIN.md; 暂行办法 art. 9) binds them as it binds the draw: nobody joins the team inspecting the region of
 * their own employer, their home region, or a region they declared a conflict with. Someone who left the team is
 * restored to their place (one membership per person and team), never added twice.
 */
export async function addTeamMember(db: PrismaClient, actor: Actor, input: TAddTeamMemberInput, context: RequestContext = {}) {
  requirePermission(actor, "team.manage");
  const [team, user] = await Promise.all([db.team.findUnique({ where: { id: input.teamId } }), db.user.findUnique({ where: { id: input.userId } })]);
  if (!team) throw new DomainError("NOT_FOUND");
  if (!user || !user.active) throw new DomainError("NOT_FOUND", { userId: "errors.notFound" });
  if (user.role !== "INSPECTOR") throw new DomainError("NOT_AN_INSPECTOR", { userId: "errors.notAnInspector" });
  return db.$transaction(async (tx) => {
    const reasons = recusalReasons(await recusalTiesOfUser(tx, user.id, team.planId), team.inspectedRegionId);
    if (reasons.length > 0) throw new DomainError("CONFLICT", { userId: `plans.errors.recusal.${reasons[0]}` });
    const place = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId: team.id, userId: user.id } } });
    if (place && !place.withdrawnAt) throw new DomainError("ALREADY_ON_TEAM", { userId: "errors.alreadyOnTeam" });
    if (place) {
      const restored = await tx.teamMember.updateMany({
        where: { id: place.id, version: place.version, withdrawnAt: { not: null } },
        data: { withdrawnAt: null, withdrawReason: null, role: input.role, isLawEnforcement: input.isLawEnforcement, version: { increment: 1 } },
      });
      if (restored.count !== 1) throw new DomainError("STALE_VERSION");
      const after = await tx.teamMember.findUniqueOrThrow({ where: { id: place.id } });
      await recordAudit(tx, { actor, action: "team.restoreMember", entity: "Team", entityId: team.id, before: place, after, context });
      // Who is on the team is a fact the case guards read (who may sign, who sees the case).
      await bumpCaseVersions(tx, { teamId: team.id });
      return after;
    }
    const member = await tx.teamMember.create({ data: { teamId: team.id, userId: user.id, role: input.role, isLawEnforcement: input.isLawEnforcement } }).catch((error: unknown) => {
      // A second clerk added the same person a moment earlier: the unique place answers, not a 500.
      if ((error as { code?: string }).code === "P2002") throw new DomainError("ALREADY_ON_TEAM", { userId: "errors.alreadyOnTeam" });
      throw error;
    });
    await recordAudit(tx, { actor, action: "team.addMember", entity: "Team", entityId: team.id, after: member, context });
    await bumpCaseVersions(tx, { teamId: team.id });
    return member;
  });
}

export async function listInspectors(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "team.manage");
  return db.user.findMany({ where: { role: "INSPECTOR", active: true }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true, username: true, staffNumber: true } });
}

/** An inspector's own team places, with their letters: what the team portal shows first. */
export async function listMyTeamMemberships(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "portal.team");
  return db.teamMember.findMany({
    where: { userId: actor.userId, withdrawnAt: null },
    orderBy: { createdAt: "desc" },
    include: { team: { include: { plan: { select: { title: true, year: true } }, inspectedRegion: { select: { name: true } } } }, commitmentLetter: { select: { signedAt: true } } },
  });
}

/** Signing the commitment letter is what lets a member see the team's cases (scope.inspectionCase). */
export async function signCommitmentLetter(db: PrismaClient, actor: Actor, teamMemberId: string, context: RequestContext = {}) {
  requirePermission(actor, "commitment.sign");
  const member = await db.teamMember.findFirst({ where: { id: teamMemberId, userId: actor.userId, withdrawnAt: null }, include: { commitmentLetter: true } });
  if (!member) throw new DomainError("NOT_FOUND");
  if (member.commitmentLetter) throw new DomainError("COMMITMENT_ALREADY_SIGNED");
  return db.$transaction(async (tx) => {
    const letter = await tx.commitmentLetter.create({ data: { teamMemberId: member.id, textSha256: COMMITMENT_LETTER_SHA256, signedAt: new Date() } });
    await recordAudit(tx, { actor, action: "commitment.sign", entity: "TeamMember", entityId: member.id, after: letter, context });
    // A signed letter is what the guards of the team's steps read: the cases' versions move with it.
    await bumpCaseVersions(tx, { teamId: member.teamId });
    return letter;
  });
}

/**
 * A drawn expert or third-party member without an account signs the letter on paper; the bureau records it
 * (the same text, its SHA-256 kept). Members with an account sign it themselves on the team portal.
 */
export async function recordPaperCommitmentLetter(db: PrismaClient, actor: Actor, teamMemberId: string, context: RequestContext = {}) {
  requirePermission(actor, "team.manage");
  const member = await db.teamMember.findFirst({ where: { id: teamMemberId, withdrawnAt: null }, include: { commitmentLetter: true } });
  if (!member) throw new DomainError("NOT_FOUND");
  if (member.userId) throw new DomainError("CONFLICT", undefined, { messageKey: "draw.errors.signsOwnLetter" });
  if (member.commitmentLetter) throw new DomainError("COMMITMENT_ALREADY_SIGNED");
  return db.$transaction(async (tx) => {
    const letter = await tx.commitmentLetter.create({ data: { teamMemberId: member.id, textSha256: COMMITMENT_LETTER_SHA256, signedAt: new Date() } });
    await recordAudit(tx, { actor, action: "commitment.recordPaper", entity: "TeamMember", entityId: member.id, after: letter, context });
    await bumpCaseVersions(tx, { teamId: member.teamId });
    return letter;
  });
}
