import "server-only";
import type { Prisma, PrismaClient, Tx } from "@/lib/server/db/client";
import { defaultExclusionWindows } from "@/lib/domain/draw/target-manifest";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import type { TAddTargetInput, TCreatePlanInput, TSearchDesignatableInput } from "@/lib/validation/plans";

// Plans are the provincial bureau's own records: every bureau user may read them, nobody else.
// The editor's changes are in ./editor.ts; draws in lib/server/draws.

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
      teams: {
        orderBy: { createdAt: "asc" },
        include: {
          inspectedRegion: true,
          inspectingRegion: true,
          members: { include: { user: { select: { id: true, displayName: true, username: true } }, expert: { select: { name: true, staffNumber: true } }, commitmentLetter: { select: { signedAt: true } } }, orderBy: { createdAt: "asc" } },
        },
      },
      cases: { orderBy: { createdAt: "asc" }, include: { institution: { select: { name: true, nationalCode: true } }, team: { select: { name: true } } } },
      phases: { orderBy: [{ endsOn: "asc" }, { createdAt: "asc" }] },
      exclusionWindows: { orderBy: [{ level: "asc" }, { fromYear: "asc" }] },
      inspectedRegions: { orderBy: { poolingRegion: { code: "asc" } }, include: { poolingRegion: true, designatedTargets: { orderBy: { createdAt: "asc" }, include: { institution: { select: { name: true, nationalCode: true } } } } } },
      participatingRegions: { orderBy: { poolingRegion: { code: "asc" } }, include: { poolingRegion: true } },
      keyAreas: { orderBy: { keyArea: { code: "asc" } }, include: { keyArea: { select: { id: true, code: true, name: true } } } },
      ceremonyParties: { orderBy: { position: "asc" } },
      draws: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, status: true, planRegionId: true, manifestHash: true, resultHash: true, drawnAt: true, redrawReason: true, supersedesId: true } },
      supersedes: { select: { id: true, revision: true } },
      supersededBy: { select: { id: true, revision: true } },
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
        // Jilin plan §一(二)4 and 6: look-back up to the plan year − 2; the exclusion windows as the plan states them.
        lookBackUpToYear: year - 2,
        exclusionWindows: { create: defaultExclusionWindows(year) },
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
  if (plan.status !== "PUBLISHED") throw casesNeedPublishedPlan();
  const region = await db.poolingRegion.findUniqueOrThrow({ where: { id: institution.poolingRegionId } });
  // The case belongs to the region the plan inspects: a merged region (省直) counts as the one it joined.
  const inspectedRegionId = region.mergedIntoId ?? region.id;
  if (team.inspectedRegionId !== inspectedRegionId) throw new DomainError("TEAM_REGION_MISMATCH", { teamId: "errors.teamRegionMismatch" });
  if (await db.inspectionCase.findFirst({ where: { planId: plan.id, institutionId: institution.id, state: { not: "CLOSED" } }, select: { id: true } })) {
    throw new DomainError("TARGET_ALREADY_IN_PLAN", { institutionId: "errors.targetAlreadyInPlan" });
  }
  return db.$transaction((tx) =>
    createCase(tx, actor, { planId: plan.id, institutionId: institution.id, teamId: team.id, inspectedRegionId, trigger: plan.trigger, designated: true, designationReason: input.reason }, context),
  );
}

const casesNeedPublishedPlan = () => new DomainError("CONFLICT", undefined, { messageKey: "plans.errors.casesNeedPublishedPlan" });

/**
 * The one way a case comes into being, by hand or from a target draw: state DRAWN, unknown to the institution
 * and its city bureau until the notice is delivered (scope.inspectionCase). Runs inside the caller's transaction.
 * A case is work done under a plan in force: never under a draft, which may still change or be deleted, nor under
 * an archived revision (issue 12 §6). Checked here, in the transaction, so no caller can forget it.
 */
export async function createCase(tx: Tx, actor: Actor, data: Prisma.InspectionCaseUncheckedCreateInput, context: RequestContext) {
  const plan = await tx.plan.findUnique({ where: { id: data.planId }, select: { status: true } });
  if (plan?.status !== "PUBLISHED") throw casesNeedPublishedPlan();
  const created = await tx.inspectionCase.create({ data: { ...data, state: "DRAWN" } });
  await recordAudit(tx, { actor, action: "case.create", entity: "InspectionCase", entityId: created.id, after: created, context });
  return created;
}

/** Institutions a target can be chosen from (master data is kept in issue 5's screens). */
/**
 * Institutions a target may be added from by hand: those of the regions the plan's teams inspect (merged
 * regions included), since a target must lie in its team's region. Bounded, for one select.
 */
export async function listTargetableInstitutions(db: PrismaClient, actor: Actor, planId: string) {
  requirePermission(actor, "plan.manageTargets");
  const teams = await db.team.findMany({ where: { planId }, select: { inspectedRegionId: true } });
  return institutionsOfRegions(db, teams.map((team) => team.inspectedRegionId));
}

/** The active institutions of these regions and of the regions merged into them, for one select (bounded). */
function institutionsOfRegions(db: PrismaClient, regionIds: string[], where: Prisma.InstitutionWhereInput = {}) {
  const ids = [...new Set(regionIds)];
  if (ids.length === 0) return Promise.resolve([]);
  return db.institution.findMany({
    where: { ...where, active: true, poolingRegion: { OR: [{ id: { in: ids } }, { mergedIntoId: { in: ids } }] } },
    orderBy: [{ poolingRegion: { code: "asc" } }, { kind: "asc" }, { nationalCode: "asc" }],
    select: { id: true, name: true, nationalCode: true },
    take: 5000,
  });
}

/** The active key areas a draft plan may choose (the catalogue the bureau keeps). */
export async function listKeyAreaOptions(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "plan.create");
  return db.keyArea.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, name: true, code: true } });
}

/**
 * Hospitals and pharmacies a draft plan may designate, found by name or national code (a province has hundreds per
 * region, too many to scroll): within one inspected region of the plan, or all of them, merged regions included.
 * Each answer names the plan region it belongs to, so choosing it also chooses the region.
 */
export async function searchDesignatableInstitutions(db: PrismaClient, actor: Actor, input: TSearchDesignatableInput) {
  requirePermission(actor, "plan.manageTargets");
  const regions = await db.planRegion.findMany({
    where: { planId: input.planId, ...(input.planRegionId ? { id: input.planRegionId } : {}) },
    select: { id: true, poolingRegionId: true, poolingRegion: { select: { name: true } } },
  });
  if (regions.length === 0) return [];
  const planRegionOf = new Map(regions.map((r) => [r.poolingRegionId, r]));
  const ids = regions.map((r) => r.poolingRegionId);
  const found = await db.institution.findMany({
    where: {
      active: true,
      kind: { not: "AGENCY" },
      poolingRegion: { OR: [{ id: { in: ids } }, { mergedIntoId: { in: ids } }] },
      OR: [{ name: { contains: input.q, mode: "insensitive" } }, { nationalCode: { contains: input.q, mode: "insensitive" } }],
    },
    orderBy: [{ name: "asc" }, { nationalCode: "asc" }],
    select: { id: true, name: true, nationalCode: true, kind: true, poolingRegion: { select: { id: true, mergedIntoId: true } } },
    take: 20,
  });
  return found.map((i) => {
    const region = planRegionOf.get(i.poolingRegion.mergedIntoId ?? i.poolingRegion.id)!;
    return { id: i.id, name: i.name, nationalCode: i.nationalCode, kind: i.kind, planRegionId: region.id, regionName: region.poolingRegion.name };
  });
}
