import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { requireRead } from "./common";

/** How much of each list there is, for the master-data overview. */
export async function masterDataCounts(db: PrismaClient, actor: Actor) {
  requireRead(actor);
  const [regions, institutions, fundUsage, inspections, experts, violationTypes, keyAreas, imports] = await Promise.all([
    db.poolingRegion.count({ where: { active: true } }),
    db.institution.count({ where: { active: true } }),
    db.fundUsage.count(),
    db.inspectionHistory.count(),
    db.expert.count({ where: { active: true } }),
    db.violationType.count({ where: { active: true } }),
    db.keyArea.count({ where: { active: true } }),
    db.masterDataImport.count(),
  ]);
  return { regions, institutions, fundUsage, inspections, experts, violationTypes, keyAreas, imports };
}
