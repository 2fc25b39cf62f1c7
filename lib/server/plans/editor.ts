import "server-only";
import { publicationProblems } from "@/lib/domain/plan/publication";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import type {
  TAddPhaseInput,
  TCeremonyPartyInput,
  TDesignateTargetInput,
  TExclusionWindowInput,
  TParticipatingRegionInput,
  TPlanKeyAreaInput,
  TPlanRefInput,
  TPlanRegionInput,
  TRemovePlanItemInput,
  TUpdatePlanInput,
} from "@/lib/validation/plans";

// The plan editor (issue 8 §1). A plan is edited only as a draft; publishing freezes it, and a change to a
// published plan is a new revision (a copy, DRAFT, `supersedesId` the old one) that archives the old one
// when it is published. Every edit bumps the plan's `version` by compare-and-set, with its audit row.

type Plan = Awaited<ReturnType<PrismaClient["plan"]["findUniqueOrThrow"]>>;
type Edit = { entity: string; entityId: string; before?: unknown; after?: unknown };

export const notDraft = () => new DomainError("CONFLICT", undefined, { messageKey: "plans.errors.notDraft" });
const invalid = (field: string, key: string) => new DomainError("VALIDATION", { [field]: key });

async function getPlanForEdit(db: PrismaClient | Tx, planId: string): Promise<Plan> {
  const plan = await db.plan.findUnique({ where: { id: planId } });
  if (!plan) throw new DomainError("NOT_FOUND");
  return plan;
}

/** Runs one edit of a draft plan: checks, the change, the version bump and the audit row in one transaction. */
async function editDraft(db: PrismaClient, actor: Actor, planId: string, action: string, context: RequestContext, change: (tx: Tx, plan: Plan) => Promise<Edit>) {
  requirePermission(actor, "plan.create");
  return db.$transaction(async (tx) => {
    const plan = await getPlanForEdit(tx, planId);
    if (plan.status !== "DRAFT") throw notDraft();
    const edit = await change(tx, plan);
    const bumped = await tx.plan.updateMany({ where: { id: plan.id, version: plan.version, status: "DRAFT" }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw new DomainError("STALE_VERSION");
    await recordAudit(tx, { actor, action, ...edit, context });
    return edit;
  });
}

export function updatePlan(db: PrismaClient, actor: Actor, input: TUpdatePlanInput, context: RequestContext = {}) {
  return editDraft(db, actor, input.planId, "plan.update", context, async (tx, plan) => {
    const { planId, periodStart, periodEnd, ...fields } = input;
    const after = await tx.plan.update({ where: { id: planId }, data: { ...fields, periodStart: new Date(periodStart), periodEnd: new Date(periodEnd) } });
    return { entity: "Plan", entityId: planId, before: plan, after };
  });
}

export function addPhase(db: PrismaClient, actor: Actor, input: TAddPhaseInput, context: RequestContext = {}) {
  return editDraft(db, actor, input.planId, "plan.addPhase", context, async (tx) => {
    const phase = await tx.planPhase.create({
      data: { planId: input.planId, kind: input.kind, title: input.title, startsOn: input.startsOn ? new Date(input.startsOn) : null, endsOn: new Date(input.endsOn) },
    });
    return { entity: "PlanPhase", entityId: phase.id, after: phase };
  });
}

/** Regions are stored by their root: a merged region (省直 into 长春) is inspected as the one it joined. */
async function rootRegionId(tx: Tx, poolingRegionId: string, field = "poolingRegionId"): Promise<string> {
  const region = await tx.poolingRegion.findUnique({ where: { id: poolingRegionId } });
  if (!region || !region.active) throw invalid(field, "errors.notFound");
  return region.mergedIntoId ?? region.id;
}

/** Adds an inspected region with its rules, or changes the rules of one already in the plan. */
export function savePlanRegion(db: PrismaClient, actor: Actor, input: TPlanRegionInput, context: RequestContext = {}) {
  return editDraft(db, actor, input.planId, "plan.saveRegion", context, async (tx) => {
    const { planId, poolingRegionId, ...rules } = input;
    const regionId = await rootRegionId(tx, poolingRegionId);
    const where = { planId_poolingRegionId: { planId, poolingRegionId: regionId } };
    const before = await tx.planRegion.findUnique({ where });
    const after = await tx.planRegion.upsert({ where, create: { planId, poolingRegionId: regionId, ...rules }, update: { ...rules, version: { increment: 1 } } });
    return { entity: "PlanRegion", entityId: after.id, before, after };
  });
}

export function addParticipatingRegion(db: PrismaClient, actor: Actor, input: TParticipatingRegionInput, context: RequestContext = {}) {
  return editDraft(db, actor, input.planId, "plan.addParticipatingRegion", context, async (tx) => {
    const regionId = await rootRegionId(tx, input.poolingRegionId);
    const row = await tx.planParticipatingRegion.upsert({
      where: { planId_poolingRegionId: { planId: input.planId, poolingRegionId: regionId } },
      create: { planId: input.planId, poolingRegionId: regionId },
      update: {},
    });
    return { entity: "PlanParticipatingRegion", entityId: regionId, after: row };
  });
}

export function addPlanKeyArea(db: PrismaClient, actor: Actor, input: TPlanKeyAreaInput, context: RequestContext = {}) {
  return editDraft(db, actor, input.planId, "plan.addKeyArea", context, async (tx) => {
    const area = await tx.keyArea.findUnique({ where: { id: input.keyAreaId } });
    if (!area || !area.active) throw invalid("keyAreaId", "errors.notFound");
    const row = await tx.planKeyArea.upsert({
      where: { planId_keyAreaId: { planId: input.planId, keyAreaId: area.id } },
      create: { planId: input.planId, keyAreaId: area.id },
      update: {},
    });
    return { entity: "PlanKeyArea", entityId: area.id, after: row };
  });
}

export function addExclusionWindow(db: PrismaClient, actor: Actor, input: TExclusionWindowInput, context: RequestContext = {}) {
  return editDraft(db, actor, input.planId, "plan.addExclusionWindow", context, async (tx) => {
    const data = { planId: input.planId, level: input.level, fromYear: input.fromYear, toYear: input.toYear };
    if (await tx.planExclusionWindow.findFirst({ where: data })) throw invalid("toYear", "plans.errors.duplicate");
    const row = await tx.planExclusionWindow.create({ data });
    return { entity: "PlanExclusionWindow", entityId: row.id, after: row };
  });
}

export function addCeremonyParty(db: PrismaClient, actor: Actor, input: TCeremonyPartyInput, context: RequestContext = {}) {
  return editDraft(db, actor, input.planId, "plan.addCeremonyParty", context, async (tx) => {
    if (await tx.ceremonyParty.findFirst({ where: { planId: input.planId, code: input.code } })) throw invalid("code", "plans.errors.duplicate");
    const last = await tx.ceremonyParty.findFirst({ where: { planId: input.planId }, orderBy: { position: "desc" } });
    const row = await tx.ceremonyParty.create({ data: { planId: input.planId, code: input.code, name: input.name, position: (last?.position ?? 0) + 1 } });
    return { entity: "CeremonyParty", entityId: row.id, after: row };
  });
}

/** 指定检查 (Jilin plan §一(二)5): an institution of the region, with its kind, trigger and reason. */
export function designateTarget(db: PrismaClient, actor: Actor, input: TDesignateTargetInput, context: RequestContext = {}) {
  return editDraft(db, actor, input.planId, "plan.designateTarget", context, async (tx) => {
    const planRegion = await tx.planRegion.findFirst({ where: { id: input.planRegionId, planId: input.planId } });
    if (!planRegion) throw invalid("planRegionId", "errors.notFound");
    const institution = await tx.institution.findUnique({ where: { id: input.institutionId }, include: { poolingRegion: true } });
    if (!institution || !institution.active) throw invalid("institutionId", "errors.notFound");
    if ((institution.poolingRegion.mergedIntoId ?? institution.poolingRegionId) !== planRegion.poolingRegionId) throw invalid("institutionId", "plans.errors.institutionNotInRegion");
    if (institution.kind === "AGENCY" || (institution.kind === "PHARMACY") !== (input.kind === "PHARMACY")) throw invalid("kind", "plans.errors.designationKind");
    if (await tx.designatedTarget.findFirst({ where: { planRegionId: planRegion.id, institutionId: institution.id } })) throw invalid("institutionId", "plans.errors.duplicate");
    const row = await tx.designatedTarget.create({
      data: { planRegionId: planRegion.id, institutionId: institution.id, kind: input.kind, trigger: input.trigger, reason: input.reason, designatedById: actor.userId },
    });
    return { entity: "DesignatedTarget", entityId: row.id, after: row };
  });
}

/** The named fields of a row, for copying it into a new revision. */
function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}

/** What a draft plan's rows can be removed, each by the id the editor shows, always within the plan. */
const REMOVABLE = {
  phase: (tx: Tx, planId: string, id: string) => tx.planPhase.deleteMany({ where: { id, planId } }),
  region: (tx: Tx, planId: string, id: string) => tx.planRegion.deleteMany({ where: { id, planId } }),
  participating: (tx: Tx, planId: string, id: string) => tx.planParticipatingRegion.deleteMany({ where: { planId, poolingRegionId: id } }),
  window: (tx: Tx, planId: string, id: string) => tx.planExclusionWindow.deleteMany({ where: { id, planId } }),
  party: (tx: Tx, planId: string, id: string) => tx.ceremonyParty.deleteMany({ where: { id, planId } }),
  designation: (tx: Tx, planId: string, id: string) => tx.designatedTarget.deleteMany({ where: { id, planRegion: { planId } } }),
  keyArea: (tx: Tx, planId: string, id: string) => tx.planKeyArea.deleteMany({ where: { planId, keyAreaId: id } }),
} as const;
export type RemovablePlanItem = keyof typeof REMOVABLE;

export function removePlanItem(db: PrismaClient, actor: Actor, input: TRemovePlanItemInput, context: RequestContext = {}) {
  const kind: RemovablePlanItem = input.kind;
  return editDraft(db, actor, input.planId, `plan.remove.${kind}`, context, async (tx) => {
    if (kind === "region") await tx.designatedTarget.deleteMany({ where: { planRegionId: input.itemId, planRegion: { planId: input.planId } } });
    const removed = await REMOVABLE[kind](tx, input.planId, input.itemId);
    if (removed.count !== 1) throw new DomainError("NOT_FOUND");
    return { entity: "Plan", entityId: input.planId, before: { [kind]: input.itemId } };
  });
}

/** What a plan needs before it can be published (lib/domain/plan/publication.ts). */
async function publicationProblemsOf(tx: Tx, plan: Plan): Promise<string[]> {
  const [parties, regions, participating, teams] = await Promise.all([
    tx.ceremonyParty.count({ where: { planId: plan.id } }),
    tx.planRegion.count({ where: { planId: plan.id } }),
    tx.planParticipatingRegion.count({ where: { planId: plan.id } }),
    tx.team.count({ where: { planId: plan.id } }),
  ]);
  return publicationProblems({ level: plan.level, parties, regions, participating, referenceYears: plan.referenceYears.length, teams });
}

export async function publishPlan(db: PrismaClient, actor: Actor, input: TPlanRefInput, context: RequestContext = {}) {
  requirePermission(actor, "plan.create");
  return db.$transaction(async (tx) => {
    const plan = await getPlanForEdit(tx, input.planId);
    if (plan.status !== "DRAFT") throw notDraft();
    const problems = await publicationProblemsOf(tx, plan);
    if (problems.length > 0) throw new DomainError("VALIDATION", undefined, { messageKey: problems[0] });
    const publishedAt = new Date();
    const done = await tx.plan.updateMany({ where: { id: plan.id, version: plan.version, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt, version: { increment: 1 } } });
    if (done.count !== 1) throw new DomainError("STALE_VERSION");
    if (plan.supersedesId) {
      await tx.plan.update({ where: { id: plan.supersedesId }, data: { status: "ARCHIVED", version: { increment: 1 } } });
      await recordAudit(tx, { actor, action: "plan.archive", entity: "Plan", entityId: plan.supersedesId, after: { supersededBy: plan.id }, context });
    }
    await recordAudit(tx, { actor, action: "plan.publish", entity: "Plan", entityId: plan.id, before: { status: plan.status }, after: { status: "PUBLISHED", publishedAt, revision: plan.revision }, context });
  });
}

/**
 * A draft nobody has acted on yet can be thrown away (a plan created by mistake, a revision not wanted). Anything
 * that hangs on the plan outside its own rules (a draw, a case, a team, a conflict declared for it, an inspection
 * history row or a publication) is a record of work done under it, so the plan stays; the message names why.
 */
export async function deletePlan(db: PrismaClient, actor: Actor, input: TPlanRefInput, context: RequestContext = {}) {
  requirePermission(actor, "plan.create");
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({
      where: { id: input.planId },
      include: { _count: { select: { draws: true, cases: true, teams: true, conflictDeclarations: true, inspectionHistory: true, publications: true } } },
    });
    if (!plan) throw new DomainError("NOT_FOUND");
    if (plan.status !== "DRAFT") throw new DomainError("CONFLICT", undefined, { messageKey: "plans.errors.deleteNotDraft" });
    const { _count: used, ...before } = plan;
    if (used.draws > 0 || used.cases > 0) throw new DomainError("CONFLICT", undefined, { messageKey: "plans.errors.deleteHasDraws" });
    if (used.teams > 0) throw new DomainError("CONFLICT", undefined, { messageKey: "plans.errors.deleteHasTeams" });
    if (used.conflictDeclarations + used.inspectionHistory + used.publications > 0) throw new DomainError("CONFLICT", undefined, { messageKey: "plans.errors.deleteInUse" });
    // The plan's own rules (phases, regions and designations, parties …) go with it (onDelete: Cascade).
    const deleted = await tx.plan.deleteMany({ where: { id: plan.id, version: plan.version, status: "DRAFT" } });
    if (deleted.count !== 1) throw new DomainError("STALE_VERSION");
    await recordAudit(tx, { actor, action: "plan.delete", entity: "Plan", entityId: plan.id, before, context });
  });
}

/**
 * A change to a published plan: a new draft revision, a copy of every rule. Only before any draw, since a
 * draw's manifest is fixed from the plan it names.
 */
export async function revisePlan(db: PrismaClient, actor: Actor, input: TPlanRefInput, context: RequestContext = {}) {
  requirePermission(actor, "plan.create");
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({
      where: { id: input.planId },
      include: { phases: true, keyAreas: true, exclusionWindows: true, inspectedRegions: { include: { designatedTargets: true } }, participatingRegions: true, ceremonyParties: true, supersededBy: true, _count: { select: { draws: true } } },
    });
    if (!plan) throw new DomainError("NOT_FOUND");
    if (plan.status !== "PUBLISHED" || plan.supersededBy) throw new DomainError("CONFLICT", undefined, { messageKey: "plans.errors.notPublished" });
    if (plan._count.draws > 0) throw new DomainError("CONFLICT", undefined, { messageKey: "plans.errors.hasDraws" });
    const { id, phases, keyAreas, exclusionWindows, inspectedRegions, participatingRegions, ceremonyParties } = plan;
    const copy = await tx.plan.create({
      data: {
        ...pick(plan, ["year", "level", "trigger", "title", "documentNumber", "scope", "organizationId", "periodStart", "periodEnd", "referenceYears", "lookBackUpToYear", "appealWindowWorkingDays", "expertsPerTeam", "thirdPartyPerTeam"]),
        status: "DRAFT",
        revision: plan.revision + 1,
        supersedesId: id,
        createdById: actor.userId,
        phases: { create: phases.map((p) => pick(p, ["kind", "title", "startsOn", "endsOn"])) },
        keyAreas: { create: keyAreas.map((k) => pick(k, ["keyAreaId"])) },
        exclusionWindows: { create: exclusionWindows.map((w) => pick(w, ["level", "fromYear", "toYear"])) },
        participatingRegions: { create: participatingRegions.map((r) => pick(r, ["poolingRegionId"])) },
        ceremonyParties: { create: ceremonyParties.map((p) => pick(p, ["code", "name", "position"])) },
      },
    });
    for (const region of inspectedRegions) {
      await tx.planRegion.create({
        data: {
          ...pick(region, ["poolingRegionId", "hospitalPoolRule", "hospitalPoolValue", "hospitalsToDraw", "pharmaciesTopN", "pharmaciesToDraw", "includeAgency", "lookBackCount"]),
          planId: copy.id,
          designatedTargets: { create: region.designatedTargets.map((d) => pick(d, ["institutionId", "kind", "trigger", "reason", "designatedById"])) },
        },
      });
    }
    await recordAudit(tx, { actor, action: "plan.revise", entity: "Plan", entityId: copy.id, before: { supersedes: id, revision: plan.revision }, after: copy, context });
    return copy;
  });
}
