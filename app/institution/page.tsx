import { CaseList } from "@/components/cases/case-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";
import { listCases } from "@/lib/server/cases/read";
import { getDb } from "@/lib/server/db/client";

export default async function InstitutionDashboard() {
  const actor = await requirePortalActor("institution");
  const t = await getT();
  const cases = await listCases(getDb(), actor);
  return (
    <>
      <PageHeader title={t("dashboard.institution.title")} description={t("dashboard.institution.description")} />
      <Card title={t("dashboard.institution.casesTitle")}>
        {cases.rows.length === 0 ? (
          <EmptyState title={t("dashboard.institution.emptyTitle")}>{t("dashboard.institution.emptyHint")}</EmptyState>
        ) : (
          <CaseList rows={cases.rows} portal="institution" t={t} locale={actor.locale} caption={t("dashboard.institution.casesTitle")} />
        )}
      </Card>
    </>
  );
}
