import "server-only";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TInstitutionInput, TInstitutionListQuery } from "@/lib/validation/master-data";
import { audited, contains, requireManage, requireRead, statusWhere, uniqueAs, readPage, type Page, updateVersioned } from "./common";

const INSTITUTION_ROW = {
  id: true,
  kind: true,
  hospitalTier: true,
  nationalCode: true,
  unifiedSocialCreditCode: true,
  name: true,
  address: true,
  active: true,
  version: true,
  poolingRegion: { select: { id: true, code: true, name: true } },
} satisfies Prisma.InstitutionSelect;
export type InstitutionRow = Prisma.InstitutionGetPayload<{ select: typeof INSTITUTION_ROW }>;

export function institutionWhere(query: Omit<TInstitutionListQuery, "page" | "size" | "sort" | "dir">): Prisma.InstitutionWhereInput {
  const q = query.q;
  return {
    AND: [
      statusWhere(query.status),
      query.kind ? { kind: query.kind } : {},
      query.tier ? { hospitalTier: query.tier } : {},
      query.region ? { poolingRegionId: query.region } : {},
      q ? { OR: [{ nationalCode: contains(q) }, { name: contains(q) }, { unifiedSocialCreditCode: q.toUpperCase() }] } : {},
    ],
  };
}

export function institutionOrder(query: Pick<TInstitutionListQuery, "sort" | "dir">): Prisma.InstitutionOrderByWithRelationInput[] {
  const dir = query.dir;
  const primary: Record<TInstitutionListQuery["sort"], Prisma.InstitutionOrderByWithRelationInput> = {
    nationalCode: { nationalCode: dir },
    name: { name: dir },
    kind: { kind: dir },
    region: { poolingRegion: { code: dir } },
  };
  return [primary[query.sort], { nationalCode: "asc" }];
}

export async function listInstitutions(db: PrismaClient, actor: Actor, query: TInstitutionListQuery): Promise<Page<InstitutionRow>> {
  requireRead(actor);
  const where = institutionWhere(query);
  return readPage(query, (window) => db.institution.findMany({ where, select: INSTITUTION_ROW, orderBy: institutionOrder(query), ...window }), () => db.institution.count({ where }));
}

export async function getInstitution(db: PrismaClient, actor: Actor, id: string): Promise<InstitutionRow> {
  requireRead(actor);
  const row = await db.institution.findUnique({ where: { id }, select: INSTITUTION_ROW });
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

async function requireRegion(db: PrismaClient, id: string) {
  const region = await db.poolingRegion.findFirst({ where: { id, active: true }, select: { id: true } });
  if (!region) throw new DomainError("NOT_FOUND", { poolingRegionId: "masterData.validation.regionUnknown" });
}

/** The columns an institution form or import row writes; a tier only for a hospital. */
export const institutionData = (input: Omit<TInstitutionInput, "poolingRegionId">, poolingRegionId: string) => ({
  kind: input.kind,
  hospitalTier: input.kind === "HOSPITAL" ? (input.hospitalTier ?? null) : null,
  nationalCode: input.nationalCode,
  unifiedSocialCreditCode: input.unifiedSocialCreditCode ?? null,
  name: input.name,
  address: input.address ?? null,
  poolingRegionId,
});

export async function createInstitution(db: PrismaClient, actor: Actor, input: TInstitutionInput, context: RequestContext = {}) {
  requireManage(actor);
  await requireRegion(db, input.poolingRegionId);
  return uniqueAs("nationalCode", "masterData.validation.codeTaken", () =>
    audited(db, actor, context, "masterData.institution.create", "Institution", async (tx) => {
      const created = await tx.institution.create({ data: institutionData(input, input.poolingRegionId) });
      return { id: created.id, after: created, result: { id: created.id } };
    }),
  );
}

export async function updateInstitution(db: PrismaClient, actor: Actor, input: { id: string; version: number; values: TInstitutionInput }, context: RequestContext = {}) {
  requireManage(actor);
  const before = await db.institution.findUnique({ where: { id: input.id } });
  if (!before) throw new DomainError("NOT_FOUND");
  await requireRegion(db, input.values.poolingRegionId);
  const data = institutionData(input.values, input.values.poolingRegionId);
  return uniqueAs("nationalCode", "masterData.validation.codeTaken", () =>
    updateVersioned(db, actor, context, { model: "institution", action: "masterData.institution.update", entity: "Institution", id: input.id, version: input.version, before, data }),
  );
}
