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
export default async function CityDashboard() {
  const actor = await requirePortalActor("city");
  const t = await getT();
  const db = getDb();
  const [handedOver, onSite] = await Promise.all([listCases(db, actor, { handedOver: true }), listCases(db, actor, { handedOver: false })]);
  return (
    <>
      <PageHeader title={t("dashboard.city.title")} description={t("dashboard.city.description")} />
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
