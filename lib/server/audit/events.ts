import "server-only";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { scope } from "@/lib/server/policy/scope";
import type { TAuditFilter } from "@/lib/validation/admin";
import { nameAuditRows } from "./names";

const PAGE_SIZE = 50;

/** Dates in the filter are days in China Standard Time, inclusive at both ends. */
function dayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

export async function listAuditEvents(db: PrismaClient, actor: Actor, filter: TAuditFilter) {
  requirePermission(actor, "audit.read");
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = dayStart(filter.from);
  if (filter.to) at.lt = new Date(dayStart(filter.to).getTime() + 86_400_000);
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      scope.auditEvent(actor),
      filter.action ? { action: { startsWith: filter.action } } : {},
      // A person is found by login or by name (issue 12 §10: the log shows names).
      filter.actor ? { OR: [{ actorLabel: { contains: filter.actor, mode: "insensitive" } }, { actor: { displayName: { contains: filter.actor, mode: "insensitive" } } }] } : {},
      filter.entity ? { OR: [{ entity: filter.entity }, { entityId: filter.entity }] } : {},
      filter.outcome ? { outcome: filter.outcome } : {},
      filter.from || filter.to ? { at } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { seq: "desc" }, skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.auditEvent.count({ where }),
  ]);
  const names = await nameAuditRows(db, rows);
  // Each row with the names of who acted and on what (issue 12 §10), beside the codes kept for searching.
  const named = rows.map((row) => ({ ...row, actorName: names.actor(row), entityName: names.entity(row) }));
  return { rows: named, total, page: filter.page, pageSize: PAGE_SIZE };
}
