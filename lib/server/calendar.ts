import "server-only";
import { createCalendar, type CalendarOverride, type WorkingDayCalendar } from "@/lib/domain/calendar";
import type { Tx } from "@/lib/server/db/client";

/**
 * The working-day calendar with the bureau's entries: the State Council arrangements from the package,
 * merged with CalendarOverride rows, and the years marked complete in CalendarYear
 * (docs/decisions/004-working-day-calendar.md). A year neither published nor complete stays refused,
 * however many of its days have been entered.
 *
 * One calendar is cached per process: deadlines are computed on most case changes, and the entries change
 * a few times a year. Whoever writes CalendarOverride or CalendarYear calls `invalidateCalendarCache()`
 * once its transaction has settled (in a `finally`: a rolled-back write must not leave a calendar read
 * inside it behind). With several app processes, each must be told; Feijian runs one.
 */

/** The application client or a transaction client. */
export type CalendarSource = Pick<Tx, "calendarOverride" | "calendarYear">;

let cached: Promise<WorkingDayCalendar> | undefined;

export function loadWorkingDayCalendar(db: CalendarSource): Promise<WorkingDayCalendar> {
  if (!cached) {
    const loading = readCalendar(db);
    cached = loading;
    // A failed read is not kept: the next caller reads again. Its own caller still sees the rejection.
    loading.catch(() => {
      if (cached === loading) cached = undefined;
    });
  }
  return cached;
}

/** Drops the cached calendar; the next `loadWorkingDayCalendar` reads the tables again. */
export function invalidateCalendarCache(): void {
  cached = undefined;
}

/** A `@db.Date` value (midnight UTC) as `YYYY-MM-DD`. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function readCalendar(db: CalendarSource): Promise<WorkingDayCalendar> {
  // One query after the other: a transaction client runs on one connection.
  const overrides = await db.calendarOverride.findMany({ select: { date: true, working: true, note: true }, orderBy: { date: "asc" } });
  const years = await db.calendarYear.findMany({ where: { complete: true }, select: { year: true }, orderBy: { year: "asc" } });
  const entries = overrides.map(
    (row): CalendarOverride => (row.note === null ? { date: isoDate(row.date), working: row.working } : { date: isoDate(row.date), working: row.working, note: row.note }),
  );
  return createCalendar(entries, { completeYears: years.map((row) => row.year) });
}
