import { caseListFilterOf } from "@/app/_statistics/filters";
import Link from "next/link";
import { CalendarTasks } from "@/components/calendar/calendar-tasks";
import { CaseList } from "@/components/cases/case-list";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/layout";
import { CASE_STATES, stateMessageKey } from "@/lib/domain/case/transitions";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";
import { listCalendarTasks } from "@/lib/server/calendar-admin";
import { countCases, countTodo } from "@/lib/server/cases/counts";
import { listCases } from "@/lib/server/cases/read";
import { getDb } from "@/lib/server/db/client";
import { listPoolingRegions } from "@/lib/server/organizations/organizations";
import { listPlans } from "@/lib/server/plans/plans";
import { can } from "@/lib/server/policy/policy";

type SearchParams = Record<string, string | string[] | undefined>;

const CONTROL = "rounded border border-slate-300 bg-white px-3 py-2 text-sm";

export default async function BureauDashboard({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortalActor("bureau");
  const t = await getT();
  const db = getDb();
  const filter = caseListFilterOf(await searchParams);
  const [plans, regions, cases, counts, todo, calendarTasks] = await Promise.all([
    listPlans(db, actor),
    can(actor, "poolingRegion.read") ? listPoolingRegions(db, actor) : Promise.resolve([]),
    listCases(db, actor, filter),
    countCases(db, actor),
    countTodo(db, actor),
    can(actor, "calendar.manage") ? listCalendarTasks(db, actor) : Promise.resolve([]),
  ]);
  const filtered = Boolean(filter.plan || filter.region || filter.state || filter.overdue || filter.year || filter.team || filter.handedOver || filter.figure);
  const drillDown: [string, string][] = [];
  if (filter.year) drillDown.push(["year", String(filter.year)]);
  if (filter.team) drillDown.push(["team", filter.team]);
  if (filter.handedOver) drillDown.push(["handedOver", "1"]);
  if (filter.figure) drillDown.push(["figure", filter.figure]);
  const todoItems = [
    todo.progressReports > 0 ? { key: "dashboard.bureau.todoProgressReports", count: todo.progressReports } : null,
    todo.writtenReports > 0 ? { key: "dashboard.bureau.todoWrittenReports", count: todo.writtenReports } : null,
    todo.toClose > 0 ? { key: "dashboard.bureau.todoClose", count: todo.toClose } : null,
  ].filter((item) => item !== null);
  return (
    <>
      <PageHeader
        title={t("dashboard.bureau.title")}
        description={t("dashboard.bureau.description")}
        actions={<Link href="/bureau/dashboard" className="rounded border border-brand-200 px-3 py-2 text-sm text-brand-700 hover:bg-brand-50" data-testid="open-dashboard">{t("statistics.openDashboard")}</Link>}
      />
      <CalendarTasks tasks={calendarTasks} t={t} className="mb-6" link />
      <Card title={t("dashboard.bureau.todoTitle")} className="mb-6">
        {todoItems.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="bureau-todo-empty">{t("dashboard.bureau.todoNone")}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm" data-testid="bureau-todo">
            {todoItems.map((item) => (
              <li key={item.key} className="font-medium text-amber-900">{t(item.key, { count: item.count })}</li>
            ))}
          </ul>
        )}
      </Card>
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label={t("dashboard.stats.plans")} value={plans.length} />
        <Stat label={t("dashboard.stats.openCases")} value={counts.open} />
        <Stat label={t("dashboard.stats.overdue")} value={counts.overdue} />
      </div>
      <Card title={t("dashboard.bureau.casesTitle")}>
        {/* A GET form: the filters live in the URL, so the back button returns to the list as it was. */}
        <form method="get" action="/bureau" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("dashboard.bureau.filters")}>
          <label className="flex flex-col gap-1 text-sm text-slate-700">
            {t("cases.listPlan")}
            <select name="plan" defaultValue={filter.plan ?? ""} className={CONTROL}>
              <option value="">{t("dashboard.bureau.allPlans")}</option>
              {plans.map((plan) => <option key={plan.id} value={plan.id}>{plan.title}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm text-slate-700">
            {t("cases.listRegion")}
            <select name="region" defaultValue={filter.region ?? ""} className={CONTROL}>
              <option value="">{t("dashboard.bureau.allRegions")}</option>
              {regions.map((region) => <option key={region.id} value={region.id}>{region.name}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm text-slate-700">
            {t("common.status")}
            <select name="state" defaultValue={filter.state ?? ""} className={CONTROL}>
              <option value="">{t("dashboard.bureau.allStates")}</option>
              {CASE_STATES.map((state) => <option key={state} value={state}>{t(stateMessageKey(state))}</option>)}
            </select>
          </label>
          <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue ?? false} className="h-4 w-4 rounded border-slate-300" />
            {t("dashboard.bureau.onlyOverdue")}
          </label>
          {/* The dashboard's drill-down filters (issue 17 §1) have no control here: kept while the others change. */}
          {drillDown.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
          <Button type="submit">{t("dashboard.bureau.applyFilters")}</Button>
          {filtered ? <Link href="/bureau" className="pb-2 text-sm text-brand-700 hover:underline">{t("dashboard.bureau.clearFilters")}</Link> : null}
        </form>
        {drillDown.length > 0 ? (
          <p className="mb-2 text-sm text-slate-700" data-testid="drill-down">
            {t("statistics.drillDown")}{" "}
            <Link href={`/bureau/dashboard?year=${filter.year ?? ""}`} className="text-brand-700 hover:underline">{t("statistics.backToDashboard")}</Link>
          </p>
        ) : null}
        <p className="mb-2 text-sm text-slate-600" data-testid="case-count">{t("dashboard.bureau.caseCount", { count: cases.total })}</p>
        {cases.rows.length === 0 ? (
          filtered ? (
            <EmptyState title={t("dashboard.bureau.noMatchTitle")}>{t("dashboard.bureau.noMatchHint")}</EmptyState>
          ) : (
            <EmptyState title={t("dashboard.bureau.emptyTitle")}>{t("dashboard.bureau.emptyHint")}</EmptyState>
          )
        ) : (
          <CaseList rows={cases.rows} portal="bureau" t={t} locale={actor.locale} caption={t("dashboard.bureau.casesTitle")} planAndRegion />
        )}
      </Card>
    </>
  );
}
