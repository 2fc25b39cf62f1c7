import "server-only";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TDeleteInput, TFundUsageInput, TFundUsageListQuery } from "@/lib/validation/master-data";
import { audited, contains, requireManage, requireRead, uniqueAs, readPage, type Page, updateVersioned, deleteVersioned } from "./common";

const FUND_USAGE_ROW = {
  id: true,
  year: true,
  amount: true,
  version: true,
  institution: { select: { id: true, nationalCode: true, name: true, kind: true, poolingRegion: { select: { name: true } } } },
} satisfies Prisma.FundUsageSelect;
type Raw = Prisma.FundUsageGetPayload<{ select: typeof FUND_USAGE_ROW }>;
/** Amounts leave the server as two-decimal strings, never numbers. */
export type FundUsageRow = Omit<Raw, "amount"> & { amount: string };

export function fundUsageWhere(query: Omit<TFundUsageListQuery, "page" | "size" | "sort" | "dir">): Prisma.FundUsageWhereInput {
  const q = query.q;
  return {
    AND: [
      query.year ? { year: query.year } : {},
      query.region || query.kind || query.status !== "all" ? { institution: { ...(query.region ? { poolingRegionId: query.region } : {}), ...(query.kind ? { kind: query.kind } : {}), ...(query.status === "all" ? {} : { active: query.status === "active" }) } } : {},
      q ? { institution: { OR: [{ nationalCode: contains(q) }, { name: contains(q) }] } } : {},
    ],
  };
}

export function fundUsageOrder(query: Pick<TFundUsageListQuery, "sort" | "dir">): Prisma.FundUsageOrderByWithRelationInput[] {
  const dir = query.dir;
  const primary: Record<TFundUsageListQuery["sort"], Prisma.FundUsageOrderByWithRelationInput> = {
    nationalCode: { institution: { nationalCode: dir } },
    name: { institution: { name: dir } },
    year: { year: dir },
    amount: { amount: dir },
  };
  return [primary[query.sort], { id: "asc" }];
}

/** The row for the audit log, its amount as the exact decimal string. */
const plain = <T extends { amount: { toFixed(digits: number): string } }>(row: T) => ({ ...row, amount: row.amount.toFixed(2) });

export const toFundUsageRow = (row: Raw): FundUsageRow => ({ ...row, amount: row.amount.toFixed(2) });

export async function listFundUsage(db: PrismaClient, actor: Actor, query: TFundUsageListQuery): Promise<Page<FundUsageRow>> {
  requireRead(actor);
  const where = fundUsageWhere(query);
  return readPage(query, async (window) => (await db.fundUsage.findMany({ where, select: FUND_USAGE_ROW, orderBy: fundUsageOrder(query), ...window })).map(toFundUsageRow), () => db.fundUsage.count({ where }));
}

/** The institution a row names by its national code, or a field error on `institutionCode`. */
export async function institutionByCode(db: PrismaClient, nationalCode: string, field = "institutionCode") {
  const institution = await db.institution.findUnique({ where: { nationalCode }, select: { id: true, kind: true } });
  if (!institution) throw new DomainError("NOT_FOUND", { [field]: "masterData.validation.institutionUnknown" });
  return institution;
}

export async function createFundUsage(db: PrismaClient, actor: Actor, input: TFundUsageInput, context: RequestContext = {}) {
  requireManage(actor);
  const institution = await institutionByCode(db, input.institutionCode);
  return uniqueAs("year", "masterData.validation.fundUsageExists", () =>
    audited(db, actor, context, "masterData.fundUsage.create", "FundUsage", async (tx) => {
      const created = await tx.fundUsage.create({ data: { institutionId: institution.id, year: input.year, amount: input.amount } });
      return { id: created.id, after: plain(created), result: { id: created.id } };
    }),
  );
}

export async function updateFundUsage(db: PrismaClient, actor: Actor, input: { id: string; version: number; values: TFundUsageInput }, context: RequestContext = {}) {
  requireManage(actor);
  const before = await db.fundUsage.findUnique({ where: { id: input.id } });
  if (!before) throw new DomainError("NOT_FOUND");
  const institution = await institutionByCode(db, input.values.institutionCode);
  const data = { institutionId: institution.id, year: input.values.year, amount: input.values.amount };
  return uniqueAs("year", "masterData.validation.fundUsageExists", () =>
    updateVersioned(db, actor, context, { model: "fundUsage", action: "masterData.fundUsage.update", entity: "FundUsage", id: input.id, version: input.version, before: plain(before), data }),
  );
}

/** A wrong figure is removed, not deactivated: the draw must never rank by it. The audit row keeps what it was. */
export async function deleteFundUsage(db: PrismaClient, actor: Actor, input: TDeleteInput, context: RequestContext = {}) {
  requireManage(actor);
  const before = await db.fundUsage.findUnique({ where: { id: input.id } });
  if (!before) throw new DomainError("NOT_FOUND");
  return deleteVersioned(db, actor, context, { model: "fundUsage", action: "masterData.fundUsage.delete", entity: "FundUsage", id: input.id, version: input.version, before: plain(before) });
}

export async function getFundUsage(db: PrismaClient, actor: Actor, id: string): Promise<FundUsageRow> {
  requireRead(actor);
  const row = await db.fundUsage.findUnique({ where: { id }, select: FUND_USAGE_ROW });
  if (!row) throw new DomainError("NOT_FOUND");
  return toFundUsageRow(row);
}
