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

/**
 * The calendar as the tables hold it now, bypassing the cache: inside a transaction, what it has written
 * (a year being confirmed) or what it must not miss (a year confirmed since the cache was filled).
 */
export function readWorkingDayCalendar(db: CalendarSource): Promise<WorkingDayCalendar> {
  return readCalendar(db);
}

/**
 * A deadline is stored as pending a year only while that year is unconfirmed: confirming a year (which fills
 * every pending deadline) holds this lock exclusively, a step that stores a pending deadline holds it shared
 * and reads the calendar again. So no pending deadline is written after the confirmation that would have
 * filled it. Steps take it without waiting (they already hold their case's row, which the confirmation may
 * need: waiting could deadlock); the rare clash is refused and the user tries again a moment later.
 */
const CALENDAR_LOCK_KEY = 724_102;

export async function lockCalendarForConfirmation(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK_KEY})`;
}

/** False while a year is being confirmed. */
export async function tryLockCalendarForPendingDeadline(tx: Tx): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock_shared(${CALENDAR_LOCK_KEY}) AS locked`;
  return row?.locked === true;
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
