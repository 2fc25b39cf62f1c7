import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import type { TAddTargetInput, TCreatePlanInput } from "@/lib/validation/plans";

// Plans are the provincial bureau's own records: every bureau user may read them, nobody else.
// (The full plan editor with phases and draw rules is issue 8; this is the minimal plan of the walking skeleton.)

export async function listPlans(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "plan.read");
  return db.plan.findMany({
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: { id: true, title: true, year: true, level: true, trigger: true, status: true, periodStart: true, periodEnd: true, _count: { select: { cases: true, teams: true } } },
    take: 200,
  });
}

export async function getPlanOrThrow(db: PrismaClient, actor: Actor, planId: string) {
  requirePermission(actor, "plan.read");
  const plan = await db.plan.findUnique({
    where: { id: planId },
    include: {
      teams: { orderBy: { createdAt: "asc" }, include: { inspectedRegion: true, members: { where: { withdrawnAt: null }, include: { user: { select: { id: true, displayName: true, username: true } }, commitmentLetter: { select: { signedAt: true } } }, orderBy: { createdAt: "asc" } } } },
      cases: { orderBy: { createdAt: "asc" }, include: { institution: { select: { name: true, nationalCode: true } }, team: { select: { name: true } } } },
    },
  });
  if (!plan) throw new DomainError("NOT_FOUND");
  return plan;
}

export async function createPlan(db: PrismaClient, actor: Actor, input: TCreatePlanInput, context: RequestContext = {}) {
  requirePermission(actor, "plan.create");
  const year = input.year;
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.create({
      data: {
        title: input.title,
        year,
        level: input.level,
        trigger: input.trigger,
        periodStart: new Date(input.periodStart),
        periodEnd: new Date(input.periodEnd),
        // Fund usage is ranked over the years under inspection (Jilin plan §一(二)1: 2022 至 2023 年).
        referenceYears: yearsBetween(input.periodStart, input.periodEnd),
        organizationId: actor.organizationId,
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, { actor, action: "plan.create", entity: "Plan", entityId: plan.id, after: plan, context });
    return plan;
  });
}

function yearsBetween(from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) years.push(y);
  return years;
}

/** A target added by hand is a designated target, with its reason; its case starts DRAWN, unknown to the institution. */
export async function addTarget(db: PrismaClient, actor: Actor, input: TAddTargetInput, context: RequestContext = {}) {
  requirePermission(actor, "plan.manageTargets");
  const [plan, institution, team] = await Promise.all([
    db.plan.findUnique({ where: { id: input.planId } }),
    db.institution.findUnique({ where: { id: input.institutionId } }),
    db.team.findUnique({ where: { id: input.teamId } }),
  ]);
  if (!plan) throw new DomainError("NOT_FOUND");
  if (!institution || !institution.active) throw new DomainError("NOT_FOUND", { institutionId: "errors.notFound" });
  if (!team || team.planId !== plan.id) throw new DomainError("NOT_FOUND", { teamId: "errors.notFound" });
  if (plan.status === "ARCHIVED") throw new DomainError("PLAN_ARCHIVED");
  const region = await db.poolingRegion.findUniqueOrThrow({ where: { id: institution.poolingRegionId } });
  // The case belongs to the region the plan inspects: a merged region (省直) counts as the one it joined.
  const inspectedRegionId = region.mergedIntoId ?? region.id;
  if (team.inspectedRegionId !== inspectedRegionId) throw new DomainError("TEAM_REGION_MISMATCH", { teamId: "errors.teamRegionMismatch" });
  if (await db.inspectionCase.findFirst({ where: { planId: plan.id, institutionId: institution.id, state: { not: "CLOSED" } }, select: { id: true } })) {
    throw new DomainError("TARGET_ALREADY_IN_PLAN", { institutionId: "errors.targetAlreadyInPlan" });
  }
  return db.$transaction(async (tx) => {
    const created = await tx.inspectionCase.create({
      data: { planId: plan.id, institutionId: institution.id, teamId: team.id, inspectedRegionId, trigger: plan.trigger, designated: true, designationReason: input.reason },
    });
    await recordAudit(tx, { actor, action: "case.create", entity: "InspectionCase", entityId: created.id, after: created, context });
    return created;
  });
}

/** Institutions a target can be chosen from (master data is kept in issue 5's screens). */
export async function listTargetableInstitutions(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "plan.manageTargets");
  return db.institution.findMany({ where: { active: true }, orderBy: [{ poolingRegionId: "asc" }, { name: "asc" }], select: { id: true, name: true, nationalCode: true }, take: 500 });
}
