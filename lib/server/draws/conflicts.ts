import "server-only";
import { withReplacement, type TeamDrawRecord } from "@/lib/domain/draw/record";
import { recordAudit } from "@/lib/server/audit/record";
import { bumpCaseVersions } from "@/lib/server/cases/versions";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { roleHasPermission } from "@/lib/server/policy/permissions";
import type { TDeclareConflictInput } from "@/lib/validation/plans";
import { addDrawnMember } from "./outcome";

// 回避 after the draw (issue 8 §4, §7): anyone on a team may declare a conflict with the region they are to
// inspect, at the commitment letter or later. They leave the team; a drawn expert or third-party member is
// replaced by the next eligible ticket of the same team draw, and the replacement is added to the draw's
// record (a new result hash) in the same transaction. Members named by the bureau are replaced by hand.

export async function declareConflict(db: PrismaClient, actor: Actor, input: TDeclareConflictInput, context: RequestContext = {}) {
  requirePermission(actor, "conflict.declare");
  return db.$transaction(async (tx) => {
    const member = await tx.teamMember.findUnique({ where: { id: input.teamMemberId }, include: { expert: true, team: { include: { inspectedRegion: true, draw: true, plan: { select: { year: true } } } } } });
    // A member declares for themself; the bureau may record it for anyone (an expert without an account).
    const mayRecord = member && (member.userId === actor.userId || roleHasPermission(actor.role, "team.manage"));
    if (!member || !mayRecord) throw new DomainError("NOT_FOUND");
    if (member.withdrawnAt) throw new DomainError("CONFLICT", undefined, { messageKey: "draw.errors.alreadyWithdrawn" });
    const declaredAt = new Date();
    const declaration = await tx.conflictDeclaration.create({
      data: { userId: member.userId, expertId: member.expertId, poolingRegionId: member.team.inspectedRegionId, planId: member.team.planId, reason: input.reason, declaredAt, recordedById: actor.userId },
    });
    const withdrawn = await tx.teamMember.updateMany({ where: { id: member.id, version: member.version, withdrawnAt: null }, data: { withdrawnAt: declaredAt, withdrawReason: input.reason, version: { increment: 1 } } });
    if (withdrawn.count !== 1) throw new DomainError("STALE_VERSION");
    await recordAudit(tx, { actor, action: "conflict.declare", entity: "TeamMember", entityId: member.id, after: { declarationId: declaration.id, reason: input.reason }, context });
    // The member left the team (and a replacement may join it): facts the team's case guards read.
    await bumpCaseVersions(tx, { teamId: member.teamId });

    const draw = member.team.draw;
    if (!draw || draw.kind !== "TEAMS" || !draw.record || !member.expert || member.drawId !== draw.id) return { replacedBy: null };
    const pool = member.role === "THIRD_PARTY" ? "THIRD_PARTY" : "EXPERT";
    // The published record names the declaration, not its text.
    const record = withReplacement(draw.record as unknown as TeamDrawRecord, {
      pool,
      inspected: member.team.inspectedRegion.code,
      withdrawn: member.expert.staffNumber,
      reason: `declaration ${declaration.id}`,
      declaredAt: declaredAt.toISOString(),
    });
    const updated = await tx.draw.updateMany({ where: { id: draw.id, version: draw.version }, data: { record: record as unknown as Prisma.InputJsonValue, resultHash: record.resultHash, version: { increment: 1 } } });
    if (updated.count !== 1) throw new DomainError("STALE_VERSION");
    const replacement = record.replacements.at(-1)!;
    const added = replacement.replacedBy
      ? await addDrawnMember(tx, { teamId: member.teamId, drawId: draw.id, staffNumber: replacement.replacedBy, pool, year: member.team.plan.year, replacesMemberId: member.id })
      : null;
    await recordAudit(tx, { actor, action: "draw.replace", entity: "Draw", entityId: draw.id, after: { ...replacement, resultHash: record.resultHash, teamMemberId: added?.id ?? null }, context });
    return { replacedBy: replacement.replacedBy };
  });
}
