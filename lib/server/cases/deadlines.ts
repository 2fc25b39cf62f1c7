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

/** The reports with a due date (Jilin plan §四(三)). */
export type DeadlineKind = "PROGRESS_REPORT" | "WRITTEN_REPORT";

export interface CaseDeadline {
  kind: DeadlineKind;
  /** `YYYY-MM-DD` (China calendar day). */
  dueOn: string;
  /** Working days from today to the due date; null when the calendar does not know a year in between. */
  daysLeft: number | null;
  /** Past its due date (due on D means on time on D) and not submitted. */
  overdue: boolean;
}

export interface DeadlineFacts {
  state: CaseState;
  progressReportDueOn: Date | null;
  writtenReportDueOn: Date | null;
  /** A progress report is submitted or accepted (a returned one is awaited again). */
  progressReportSubmitted: boolean;
  /** A written report is submitted or accepted. */
  writtenReportSubmitted: boolean;
}

/**
 * The deadline the case is waiting on, for lists and the case page alike: the progress report while the
 * city handles the case (handling states, none submitted but returned ones), then the written report while
 * it is RECTIFYING (none submitted or accepted; after a return the same due date holds). Null when nothing
 * with a due date is awaited.
 */
export function currentDeadline(calendar: WorkingDayCalendar, today: string, found: DeadlineFacts): CaseDeadline | null {
  const awaited: { kind: DeadlineKind; due: Date | null } | null =
    HANDLING_STATES.includes(found.state) && !found.progressReportSubmitted
      ? { kind: "PROGRESS_REPORT", due: found.progressReportDueOn }
      : found.state === "RECTIFYING" && !found.writtenReportSubmitted
        ? { kind: "WRITTEN_REPORT", due: found.writtenReportDueOn }
        : null;
  if (!awaited?.due) return null;
  const dueOn = isoDateOf(awaited.due);
  let daysLeft: number | null = null;
  try {
    daysLeft = calendar.workingDaysBetween(today, dueOn);
  } catch {
    // A year the calendar does not know: show the date, not a guessed count (the overdue flag needs no calendar).
  }
  return { kind: awaited.kind, dueOn, daysLeft, overdue: today > dueOn };
}

/** The reports that stop a deadline from being awaited, as a Prisma include on the case's rectification. */
export const AWAITED_REPORTS_SELECT = {
  reports: { where: { status: { not: "RETURNED" as const } }, select: { kind: true } },
};

/** `currentDeadline`'s report facts from a case read with `rectification: { select: AWAITED_REPORTS_SELECT }`. */
export function reportsSubmitted(rectification: { reports: { kind: "PROGRESS" | "WRITTEN" }[] } | null): Pick<DeadlineFacts, "progressReportSubmitted" | "writtenReportSubmitted"> {
  const kinds = new Set(rectification?.reports.map((report) => report.kind) ?? []);
  return { progressReportSubmitted: kinds.has("PROGRESS"), writtenReportSubmitted: kinds.has("WRITTEN") };
}
