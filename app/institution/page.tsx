import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";

export default async function InstitutionDashboard() {
  await requirePortalActor("institution");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("dashboard.institution.title")} description={t("dashboard.institution.description")} />
      <Card title={t("dashboard.institution.casesTitle")}>
        <EmptyState title={t("dashboard.institution.emptyTitle")}>{t("dashboard.institution.emptyHint")}</EmptyState>
      </Card>
    </>
  );
}
