import "server-only";
import type { CalendarOverride } from "@/lib/domain/calendar";
import { PUBLISHED_YEARS } from "@/lib/domain/calendar-data";
import { checkYearArrangement, STATUTORY_HOLIDAYS } from "@/lib/domain/calendar-year";
import { recordAudit } from "@/lib/server/audit/record";
import { invalidateCalendarCache, lockCalendarForConfirmation, readWorkingDayCalendar } from "@/lib/server/calendar";
import { chinaDateOf, dbDate, fillPendingDeadlines, isoDateOf } from "@/lib/server/cases/deadlines";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { scope } from "@/lib/server/policy/scope";
import { ARRANGEMENT_PROBLEM_KEYS, holidayEntriesOf, type TCalendarOverrideInput, type TCalendarYearInput } from "@/lib/validation/calendar";

/**
 * The bureau keeps the working-day calendar current: each autumn the State Council announces the next year's
 * holidays and make-up working days (调休); the administrator enters the notice's seven holidays and confirms
 * the year. Until then a deadline reaching that year is stored pending it (lib/server/cases/deadlines.ts);
 * confirming fills those in. Single days are corrected one by one (setCalendarOverride).
 */

type HolidayRow = { year: number; firstDayOff: Date; lastDayOff: Date; makeUpWorkingDays: Date[] };

/** The dates a confirmed arrangement wrote as day entries, each with its arrangement's year. */
function arrangementDays(rows: readonly HolidayRow[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const row of rows) {
    for (let day = row.firstDayOff.getTime(); day <= row.lastDayOff.getTime(); day += 86_400_000) days.set(isoDateOf(new Date(day)), row.year);
    for (const date of row.makeUpWorkingDays) days.set(isoDateOf(date), row.year);
  }
  return days;
}

export async function listCalendar(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "calendar.manage");
  const [overrides, years, holidays] = await Promise.all([
    db.calendarOverride.findMany({ orderBy: { date: "desc" }, take: 200, include: { createdBy: { select: { displayName: true } } } }),
    db.calendarYear.findMany({ orderBy: { year: "desc" }, include: { confirmedBy: { select: { displayName: true } } } }),
    db.calendarHoliday.findMany({ orderBy: [{ year: "desc" }, { firstDayOff: "asc" }] }),
  ]);
  const fromArrangement = arrangementDays(holidays);
  // The days a confirmed arrangement wrote show with their year; the day list is for single-day corrections.
  const corrections = overrides.filter((row) => !fromArrangement.has(isoDateOf(row.date)));
  // The entries a year's check counts besides its own arrangement, for the form's working-day preview.
  const entries = (await db.calendarOverride.findMany({ where: { date: { gte: dbDate(`${PUBLISHED_YEARS[PUBLISHED_YEARS.length - 1] ?? 2026}-12-01`) } }, select: { date: true, working: true } }))
    .map((row) => ({ date: isoDateOf(row.date), working: row.working, arrangementYear: fromArrangement.get(isoDateOf(row.date)) ?? null }));
  return { overrides: corrections, years, holidays, entries };
}

/**
 * The administrator's calendar to-dos: each year whose arrangement cases wait for, with how many; the current
 * year if it is not known; and from October the next year if it is not (the notice usually comes out between
 * late October and December: 2024's on 2023-10-25, 2026's in November 2025).
 */
export async function listCalendarTasks(db: PrismaClient, actor: Actor, now: Date = new Date()): Promise<{ year: number; waitingCases: number }[]> {
  requirePermission(actor, "calendar.manage");
  const [waiting, confirmed] = await Promise.all([
    db.inspectionCase.findMany({
      where: { AND: [scope.inspectionCase(actor), { OR: [{ progressReportDueAwaitsYear: { not: null } }, { writtenReportDueAwaitsYear: { not: null } }] }] },
      select: { progressReportDueAwaitsYear: true, writtenReportDueAwaitsYear: true },
    }),
    db.calendarYear.findMany({ where: { complete: true }, select: { year: true } }),
  ]);
  const byYear = new Map<number, number>();
  for (const row of waiting) {
    for (const year of new Set([row.progressReportDueAwaitsYear, row.writtenReportDueAwaitsYear])) if (year !== null) byYear.set(year, (byYear.get(year) ?? 0) + 1);
  }
  const known = new Set([...PUBLISHED_YEARS, ...confirmed.map((row) => row.year)]);
  const today = chinaDateOf(now);
  const thisYear = Number(today.slice(0, 4));
  const due = [thisYear, ...(Number(today.slice(5, 7)) >= 10 ? [thisYear + 1] : [])].filter((year) => !known.has(year));
  for (const year of due) if (!byYear.has(year)) byYear.set(year, 0);
  return [...byYear].map(([year, waitingCases]) => ({ year, waitingCases })).sort((a, b) => a.year - b.year);
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

/** The year's arrangement checked against the entries stored besides it, or the refusal the form shows field by field. */
async function checkAgainstStored(tx: Tx, input: TCalendarYearInput, previous: readonly HolidayRow[]) {
  const own = arrangementDays(previous);
  const stored = await tx.calendarOverride.findMany({
    where: { date: { gte: dbDate(`${input.year - 1}-12-01`), lte: dbDate(`${input.year}-12-31`) } },
    select: { date: true, working: true },
  });
  const others: CalendarOverride[] = stored.filter((row) => !own.has(isoDateOf(row.date))).map((row) => ({ date: isoDateOf(row.date), working: row.working }));
  const check = checkYearArrangement(input.year, holidayEntriesOf(input.holidays), others, input.sourceNotice);
  if (check.problems.length > 0) {
    const fieldErrors: Record<string, string> = {};
    for (const p of check.problems) fieldErrors[["holidays", p.holiday, p.field, ...(p.index === undefined ? [] : [p.index])].join(".")] ??= ARRANGEMENT_PROBLEM_KEYS[p.problem];
    throw new DomainError("VALIDATION", fieldErrors);
  }
  // An unusual count is not refused outright: the administrator confirms it after checking the notice.
  if (!check.usual && input.confirmUnusualCount !== true) throw new DomainError("VALIDATION", { confirmUnusualCount: "validation.unusualWorkingDays" });
  return { check, own };
}

/**
 * Enters a year's arrangement and confirms the year, in one transaction: the seven holidays as the notice
 * gives them, their days as day entries (replacing those of an earlier entry of the same year), the year
 * marked complete, and every deadline that waited for it filled in (each audited on its case). Entering the
 * year again corrects it; deadlines already set stay as they were set.
 */
export async function confirmCalendarYear(db: PrismaClient, actor: Actor, input: TCalendarYearInput, context: RequestContext = {}) {
  requirePermission(actor, "calendar.manage");
  try {
    return await db.$transaction(async (tx) => {
      await lockCalendarForConfirmation(tx);
      const previous = await tx.calendarHoliday.findMany({ where: { year: input.year } });
      const { check, own } = await checkAgainstStored(tx, input, previous);
      const days = new Set(check.days.map((day) => day.date));
      const stale = [...own.keys()].filter((date) => !days.has(date));
      if (stale.length > 0) await tx.calendarOverride.deleteMany({ where: { date: { in: stale.map(dbDate) } } });
      for (const day of check.days) {
        await tx.calendarOverride.upsert({
          where: { date: dbDate(day.date) },
          create: { date: dbDate(day.date), working: day.working, note: input.sourceNotice, createdById: actor.userId },
          update: { working: day.working, note: input.sourceNotice, version: { increment: 1 } },
        });
      }
      const entries = holidayEntriesOf(input.holidays);
      for (const holiday of STATUTORY_HOLIDAYS) {
        const entry = entries[holiday];
        const data = { firstDayOff: dbDate(entry.firstDayOff!), lastDayOff: dbDate(entry.lastDayOff!), makeUpWorkingDays: (entry.makeUpWorkingDays ?? []).map(dbDate) };
        await tx.calendarHoliday.upsert({
          where: { year_holiday: { year: input.year, holiday } },
          create: { year: input.year, holiday, ...data },
          update: { ...data, version: { increment: 1 } },
        });
      }
      const before = await tx.calendarYear.findUnique({ where: { year: input.year } });
      const row = await tx.calendarYear.upsert({
        where: { year: input.year },
        create: { year: input.year, complete: true, sourceNotice: input.sourceNotice, confirmedById: actor.userId, confirmedAt: new Date() },
        update: { complete: true, sourceNotice: input.sourceNotice, confirmedById: actor.userId, confirmedAt: new Date(), version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actor,
        action: "calendar.confirmYear",
        entity: "CalendarYear",
        entityId: String(input.year),
        before: before ? { ...before, holidays: previous } : null,
        after: { ...row, holidays: entries, workingDays: check.workingDays, unusualCountConfirmed: !check.usual },
        context,
      });
      const filled = await fillPendingDeadlines(tx, actor, await readWorkingDayCalendar(tx), context);
      return { ...row, workingDays: check.workingDays, filled };
    });
  } finally {
    invalidateCalendarCache();
  }
}
