import { OperationForm } from "@/components/operations/operation-form";
import { Card, PageHeader } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { getHandlingSettings } from "@/lib/server/settings/handling-settings";

/** The bureau's handling settings: the threshold of a difference that needs a written explanation (issue 12 §5). */
export default async function SettingsPage() {
  await requirePageActor("handlingSettings.manage");
  const t = await getT();
  const settings = await getHandlingSettings(getDb());
  return (
    <>
      <PageHeader title={t("settings.handlingTitle")} />
      <Card title={t("settings.handlingTitle")}>
        <p className="mb-4 text-sm text-slate-700" data-testid="difference-threshold">{t("settings.handlingHint", { percent: settings.percent, amount: settings.amount })}</p>
        <OperationForm name="settings.updateHandling" bound={{ version: settings.version }} />
      </Card>
    </>
  );
}
