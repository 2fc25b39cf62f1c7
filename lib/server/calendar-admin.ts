import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { invalidateCalendarCache } from "@/lib/server/calendar";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import type { TCalendarOverrideInput, TCalendarYearInput } from "@/lib/validation/calendar";

/**
 * The bureau keeps the working-day calendar current: each November the State Council announces the next
 * year's holidays and make-up working days (调休); the administrator enters them, then confirms the year
 * complete, and only then do deadlines reaching that year compute (lib/domain/calendar.ts refuses to guess).
 */
export async function listCalendar(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "calendar.manage");
  const [overrides, years] = await Promise.all([
    db.calendarOverride.findMany({ orderBy: { date: "desc" }, take: 200, include: { createdBy: { select: { displayName: true } } } }),
    db.calendarYear.findMany({ orderBy: { year: "desc" }, include: { confirmedBy: { select: { displayName: true } } } }),
  ]);
  return { overrides, years };
}

export async function setCalendarOverride(db: PrismaClient, actor: Actor, input: TCalendarOverrideInput, context: RequestContext = {}) {
  requirePermission(actor, "calendar.manage");
  const date = new Date(`${input.date}T00:00:00.000Z`);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.calendarOverride.findUnique({ where: { date } });
      const row = await tx.calendarOverride.upsert({
        where: { date },
        create: { date, working: input.working, note: input.note, createdById: actor.userId },
        update: { working: input.working, note: input.note, version: { increment: 1 } },
      });
      await recordAudit(tx, { actor, action: "calendar.override", entity: "CalendarOverride", entityId: input.date, before, after: row, context });
      return row;
    });
  } finally {
    invalidateCalendarCache();
  }
}

export async function confirmCalendarYear(db: PrismaClient, actor: Actor, input: TCalendarYearInput, context: RequestContext = {}) {
  requirePermission(actor, "calendar.manage");
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.calendarYear.upsert({
        where: { year: input.year },
        create: { year: input.year, complete: true, sourceNotice: input.sourceNotice, confirmedById: actor.userId, confirmedAt: new Date() },
        update: { complete: true, sourceNotice: input.sourceNotice, confirmedById: actor.userId, confirmedAt: new Date(), version: { increment: 1 } },
      });
      await recordAudit(tx, { actor, action: "calendar.confirmYear", entity: "CalendarYear", entityId: String(input.year), after: row, context });
      return row;
    });
  } finally {
    invalidateCalendarCache();
  }
}
