import "server-only";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { scope } from "@/lib/server/policy/scope";
import type { TCreateOrganizationInput, TDeactivateInput } from "@/lib/validation/admin";

const ORGANIZATION_PUBLIC = {
  id: true,
  name: true,
  kind: true,
  active: true,
  version: true,
  poolingRegion: { select: { id: true, name: true } },
  _count: { select: { users: { where: { active: true } } } },
} satisfies Prisma.OrganizationSelect;

export async function listOrganizations(db: PrismaClient, actor: Actor, filter: { query?: string; activeOnly?: boolean } = {}) {
  requirePermission(actor, "organization.read");
  return db.organization.findMany({
    where: { AND: [scope.organization(actor), filter.query ? { name: { contains: filter.query } } : {}, filter.activeOnly ? { active: true } : {}] },
    select: ORGANIZATION_PUBLIC,
    orderBy: [{ active: "desc" }, { kind: "asc" }, { name: "asc" }],
    take: 500,
  });
}

export async function listPoolingRegions(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "poolingRegion.read");
  return db.poolingRegion.findMany({ where: { AND: [scope.poolingRegion(actor), { active: true }] }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}

export async function createOrganization(db: PrismaClient, actor: Actor, input: TCreateOrganizationInput, context: RequestContext = {}) {
  requirePermission(actor, "organization.create");
  // A city bureau answers for one pooling region, and an institution sits in one; the province spans all.
  const needsRegion = input.kind !== "PROVINCIAL_BUREAU";
  if (needsRegion && !input.poolingRegionId) throw new DomainError("REGION_REQUIRED", { poolingRegionId: "errors.regionRequired" });
  const regionId = needsRegion ? input.poolingRegionId : undefined;
  if (regionId && !(await db.poolingRegion.findFirst({ where: { AND: [scope.poolingRegion(actor), { id: regionId, active: true }] } }))) {
    throw new DomainError("NOT_FOUND", { poolingRegionId: "errors.notFound" });
  }
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { name: input.name, kind: input.kind, poolingRegionId: regionId ?? null } });
    await recordAudit(tx, { actor, action: "organization.create", entity: "Organization", entityId: organization.id, after: organization, context });
    return organization;
  });
}

export async function deactivateOrganization(db: PrismaClient, actor: Actor, input: TDeactivateInput, context: RequestContext = {}) {
  requirePermission(actor, "organization.deactivate", { organizationId: input.id });
  const organization = await db.organization.findFirst({ where: { AND: [scope.organization(actor), { id: input.id }] } });
  if (!organization) throw new DomainError("NOT_FOUND");
  // Its users would keep working under a dead organization; deactivate them first, on purpose.
  if ((await db.user.count({ where: { organizationId: organization.id, active: true } })) > 0) throw new DomainError("ORGANIZATION_HAS_ACTIVE_USERS");
  return db.$transaction(async (tx) => {
    const { count } = await tx.organization.updateMany({
      where: { id: organization.id, version: input.version, active: true },
      data: { active: false, version: { increment: 1 } },
    });
    if (count !== 1) throw new DomainError("STALE_VERSION");
    await recordAudit(tx, { actor, action: "organization.deactivate", entity: "Organization", entityId: organization.id, before: { active: true }, after: { active: false }, context });
  });
}
