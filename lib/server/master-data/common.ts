import "server-only";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";

/**
 * Master data is the bureau's: `masterData.read` and `masterData.manage` are held by bureau roles only, who
 * see the whole province, so reads need no scope beyond the permission (lib/server/policy/scope.ts has none
 * for these models on purpose).
 */
export function requireRead(actor: Actor | null | undefined): asserts actor is Actor {
  requirePermission(actor, "masterData.read");
}
export function requireManage(actor: Actor | null | undefined): asserts actor is Actor {
  requirePermission(actor, "masterData.manage");
}

export const pageWindow = (query: { page: number; size: number }) => ({ skip: (query.page - 1) * query.size, take: query.size });
export const statusWhere = (status: "active" | "inactive" | "all") => (status === "all" ? {} : { active: status === "active" });
export const contains = (q: string) => ({ contains: q, mode: "insensitive" as const });

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  size: number;
}

/** One page of a list and the count of the whole match, read together. */
export async function readPage<T>(query: { page: number; size: number }, find: (window: { skip: number; take: number }) => Promise<T[]>, count: () => Promise<number>): Promise<Page<T>> {
  const [rows, total] = await Promise.all([find(pageWindow(query)), count()]);
  return { rows, total, page: query.page, size: query.size };
}

/** Runs a write and its audit row in one transaction. */
export function audited<T>(db: PrismaClient, actor: Actor, context: RequestContext, action: string, entity: string, write: (tx: Tx) => Promise<{ id: string; before?: unknown; after: unknown; result: T }>): Promise<T> {
  return db.$transaction(async (tx) => {
    const { id, before, after, result } = await write(tx);
    await recordAudit(tx, { actor, action, entity, entityId: id, before, after, context });
    return result;
  });
}

/** Compare-and-set: exactly one row must have matched the id and the version the user saw. */
export function requireOneRow(count: number): void {
  if (count !== 1) throw new DomainError("STALE_VERSION");
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Maps a unique-key violation to a field message; anything else goes on. */
export async function uniqueAs<T>(field: string, messageKey: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", { [field]: messageKey });
    throw error;
  }
}

type ActiveModel = "institution" | "expert" | "poolingRegion" | "violationType" | "keyArea";
type VersionedModel = ActiveModel | "fundUsage" | "inspectionHistory";
type Versioned = {
  updateMany(args: { where: { id: string; version: number }; data: object }): Promise<{ count: number }>;
  deleteMany(args: { where: { id: string; version: number } }): Promise<{ count: number }>;
};
const versioned = (tx: Tx, model: VersionedModel) => tx[model] as unknown as Versioned;

/** Edits a record the user saw at `version` (compare-and-set), with the audit row of before and after. */
export function updateVersioned(db: PrismaClient, actor: Actor, context: RequestContext, change: { model: VersionedModel; action: string; entity: string; id: string; version: number; before: unknown; data: object }) {
  return audited(db, actor, context, change.action, change.entity, async (tx) => {
    const { count } = await versioned(tx, change.model).updateMany({ where: { id: change.id, version: change.version }, data: { ...change.data, version: { increment: 1 } } });
    requireOneRow(count);
    return { id: change.id, before: change.before, after: change.data, result: { id: change.id } };
  });
}

/** Removes a record the user saw at `version`; the audit row keeps what it was. */
export function deleteVersioned(db: PrismaClient, actor: Actor, context: RequestContext, change: { model: VersionedModel; action: string; entity: string; id: string; version: number; before: unknown }) {
  return audited(db, actor, context, change.action, change.entity, async (tx) => {
    const { count } = await versioned(tx, change.model).deleteMany({ where: { id: change.id, version: change.version } });
    requireOneRow(count);
    return { id: change.id, before: change.before, after: null, result: undefined };
  });
}
const ENTITY_OF: Record<ActiveModel, string> = { institution: "Institution", expert: "Expert", poolingRegion: "PoolingRegion", violationType: "ViolationType", keyArea: "KeyArea" };
type UpdateMany = { updateMany(args: { where: { id: string; version: number }; data: object }): Promise<{ count: number }> };

/** Deactivates or reactivates a record (compare-and-set on its version), with the audit row. */
export async function setActive(db: PrismaClient, actor: Actor, model: ActiveModel, input: { id: string; version: number; active: boolean }, context: RequestContext = {}): Promise<void> {
  requireManage(actor);
  const entity = ENTITY_OF[model];
  return audited(db, actor, context, `masterData.${entity}.${input.active ? "activate" : "deactivate"}`, entity, async (tx) => {
    const { count } = await (tx[model] as unknown as UpdateMany).updateMany({ where: { id: input.id, version: input.version }, data: { active: input.active, version: { increment: 1 } } });
    requireOneRow(count);
    return { id: input.id, before: { active: !input.active }, after: { active: input.active }, result: undefined };
  });
}
