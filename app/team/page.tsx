import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";

export default async function TeamDashboard() {
  await requirePortalActor("team");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("dashboard.team.title")} description={t("dashboard.team.description")} />
      <Card title={t("dashboard.team.casesTitle")}>
        <EmptyState title={t("dashboard.team.emptyTitle")}>{t("dashboard.team.emptyHint")}</EmptyState>
      </Card>
    </>
  );
}
