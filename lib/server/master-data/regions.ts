import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TRegionInput } from "@/lib/validation/master-data";
import { audited, requireManage, requireRead, uniqueAs, updateVersioned } from "./common";

/** All pooling regions (a dozen per province: no paging), with their merges and how many institutions each has. */
export async function listRegions(db: PrismaClient, actor: Actor) {
  requireRead(actor);
  return db.poolingRegion.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, active: true, version: true, mergedInto: { select: { id: true, name: true } }, _count: { select: { institutions: true } } },
  });
}

/** Active regions as choices for forms and filters. */
export async function regionOptions(db: PrismaClient, actor: Actor) {
  requireRead(actor);
  return db.poolingRegion.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}

async function checkMerge(db: PrismaClient, id: string | null, mergedIntoId: string | undefined) {
  if (!mergedIntoId) return;
  // A merge is one level deep (省直 into 长春): the target is itself a region that is not merged anywhere.
  const target = await db.poolingRegion.findUnique({ where: { id: mergedIntoId }, select: { id: true, mergedIntoId: true } });
  if (!target || target.id === id || target.mergedIntoId) throw new DomainError("VALIDATION", { mergedIntoId: "masterData.validation.mergeTarget" });
}

export async function createRegion(db: PrismaClient, actor: Actor, input: TRegionInput, context: RequestContext = {}) {
  requireManage(actor);
  await checkMerge(db, null, input.mergedIntoId);
  return uniqueAs("code", "masterData.validation.codeTaken", () =>
    audited(db, actor, context, "masterData.region.create", "PoolingRegion", async (tx) => {
      const created = await tx.poolingRegion.create({ data: { code: input.code, name: input.name, mergedIntoId: input.mergedIntoId ?? null } });
      return { id: created.id, after: created, result: { id: created.id } };
    }),
  );
}

export async function updateRegion(db: PrismaClient, actor: Actor, input: { id: string; version: number; values: TRegionInput }, context: RequestContext = {}) {
  requireManage(actor);
  const before = await db.poolingRegion.findUnique({ where: { id: input.id } });
  if (!before) throw new DomainError("NOT_FOUND");
  await checkMerge(db, input.id, input.values.mergedIntoId);
  if (input.values.mergedIntoId && (await db.poolingRegion.count({ where: { mergedIntoId: input.id } })) > 0) {
    throw new DomainError("VALIDATION", { mergedIntoId: "masterData.validation.mergeTarget" });
  }
  const data = { code: input.values.code, name: input.values.name, mergedIntoId: input.values.mergedIntoId ?? null };
  return uniqueAs("code", "masterData.validation.codeTaken", () =>
    updateVersioned(db, actor, context, { model: "poolingRegion", action: "masterData.region.update", entity: "PoolingRegion", id: input.id, version: input.version, before, data }),
  );
}

export async function getRegion(db: PrismaClient, actor: Actor, id: string) {
  requireRead(actor);
  const row = await db.poolingRegion.findUnique({ where: { id }, select: { id: true, code: true, name: true, mergedIntoId: true, version: true } });
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}
