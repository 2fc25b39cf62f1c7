import "server-only";
import { CASE_STATES, HANDLING_STATES } from "@/lib/domain/case/transitions";
import type { CaseState } from "@/lib/domain/case/transitions";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { scope } from "@/lib/server/policy/scope";
import { overdueWhere } from "@/lib/server/cases/counts";
import { chinaDateOf, dbDate } from "@/lib/server/cases/deadlines";

/**
 * The dashboard's figures (issue 17 §1, §2): every one an aggregate computed in SQL (Prisma groupBy /
 * aggregate / count) over the cases the actor may see (`scope.inspectionCase`), for the plans of one year.
 * A city therefore counts only its region's cases, and none before its notice (scope.ts); each figure has a
 * case-list filter (`DashboardFigure`, lib/validation/reads.ts) that lists exactly the cases it counts.
 */

/** Which cases a money figure counts, as a case-list filter: found (standing findings), confirmed, refunded, fined. */
export const MONEY_FIGURES = ["found", "confirmed", "refunded", "fined"] as const;
export type MoneyFigure = (typeof MONEY_FIGURES)[number];
/** The case-list filter `figure`: a money figure, or `due` (a report is awaited with a due date). */
export const CASE_FIGURES = [...MONEY_FIGURES, "due"] as const;
export type CaseFigure = (typeof CASE_FIGURES)[number];

/** Cases with a report awaited and a due date set (the same shape as overdueWhere, without "past today"). */
export const dueWhere: Prisma.InspectionCaseWhereInput = {
  OR: [
    { state: { in: [...HANDLING_STATES] }, progressReportDueOn: { not: null }, NOT: { rectification: { reports: { some: { kind: "PROGRESS", status: { not: "RETURNED" } } } } } },
    { state: "RECTIFYING", writtenReportDueOn: { not: null }, NOT: { rectification: { reports: { some: { kind: "WRITTEN", status: { not: "RETURNED" } } } } } },
  ],
};

/** The rows behind each money figure, as a `where` on the case (for drill-down) … */
export function figureWhere(figure: CaseFigure): Prisma.InspectionCaseWhereInput {
  switch (figure) {
    case "found":
      return { findings: { some: { status: { not: "WITHDRAWN" } } } };
    case "confirmed":
      return { amountConfirmationNotice: { isNot: null } };
    case "refunded":
      return { refundNotice: { refunds: { some: {} } } };
    case "fined":
      return { penalties: { some: { amount: { not: null } } } };
    case "due":
      return dueWhere;
  }
}

export interface DashboardFilter {
  year: number;
}

export interface DashboardFigures {
  year: number;
  plans: { id: string; title: string; phase: string | null; phaseEndsOn: string | null; regions: { id: string; name: string; cases: number }[]; cases: number }[];
  /** Every state in workflow order, with zero where none. */
  byState: { state: CaseState; cases: number }[];
  totalCases: number;
  /** Decimal strings (two places): money never goes through a float. */
  money: Record<MoneyFigure, { amount: string; cases: number }>;
  regions: { id: string; name: string; cases: number; due: number; overdue: number }[];
  teams: { id: string; name: string; planTitle: string; cases: number; handedOver: number; closed: number }[];
}

function sumOf(value: { toFixed(digits: number): string } | null | undefined): string {
  return value ? value.toFixed(2) : "0.00";
}

/** The dashboard's figures for the plans of `year`, within the actor's scope. `now` fixes today (phase, overdue). */
export async function dashboardFigures(db: PrismaClient, actor: Actor, filter: DashboardFilter, now: Date = new Date()): Promise<DashboardFigures> {
  const today = chinaDateOf(now);
  const visible: Prisma.InspectionCaseWhereInput = { AND: [scope.inspectionCase(actor), { plan: { year: filter.year } }] };
  const within = (extra: Prisma.InspectionCaseWhereInput): Prisma.InspectionCaseWhereInput => ({ AND: [visible, extra] });

  const [byPlanRegion, byState, found, confirmed, refunded, fined, foundCases, confirmedCases, refundedCases, finedCases, byRegion, dueByRegion, overdueByRegion, byTeam, handedOverByTeam] =
    await Promise.all([
      db.inspectionCase.groupBy({ by: ["planId", "inspectedRegionId"], where: visible, _count: { _all: true } }),
      db.inspectionCase.groupBy({ by: ["state"], where: visible, _count: { _all: true } }),
      db.finding.aggregate({ where: { status: { not: "WITHDRAWN" }, case: visible }, _sum: { amount: true } }),
      db.amountConfirmationNotice.aggregate({ where: { case: visible }, _sum: { amount: true } }),
      db.refund.aggregate({ where: { refundNotice: { case: visible } }, _sum: { amount: true } }),
      db.penalty.aggregate({ where: { case: visible }, _sum: { amount: true } }),
      db.inspectionCase.count({ where: within(figureWhere("found")) }),
      db.inspectionCase.count({ where: within(figureWhere("confirmed")) }),
      db.inspectionCase.count({ where: within(figureWhere("refunded")) }),
      db.inspectionCase.count({ where: within(figureWhere("fined")) }),
      db.inspectionCase.groupBy({ by: ["inspectedRegionId"], where: visible, _count: { _all: true } }),
      db.inspectionCase.groupBy({ by: ["inspectedRegionId"], where: within(dueWhere), _count: { _all: true } }),
      db.inspectionCase.groupBy({ by: ["inspectedRegionId"], where: within(overdueWhere(dbDate(today))), _count: { _all: true } }),
      db.inspectionCase.groupBy({ by: ["teamId", "state"], where: within({ teamId: { not: null } }), _count: { _all: true } }),
      db.inspectionCase.groupBy({ by: ["teamId"], where: within({ teamId: { not: null }, handoverReceivedAt: { not: null } }), _count: { _all: true } }),
    ]);

  // Names of what the figures count (only ids the scoped queries returned: nothing outside scope is named).
  const planIds = [...new Set(byPlanRegion.map((row) => row.planId))];
  const regionIds = [...new Set(byRegion.map((row) => row.inspectedRegionId))];
  const teamIds = [...new Set(byTeam.map((row) => row.teamId).filter((id): id is string => id !== null))];
  const [plans, regions, teams] = await Promise.all([
    db.plan.findMany({ where: { id: { in: planIds } }, select: { id: true, title: true, phases: { select: { kind: true, title: true, startsOn: true, endsOn: true }, orderBy: { endsOn: "asc" } } }, orderBy: [{ publishedAt: "asc" }, { id: "asc" }] }),
    db.poolingRegion.findMany({ where: { id: { in: regionIds } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true, plan: { select: { title: true } } }, orderBy: [{ name: "asc" }] }),
  ]);
  const regionName = new Map(regions.map((region) => [region.id, region.name]));
  const todayDate = dbDate(today);

  const count = (rows: { inspectedRegionId: string; _count: { _all: number } }[], id: string) => rows.find((row) => row.inspectedRegionId === id)?._count._all ?? 0;

  return {
    year: filter.year,
    plans: plans.map((plan) => {
      // The phase under way today: the first whose end is not past; none once every phase has ended.
      const phase = plan.phases.find((p) => p.endsOn >= todayDate) ?? null;
      const rows = byPlanRegion.filter((row) => row.planId === plan.id);
      return {
        id: plan.id,
        title: plan.title,
        phase: phase ? phase.kind : null,
        phaseEndsOn: phase ? phase.endsOn.toISOString().slice(0, 10) : null,
        regions: rows
          .map((row) => ({ id: row.inspectedRegionId, name: regionName.get(row.inspectedRegionId) ?? "", cases: row._count._all }))
          .sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
        cases: rows.reduce((sum, row) => sum + row._count._all, 0),
      };
    }),
    byState: CASE_STATES.map((state) => ({ state, cases: byState.find((row) => row.state === state)?._count._all ?? 0 })),
    totalCases: byState.reduce((sum, row) => sum + row._count._all, 0),
    money: {
      found: { amount: sumOf(found._sum.amount), cases: foundCases },
      confirmed: { amount: sumOf(confirmed._sum.amount), cases: confirmedCases },
      refunded: { amount: sumOf(refunded._sum.amount), cases: refundedCases },
      fined: { amount: sumOf(fined._sum.amount), cases: finedCases },
    },
    regions: regionIds
      .map((id) => ({ id, name: regionName.get(id) ?? "", cases: count(byRegion, id), due: count(dueByRegion, id), overdue: count(overdueByRegion, id) }))
      .sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    teams: teams.map((team) => {
      const rows = byTeam.filter((row) => row.teamId === team.id);
      const sum = (pick: (state: CaseState) => boolean) => rows.filter((row) => pick(row.state)).reduce((s, row) => s + row._count._all, 0);
      return {
        id: team.id,
        name: team.name,
        planTitle: team.plan.title,
        cases: sum(() => true),
        handedOver: handedOverByTeam.find((row) => row.teamId === team.id)?._count._all ?? 0,
        closed: sum((state) => state === "CLOSED"),
      };
    }),
  };
}

/** The years with cases the actor may see, newest first (the dashboard's year choice; its default is the first). */
export async function dashboardYears(db: PrismaClient, actor: Actor): Promise<number[]> {
  const plans = await db.plan.findMany({ where: { cases: { some: scope.inspectionCase(actor) } }, select: { year: true }, distinct: ["year"], orderBy: { year: "desc" } });
  return plans.map((plan) => plan.year);
}
