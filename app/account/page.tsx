import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PortalShell } from "@/components/layout/portal-shell";
import { Card, PageHeader } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requireSignedIn } from "@/lib/server/auth/page-guards";
import { portalOf } from "@/lib/server/policy/permissions";

export default async function AccountPage() {
  const actor = await requireSignedIn();
  const t = await getT();
  return (
    <PortalShell portal={portalOf(actor.role)} actor={actor}>
      <PageHeader title={t("account.title")} description={t("account.description", { username: actor.username })} />
      <Card title={t("account.changePassword")}>
        <ChangePasswordForm />
      </Card>
    </PortalShell>
  );
}
