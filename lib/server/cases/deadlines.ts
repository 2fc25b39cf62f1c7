import "server-only";
import { CalendarError, type WorkingDayCalendar } from "@/lib/domain/calendar";
import { HANDLING_STATES, type CaseState } from "@/lib/domain/case/workflow";
import { loadWorkingDayCalendar, type CalendarSource } from "@/lib/server/calendar";
import { DomainError } from "@/lib/server/errors";

/** Jilin plan §四(三): rectification progress within 30 working days of receiving the handover. */
export const PROGRESS_REPORT_WORKING_DAYS = 30;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar day of an instant in China time (docs/data-model.md: a day computed from an instant is
 * taken in Asia/Shanghai). A fixed UTC+8: China has kept no daylight saving time since 1991.
 */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` day as the `@db.Date` value Prisma writes (midnight UTC). */
export function dbDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** A `@db.Date` value as `YYYY-MM-DD`. */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Runs a computation on the working-day calendar; a year the calendar does not know becomes
 * CALENDAR_YEAR_UNKNOWN, a refusal the user can be told about (never a weekdays-only guess).
 */
export async function withCalendar<T>(db: CalendarSource, compute: (calendar: WorkingDayCalendar) => T): Promise<T> {
  const calendar = await loadWorkingDayCalendar(db);
  try {
    return compute(calendar);
  } catch (error) {
    if (error instanceof CalendarError && error.code === "CALENDAR_YEAR_UNKNOWN") {
      throw new DomainError("CALENDAR_YEAR_UNKNOWN", undefined, { cause: error });
    }
    throw error;
  }
}

export interface ProgressDeadline {
  /** `YYYY-MM-DD` (China calendar day). */
  dueOn: string;
  /** Working days from today to the due date; null when the calendar does not know a year in between. */
  daysLeft: number | null;
  /** Past its due date (due on D means on time on D) and not submitted (Jilin plan §四(三)). */
  overdue: boolean;
}

/**
 * The progress report's deadline while it is awaited (handling states, no report submitted or only returned
 * ones), for lists and the case page alike; null when nothing is awaited.
 */
export function progressDeadline(
  calendar: WorkingDayCalendar,
  today: string,
  found: { state: CaseState; progressReportDueOn: Date | null; progressReportSubmitted: boolean },
): ProgressDeadline | null {
  if (!found.progressReportDueOn || found.progressReportSubmitted || !HANDLING_STATES.includes(found.state)) return null;
  const dueOn = isoDateOf(found.progressReportDueOn);
  let daysLeft: number | null = null;
  try {
    daysLeft = calendar.workingDaysBetween(today, dueOn);
  } catch {
    // A year the calendar does not know: show the date, not a guessed count (the overdue flag needs no calendar).
  }
  return { dueOn, daysLeft, overdue: today > dueOn };
}
