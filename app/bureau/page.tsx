import { CalendarTasks } from "@/components/calendar/calendar-tasks";
import { CaseList } from "@/components/cases/case-list";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";
import { listCalendarTasks } from "@/lib/server/calendar-admin";
import { countCases } from "@/lib/server/cases/counts";
import { listCases } from "@/lib/server/cases/read";
import { getDb } from "@/lib/server/db/client";
import { listPlans } from "@/lib/server/plans/plans";
import { can } from "@/lib/server/policy/policy";

export default async function BureauDashboard() {
  const actor = await requirePortalActor("bureau");
  const t = await getT();
  const db = getDb();
  const [plans, cases, counts, calendarTasks] = await Promise.all([
    listPlans(db, actor),
    listCases(db, actor),
    countCases(db, actor),
    can(actor, "calendar.manage") ? listCalendarTasks(db, actor) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader title={t("dashboard.bureau.title")} description={t("dashboard.bureau.description")} />
      <CalendarTasks tasks={calendarTasks} t={t} className="mb-6" link />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label={t("dashboard.stats.plans")} value={plans.length} />
        <Stat label={t("dashboard.stats.openCases")} value={counts.open} />
        <Stat label={t("dashboard.stats.overdue")} value={counts.overdue} />
      </div>
      <Card title={t("dashboard.bureau.casesTitle")}>
        {cases.rows.length === 0 ? (
          <EmptyState title={t("dashboard.bureau.emptyTitle")}>{t("dashboard.bureau.emptyHint")}</EmptyState>
        ) : (
          <CaseList rows={cases.rows} portal="bureau" t={t} locale={actor.locale} caption={t("dashboard.bureau.casesTitle")} />
        )}
      </Card>
    </>
  );
}
