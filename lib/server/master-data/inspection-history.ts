import "server-only";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TDeleteInput, TInspectionInput, TInspectionListQuery } from "@/lib/validation/master-data";
import { audited, contains, requireManage, requireRead, uniqueAs, readPage, type Page, updateVersioned, deleteVersioned } from "./common";
import { institutionByCode } from "./fund-usage";

const INSPECTION_ROW = {
  id: true,
  level: true,
  year: true,
  note: true,
  version: true,
  plan: { select: { id: true, title: true } },
  institution: { select: { id: true, nationalCode: true, name: true, kind: true, poolingRegion: { select: { name: true } } } },
} satisfies Prisma.InspectionHistorySelect;
export type InspectionRow = Prisma.InspectionHistoryGetPayload<{ select: typeof INSPECTION_ROW }>;

export function inspectionWhere(query: Omit<TInspectionListQuery, "page" | "size" | "sort" | "dir">): Prisma.InspectionHistoryWhereInput {
  const q = query.q;
  return {
    AND: [
      query.year ? { year: query.year } : {},
      query.level ? { level: query.level } : {},
      query.region ? { institution: { poolingRegionId: query.region } } : {},
      q ? { institution: { OR: [{ nationalCode: contains(q) }, { name: contains(q) }] } } : {},
    ],
  };
}

export function inspectionOrder(query: Pick<TInspectionListQuery, "sort" | "dir">): Prisma.InspectionHistoryOrderByWithRelationInput[] {
  const dir = query.dir;
  const primary: Record<TInspectionListQuery["sort"], Prisma.InspectionHistoryOrderByWithRelationInput> = {
    nationalCode: { institution: { nationalCode: dir } },
    name: { institution: { name: dir } },
    year: { year: dir },
    level: { level: dir },
  };
  return [primary[query.sort], { id: "asc" }];
}

export async function listInspectionHistory(db: PrismaClient, actor: Actor, query: TInspectionListQuery): Promise<Page<InspectionRow>> {
  requireRead(actor);
  const where = inspectionWhere(query);
  return readPage(query, (window) => db.inspectionHistory.findMany({ where, select: INSPECTION_ROW, orderBy: inspectionOrder(query), ...window }), () => db.inspectionHistory.count({ where }));
}

export async function createInspection(db: PrismaClient, actor: Actor, input: TInspectionInput, context: RequestContext = {}) {
  requireManage(actor);
  const institution = await institutionByCode(db, input.institutionCode);
  return uniqueAs("year", "masterData.validation.inspectionExists", () =>
    audited(db, actor, context, "masterData.inspection.create", "InspectionHistory", async (tx) => {
      const created = await tx.inspectionHistory.create({ data: { institutionId: institution.id, level: input.level, year: input.year, note: input.note ?? null } });
      return { id: created.id, after: created, result: { id: created.id } };
    }),
  );
}

export async function updateInspection(db: PrismaClient, actor: Actor, input: { id: string; version: number; values: TInspectionInput }, context: RequestContext = {}) {
  requireManage(actor);
  const before = await db.inspectionHistory.findUnique({ where: { id: input.id } });
  if (!before) throw new DomainError("NOT_FOUND");
  const institution = await institutionByCode(db, input.values.institutionCode);
  const data = { institutionId: institution.id, level: input.values.level, year: input.values.year, note: input.values.note ?? null };
  return uniqueAs("year", "masterData.validation.inspectionExists", () =>
    updateVersioned(db, actor, context, { model: "inspectionHistory", action: "masterData.inspection.update", entity: "InspectionHistory", id: input.id, version: input.version, before, data }),
  );
}

export async function deleteInspection(db: PrismaClient, actor: Actor, input: TDeleteInput, context: RequestContext = {}) {
  requireManage(actor);
  const before = await db.inspectionHistory.findUnique({ where: { id: input.id } });
  if (!before) throw new DomainError("NOT_FOUND");
  return deleteVersioned(db, actor, context, { model: "inspectionHistory", action: "masterData.inspection.delete", entity: "InspectionHistory", id: input.id, version: input.version, before });
}

export async function getInspection(db: PrismaClient, actor: Actor, id: string): Promise<InspectionRow> {
  requireRead(actor);
  const row = await db.inspectionHistory.findUnique({ where: { id }, select: INSPECTION_ROW });
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}
