import { CaseList } from "@/components/cases/case-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";
import { listCases } from "@/lib/server/cases/read";
import { getDb } from "@/lib/server/db/client";

export default async function CityDashboard() {
  const actor = await requirePortalActor("city");
  const t = await getT();
  const cases = await listCases(getDb(), actor);
  return (
    <>
      <PageHeader title={t("dashboard.city.title")} description={t("dashboard.city.description")} />
      <Card title={t("dashboard.city.casesTitle")}>
        {cases.rows.length === 0 ? (
          <EmptyState title={t("dashboard.city.emptyTitle")}>{t("dashboard.city.emptyHint")}</EmptyState>
        ) : (
          <CaseList rows={cases.rows} portal="city" t={t} locale={actor.locale} caption={t("dashboard.city.casesTitle")} />
        )}
      </Card>
    </>
  );
}
