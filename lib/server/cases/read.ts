import "server-only";
import type { CaseState } from "@/lib/domain/case/workflow";
import { loadWorkingDayCalendar } from "@/lib/server/calendar";
import type { Prisma, PrismaClient, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { scope } from "@/lib/server/policy/scope";
import { overdueWhere } from "./counts";
import { figureWhere, type CaseFigure } from "@/lib/server/statistics/dashboard";
import { AWAITED_REPORTS_SELECT, chinaDateOf, currentDeadline, dbDate, isoDateOf, reportsSubmitted, type DeadlineKind } from "./deadlines";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the workflow and the operations need of a case. */
export const CASE_CORE = {
  id: true,
  state: true,
  version: true,
  designated: true,
  planId: true,
  teamId: true,
  institutionId: true,
  inspectedRegionId: true,
  noticeDeliveredAt: true,
  handoverReceivedAt: true,
  progressReportDueOn: true,
  progressReportDueAwaitsYear: true,
  writtenReportDueOn: true,
  writtenReportDueAwaitsYear: true,
  institution: { select: { id: true, name: true } },
} satisfies Prisma.InspectionCaseSelect;

export type CaseCore = Prisma.InspectionCaseGetPayload<{ select: typeof CASE_CORE }>;

/**
 * The case, if the actor may see it. An unknown id and a case outside `scope.inspectionCase(actor)` get
 * the same NOT_FOUND, so a refusal never tells an outsider (or the institution before its notice) that the
 * case exists.
 */
export async function getCaseOrThrow(db: Tx, actor: Actor, caseId: string): Promise<CaseCore> {
  if (!UUID.test(caseId)) throw new DomainError("NOT_FOUND");
  const found = await db.inspectionCase.findFirst({ where: { AND: [scope.inspectionCase(actor), { id: caseId }] }, select: CASE_CORE });
  if (!found) throw new DomainError("NOT_FOUND");
  return found;
}


export interface CaseListFilter {
  state?: CaseState;
  /** Part of the institution's name. */
  institution?: string;
  /** A plan's id, an inspected region's id (issue 12 §11). */
  plan?: string;
  region?: string;
  /** Only cases whose awaited report is past due. */
  overdue?: boolean;
  /** Issue 17 §1: the dashboard's drill-down: the plans' year, a team, the cases a figure counts. */
  year?: number;
  team?: string;
  figure?: CaseFigure;
  /** Handed over to the city (true) or not yet (false): the city's two lists (issue 12 §12). */
  handedOver?: boolean;
  page?: number;
}

export interface CaseListRow {
  id: string;
  state: CaseState;
  version: number;
  designated: boolean;
  institution: { id: string; name: string };
  plan: { id: string; title: string; year: number };
  /** The inspected region as the plan counts it. */
  region: { id: string; name: string };
  noticeDeliveredAt: Date | null;
  handoverReceivedAt: Date | null;
  /** `YYYY-MM-DD` (China calendar days). */
  progressReportDueOn: string | null;
  writtenReportDueOn: string | null;
  /** The report awaited now with a due date (lib/server/cases/deadlines.ts currentDeadline), if any. */
  deadlineKind: DeadlineKind | null;
  deadlineDueOn: string | null;
  /** The year whose holiday arrangement the awaited report's due date waits for (then `deadlineDueOn` is null). */
  deadlineAwaitsYear: number | null;
  /** Working days from today to that due date; null when none is awaited or the calendar cannot tell. */
  workingDaysLeft: number | null;
  /** The awaited report is past its due date (Jilin plan §四(三)); never while the due date is pending. */
  overdue: boolean;
}

const PAGE_SIZE = 50;

/**
 * The cases the actor may see (the same `where` for rows and count, so a hidden case is never counted),
 * newest first, each with its deadlines and the overdue flag. `now` fixes "today" for tests.
 */
export async function listCases(db: PrismaClient, actor: Actor, filter: CaseListFilter = {}, now: Date = new Date()) {
  const page = Math.max(1, Math.trunc(filter.page ?? 1));
  const where: Prisma.InspectionCaseWhereInput = {
    AND: [
      scope.inspectionCase(actor),
      filter.state ? { state: filter.state } : {},
      filter.institution ? { institution: { name: { contains: filter.institution, mode: "insensitive" } } } : {},
      filter.plan && UUID.test(filter.plan) ? { planId: filter.plan } : {},
      filter.region && UUID.test(filter.region) ? { inspectedRegionId: filter.region } : {},
      filter.overdue ? overdueWhere(dbDate(chinaDateOf(now))) : {},
      filter.year ? { plan: { year: filter.year } } : {},
      filter.team && UUID.test(filter.team) ? { teamId: filter.team } : {},
      filter.figure ? figureWhere(filter.figure) : {},
      filter.handedOver === undefined ? {} : { handoverReceivedAt: filter.handedOver ? { not: null } : null },
    ],
  };
  const [rows, total] = await Promise.all([
    db.inspectionCase.findMany({
      where,
      select: {
        ...CASE_CORE,
        plan: { select: { id: true, title: true, year: true } },
        inspectedRegion: { select: { id: true, name: true } },
        rectification: { select: AWAITED_REPORTS_SELECT },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.inspectionCase.count({ where }),
  ]);

  const today = chinaDateOf(now);
  const calendar = await loadWorkingDayCalendar(db);
  const out: CaseListRow[] = rows.map((row) => {
    const deadline = currentDeadline(calendar, today, { ...row, ...reportsSubmitted(row.rectification) });
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      designated: row.designated,
      institution: row.institution,
      plan: row.plan,
      region: row.inspectedRegion,
      noticeDeliveredAt: row.noticeDeliveredAt,
      handoverReceivedAt: row.handoverReceivedAt,
      progressReportDueOn: row.progressReportDueOn ? isoDateOf(row.progressReportDueOn) : null,
      writtenReportDueOn: row.writtenReportDueOn ? isoDateOf(row.writtenReportDueOn) : null,
      deadlineKind: deadline?.kind ?? null,
      deadlineDueOn: deadline?.dueOn ?? null,
      deadlineAwaitsYear: deadline?.awaitsYear ?? null,
      workingDaysLeft: deadline?.daysLeft ?? null,
      overdue: deadline?.overdue ?? false,
    };
  });
  return { rows: out, total, page, pageSize: PAGE_SIZE };
}
