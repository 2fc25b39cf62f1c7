import Link from "next/link";
import { caseListFilterOf, isFiltered } from "@/app/_statistics/filters";
import { CaseList } from "@/components/cases/case-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";
import { listCases } from "@/lib/server/cases/read";
import { getDb } from "@/lib/server/db/client";

/**
 * The city bureau's home. Issue 12 §12: under the title 移交案件 it listed cases still on site; now the cases
 * handed over to it and those of its region still being inspected are two lists, each under its own title.
 */
export default async function CityDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePortalActor("city");
  const t = await getT();
  const db = getDb();
  const filter = caseListFilterOf(await searchParams);
  const header = (
    <PageHeader
      title={t("dashboard.city.title")}
      description={t("dashboard.city.description")}
      actions={<Link href="/city/dashboard" className="rounded border border-brand-200 px-3 py-2 text-sm text-brand-700 hover:bg-brand-50" data-testid="open-dashboard">{t("statistics.openDashboard")}</Link>}
    />
  );
  // Issue 17 §2: a figure of the dashboard opens here with its filters in the URL: the one list it counts.
  if (isFiltered(filter)) {
    const cases = await listCases(db, actor, filter);
    return (
      <>
        {header}
        <Card title={t("dashboard.city.filteredTitle")}>
          <p className="mb-2 text-sm text-slate-700" data-testid="drill-down">
            {t("statistics.drillDown")}{" "}
            <Link href={`/city/dashboard${filter.year ? `?year=${filter.year}` : ""}`} className="text-brand-700 hover:underline">{t("statistics.backToDashboard")}</Link>
            {" · "}
            <Link href="/city" className="text-brand-700 hover:underline">{t("dashboard.bureau.clearFilters")}</Link>
          </p>
          <p className="mb-2 text-sm text-slate-600" data-testid="case-count">{t("dashboard.bureau.caseCount", { count: cases.total })}</p>
          {cases.rows.length === 0 ? (
            <EmptyState title={t("dashboard.bureau.noMatchTitle")} />
          ) : (
            <CaseList rows={cases.rows} portal="city" t={t} locale={actor.locale} caption={t("dashboard.city.filteredTitle")} planAndRegion />
          )}
        </Card>
      </>
    );
  }
  const [handedOver, onSite] = await Promise.all([listCases(db, actor, { handedOver: true }), listCases(db, actor, { handedOver: false })]);
  return (
    <>
      {header}
      <Card title={t("dashboard.city.casesTitle")} className="mb-6">
        {handedOver.rows.length === 0 ? (
          <EmptyState title={t("dashboard.city.emptyTitle")}>{t("dashboard.city.emptyHint")}</EmptyState>
        ) : (
          <CaseList rows={handedOver.rows} portal="city" t={t} locale={actor.locale} caption={t("dashboard.city.casesTitle")} planAndRegion />
        )}
      </Card>
      {onSite.rows.length > 0 ? (
        <Card title={t("dashboard.city.onSiteTitle")}>
          <p className="mb-2 text-sm text-slate-600">{t("dashboard.city.onSiteHint")}</p>
          <CaseList rows={onSite.rows} portal="city" t={t} locale={actor.locale} caption={t("dashboard.city.onSiteTitle")} planAndRegion />
        </Card>
      ) : null}
    </>
  );
}
