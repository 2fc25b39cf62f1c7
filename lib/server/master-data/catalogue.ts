import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TCatalogueInput, TCatalogueListQuery } from "@/lib/validation/master-data";
import { audited, contains, readPage, requireManage, requireRead, statusWhere, uniqueAs, updateVersioned, type Page } from "./common";

import { CATALOGUES, type TCatalogue } from "@/lib/validation/master-data";

/** The two editable catalogues (violation types, key areas) share their shape: code, name, description, legal basis. */
export { CATALOGUES };
export type Catalogue = TCatalogue;
const ENTITY = { "violation-types": "ViolationType", "key-areas": "KeyArea" } as const;

export interface CatalogueRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  legalBasis: string | null;
  active: boolean;
  version: number;
}

// Both delegates have the same shape; one of them stands for either in the type system.
const delegate = (db: PrismaClient, catalogue: Catalogue) => (catalogue === "violation-types" ? db.violationType : (db.keyArea as unknown as PrismaClient["violationType"]));
const SELECT = { id: true, code: true, name: true, description: true, legalBasis: true, active: true, version: true } as const;

export function catalogueWhere(query: Omit<TCatalogueListQuery, "page" | "size" | "sort" | "dir">) {
  return { AND: [statusWhere(query.status), query.q ? { OR: [{ code: contains(query.q) }, { name: contains(query.q) }] } : {}] };
}

export async function listCatalogue(db: PrismaClient, actor: Actor, catalogue: Catalogue, query: TCatalogueListQuery): Promise<Page<CatalogueRow>> {
  requireRead(actor);
  const where = catalogueWhere(query);
  const table = delegate(db, catalogue);
  return readPage(query, (window) => table.findMany({ where, select: SELECT, orderBy: [{ [query.sort]: query.dir }, { code: "asc" }], ...window }), () => table.count({ where }));
}

const data = (input: TCatalogueInput) => ({ code: input.code, name: input.name, description: input.description ?? null, legalBasis: input.legalBasis ?? null });

export async function createCatalogueEntry(db: PrismaClient, actor: Actor, catalogue: Catalogue, input: TCatalogueInput, context: RequestContext = {}) {
  requireManage(actor);
  return uniqueAs("code", "masterData.validation.codeTaken", () =>
    audited(db, actor, context, `masterData.${ENTITY[catalogue]}.create`, ENTITY[catalogue], async (tx) => {
      const created = await delegate(tx as PrismaClient, catalogue).create({ data: data(input) });
      return { id: created.id, after: created, result: { id: created.id } };
    }),
  );
}

export async function updateCatalogueEntry(db: PrismaClient, actor: Actor, catalogue: Catalogue, input: { id: string; version: number; values: TCatalogueInput }, context: RequestContext = {}) {
  requireManage(actor);
  const before = await delegate(db, catalogue).findUnique({ where: { id: input.id } });
  if (!before) throw new DomainError("NOT_FOUND");
  return uniqueAs("code", "masterData.validation.codeTaken", () =>
    updateVersioned(db, actor, context, { model: catalogue === "violation-types" ? "violationType" : "keyArea", action: `masterData.${ENTITY[catalogue]}.update`, entity: ENTITY[catalogue], id: input.id, version: input.version, before, data: data(input.values) }),
  );
}

export async function getCatalogueEntry(db: PrismaClient, actor: Actor, catalogue: Catalogue, id: string): Promise<CatalogueRow> {
  requireRead(actor);
  const row = await delegate(db, catalogue).findUnique({ where: { id }, select: SELECT });
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}
