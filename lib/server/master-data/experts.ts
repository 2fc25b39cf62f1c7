import "server-only";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TExpertInput, TExpertListQuery } from "@/lib/validation/master-data";
import { audited, contains, requireManage, requireRead, statusWhere, uniqueAs, readPage, type Page, updateVersioned } from "./common";
import { institutionByCode } from "./fund-usage";

const EXPERT_ROW = {
  id: true,
  staffNumber: true,
  name: true,
  pool: true,
  specialty: true,
  employerName: true,
  lastServedYear: true,
  active: true,
  version: true,
  employerInstitution: { select: { id: true, nationalCode: true, name: true } },
  homeRegion: { select: { id: true, name: true } },
} satisfies Prisma.ExpertSelect;
export type ExpertRow = Prisma.ExpertGetPayload<{ select: typeof EXPERT_ROW }>;

export function expertWhere(query: Omit<TExpertListQuery, "page" | "size" | "sort" | "dir">): Prisma.ExpertWhereInput {
  const q = query.q;
  return {
    AND: [
      statusWhere(query.status),
      query.pool ? { pool: query.pool } : {},
      query.region ? { homeRegionId: query.region } : {},
      q ? { OR: [{ staffNumber: contains(q) }, { name: contains(q) }, { specialty: contains(q) }, { employerName: contains(q) }, { employerInstitution: { name: contains(q) } }] } : {},
    ],
  };
}

export function expertOrder(query: Pick<TExpertListQuery, "sort" | "dir">): Prisma.ExpertOrderByWithRelationInput[] {
  const dir = query.dir;
  const primary: Record<TExpertListQuery["sort"], Prisma.ExpertOrderByWithRelationInput> = {
    staffNumber: { staffNumber: dir },
    name: { name: dir },
    specialty: { specialty: dir },
    region: { homeRegion: { code: dir } },
  };
  return [primary[query.sort], { staffNumber: "asc" }];
}

export async function listExperts(db: PrismaClient, actor: Actor, query: TExpertListQuery): Promise<Page<ExpertRow>> {
  requireRead(actor);
  const where = expertWhere(query);
  return readPage(query, (window) => db.expert.findMany({ where, select: EXPERT_ROW, orderBy: expertOrder(query), ...window }), () => db.expert.count({ where }));
}

async function expertData(db: PrismaClient, input: TExpertInput) {
  const employer = input.employerCode ? await institutionByCode(db, input.employerCode, "employerCode") : null;
  if (input.homeRegionId && !(await db.poolingRegion.findFirst({ where: { id: input.homeRegionId, active: true } }))) {
    throw new DomainError("NOT_FOUND", { homeRegionId: "masterData.validation.regionUnknown" });
  }
  return {
    staffNumber: input.staffNumber,
    name: input.name,
    pool: input.pool,
    specialty: input.specialty ?? null,
    employerInstitutionId: employer?.id ?? null,
    employerName: input.employerName ?? null,
    homeRegionId: input.homeRegionId ?? null,
    lastServedYear: input.lastServedYear ?? null,
  };
}

export async function createExpert(db: PrismaClient, actor: Actor, input: TExpertInput, context: RequestContext = {}) {
  requireManage(actor);
  const data = await expertData(db, input);
  return uniqueAs("staffNumber", "errors.staffNumberTaken", () =>
    audited(db, actor, context, "masterData.expert.create", "Expert", async (tx) => {
      const created = await tx.expert.create({ data });
      return { id: created.id, after: created, result: { id: created.id } };
    }),
  );
}

export async function updateExpert(db: PrismaClient, actor: Actor, input: { id: string; version: number; values: TExpertInput }, context: RequestContext = {}) {
  requireManage(actor);
  const before = await db.expert.findUnique({ where: { id: input.id } });
  if (!before) throw new DomainError("NOT_FOUND");
  const data = await expertData(db, input.values);
  return uniqueAs("staffNumber", "errors.staffNumberTaken", () =>
    updateVersioned(db, actor, context, { model: "expert", action: "masterData.expert.update", entity: "Expert", id: input.id, version: input.version, before, data }),
  );
}

export async function getExpert(db: PrismaClient, actor: Actor, id: string): Promise<ExpertRow> {
  requireRead(actor);
  const row = await db.expert.findUnique({ where: { id }, select: EXPERT_ROW });
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}
