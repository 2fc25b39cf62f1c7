import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";

export default async function BureauDashboard() {
  await requirePortalActor("bureau");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("dashboard.bureau.title")} description={t("dashboard.bureau.description")} />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("dashboard.stats.plans")} value={0} />
        <Stat label={t("dashboard.stats.openCases")} value={0} />
        <Stat label={t("dashboard.stats.overdue")} value={0} />
        <Stat label={t("dashboard.stats.published")} value={0} />
      </div>
      <Card title={t("dashboard.bureau.casesTitle")}>
        <EmptyState title={t("dashboard.bureau.emptyTitle")}>{t("dashboard.bureau.emptyHint")}</EmptyState>
      </Card>
    </>
  );
}
