import "server-only";
import { workingDayDeadline, type WorkingDayCalendar, type WorkingDayDeadline } from "@/lib/domain/calendar";
import { HANDLING_STATES, type CaseState } from "@/lib/domain/case/workflow";
import { recordAudit } from "@/lib/server/audit/record";
import { loadWorkingDayCalendar, readWorkingDayCalendar, tryLockCalendarForPendingDeadline } from "@/lib/server/calendar";
import type { Prisma, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";

/** Jilin plan §四(三): rectification progress within 30 working days of receiving the handover. */
export const PROGRESS_REPORT_WORKING_DAYS = 30;

/** Jilin plan §四(三): the written report within 5 working days after handling ends. */
export const WRITTEN_REPORT_WORKING_DAYS = 5;

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

/** The steps that set a deadline, and the reports it is for (Jilin plan §四(三)). */
export type DeadlineKind = "PROGRESS_REPORT" | "WRITTEN_REPORT";

/** Counted from HAND_OVER (the receipt, in Feijian) and from END_HANDLING. */
export const DEADLINE_WORKING_DAYS: Record<DeadlineKind, number> = { PROGRESS_REPORT: PROGRESS_REPORT_WORKING_DAYS, WRITTEN_REPORT: WRITTEN_REPORT_WORKING_DAYS };

/** The case's columns for a deadline: the due date, or the year it waits for (one of the two is null). */
export function deadlineData(kind: DeadlineKind, deadline: WorkingDayDeadline): Prisma.InspectionCaseUpdateInput {
  const dueOn = deadline.status === "DUE" ? dbDate(deadline.dueOn) : null;
  const awaitsYear = deadline.status === "PENDING" ? deadline.awaitsYear : null;
  return kind === "PROGRESS_REPORT" ? { progressReportDueOn: dueOn, progressReportDueAwaitsYear: awaitsYear } : { writtenReportDueOn: dueOn, writtenReportDueAwaitsYear: awaitsYear };
}

/**
 * The deadline a step sets, counted from the day of `from` in China time. A deadline that reaches a year
 * whose holiday arrangement is not entered does not stop the step (issue 12): it is returned pending that
 * year, never guessed from weekdays, and filled in when the bureau confirms the year (fillPendingDeadlines).
 * Before storing it pending, the calendar is read again under the calendar lock (lib/server/calendar.ts).
 */
export async function computeDeadline(tx: Tx, kind: DeadlineKind, from: Date): Promise<WorkingDayDeadline> {
  const start = chinaDateOf(from);
  const first = workingDayDeadline(await loadWorkingDayCalendar(tx), start, DEADLINE_WORKING_DAYS[kind]);
  if (first.status === "DUE") return first;
  if (!(await tryLockCalendarForPendingDeadline(tx))) throw new DomainError("CONFLICT", undefined, { messageKey: "errors.calendarBeingConfirmed" });
  return workingDayDeadline(await readWorkingDayCalendar(tx), start, DEADLINE_WORKING_DAYS[kind]);
}

/** A deadline the confirmation filled in, or moved on to a later unknown year. */
export type FilledDeadline = { caseId: string; kind: DeadlineKind; dueOn: string | null; awaitsYear: number | null };

/**
 * Fills in every deadline stored pending a year the calendar now knows (or moves it on to the next unknown
 * year), with one audit row per case: run by the year's confirmation, in its transaction, with the calendar
 * that transaction has just written. The case's version stays: a filled-in date changes no guard's facts, and
 * a clerk's open page must not turn stale because the administrator confirmed a year.
 */
export async function fillPendingDeadlines(tx: Tx, actor: Actor, calendar: WorkingDayCalendar, context: RequestContext = {}): Promise<FilledDeadline[]> {
  const waiting = await tx.inspectionCase.findMany({
    where: { OR: [{ progressReportDueAwaitsYear: { not: null } }, { writtenReportDueAwaitsYear: { not: null } }] },
    select: { id: true, handoverReceivedAt: true, handlingEndedAt: true, progressReportDueAwaitsYear: true, writtenReportDueAwaitsYear: true },
    orderBy: { id: "asc" },
  });
  const filled: FilledDeadline[] = [];
  for (const row of waiting) {
    const pending: { kind: DeadlineKind; from: Date | null; awaitsYear: number | null }[] = [
      { kind: "PROGRESS_REPORT", from: row.handoverReceivedAt, awaitsYear: row.progressReportDueAwaitsYear },
      { kind: "WRITTEN_REPORT", from: row.handlingEndedAt, awaitsYear: row.writtenReportDueAwaitsYear },
    ];
    for (const { kind, from, awaitsYear } of pending) {
      if (awaitsYear === null || from === null) continue;
      const deadline = workingDayDeadline(calendar, chinaDateOf(from), DEADLINE_WORKING_DAYS[kind]);
      if (deadline.status === "PENDING" && deadline.awaitsYear === awaitsYear) continue;
      await tx.inspectionCase.update({ where: { id: row.id }, data: deadlineData(kind, deadline) });
      const after = deadline.status === "DUE" ? { kind, dueOn: deadline.dueOn } : { kind, awaitsYear: deadline.awaitsYear };
      await recordAudit(tx, { actor, action: "case.deadlineFilled", entity: "InspectionCase", entityId: row.id, before: { kind, awaitsYear }, after, context });
      filled.push({ caseId: row.id, kind, dueOn: deadline.status === "DUE" ? deadline.dueOn : null, awaitsYear: deadline.status === "PENDING" ? deadline.awaitsYear : null });
    }
  }
  return filled;
}

export interface CaseDeadline {
  kind: DeadlineKind;
  /** `YYYY-MM-DD` (China calendar day); null while the deadline waits for `awaitsYear`'s arrangement. */
  dueOn: string | null;
  /** The year whose holiday arrangement the due date waits for; null once it is known. */
  awaitsYear: number | null;
  /** Working days from today to the due date; null when pending, or the calendar does not know a year in between. */
  daysLeft: number | null;
  /** Past its due date (due on D means on time on D) and not submitted; never while the due date is pending. */
  overdue: boolean;
}

export interface DeadlineFacts {
  state: CaseState;
  progressReportDueOn: Date | null;
  progressReportDueAwaitsYear: number | null;
  writtenReportDueOn: Date | null;
  writtenReportDueAwaitsYear: number | null;
  /** A progress report is submitted or accepted (a returned one is awaited again). */
  progressReportSubmitted: boolean;
  /** A written report is submitted or accepted. */
  writtenReportSubmitted: boolean;
}

/**
 * The deadline the case is waiting on, for lists and the case page alike: the progress report while the
 * city handles the case (handling states, none submitted but returned ones), then the written report while
 * it is RECTIFYING (none submitted or accepted; after a return the same due date holds). Null when nothing
 * with a due date is awaited. A due date pending a year's arrangement is neither overdue nor counted down:
 * nothing is known of it but that it lies beyond every day the calendar knows.
 */
export function currentDeadline(calendar: WorkingDayCalendar, today: string, found: DeadlineFacts): CaseDeadline | null {
  const awaited: { kind: DeadlineKind; due: Date | null; awaitsYear: number | null } | null =
    HANDLING_STATES.includes(found.state) && !found.progressReportSubmitted
      ? { kind: "PROGRESS_REPORT", due: found.progressReportDueOn, awaitsYear: found.progressReportDueAwaitsYear }
      : found.state === "RECTIFYING" && !found.writtenReportSubmitted
        ? { kind: "WRITTEN_REPORT", due: found.writtenReportDueOn, awaitsYear: found.writtenReportDueAwaitsYear }
        : null;
  if (awaited && !awaited.due && awaited.awaitsYear !== null) return { kind: awaited.kind, dueOn: null, awaitsYear: awaited.awaitsYear, daysLeft: null, overdue: false };
  if (!awaited?.due) return null;
  const dueOn = isoDateOf(awaited.due);
  let daysLeft: number | null = null;
  try {
    daysLeft = calendar.workingDaysBetween(today, dueOn);
  } catch {
    // A year the calendar does not know: show the date, not a guessed count (the overdue flag needs no calendar).
  }
  return { kind: awaited.kind, dueOn, awaitsYear: null, daysLeft, overdue: today > dueOn };
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
