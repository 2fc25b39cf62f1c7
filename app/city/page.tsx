import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";

export default async function CityDashboard() {
  await requirePortalActor("city");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("dashboard.city.title")} description={t("dashboard.city.description")} />
      <Card title={t("dashboard.city.casesTitle")}>
        <EmptyState title={t("dashboard.city.emptyTitle")}>{t("dashboard.city.emptyHint")}</EmptyState>
      </Card>
    </>
  );
}
