import { DeactivateButton } from "@/components/admin/deactivate-button";
import { OrganizationCreateForm } from "@/components/admin/organization-create-form";
import { Card, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { listOrganizations, listPoolingRegions } from "@/lib/server/organizations/organizations";
import { can } from "@/lib/server/policy/policy";

export default async function OrganizationsPage() {
  const actor = await requirePageActor("organization.read");
  const t = await getT();
  const db = getDb();
  const [organizations, regions] = await Promise.all([listOrganizations(db, actor), listPoolingRegions(db, actor)]);
  return (
    <>
      <PageHeader title={t("organizations.title")} description={t("organizations.description")} />
      {can(actor, "organization.create") ? (
        <Card title={t("organizations.createTitle")} className="mb-6">
          <OrganizationCreateForm regions={regions.map((r) => ({ id: r.id, name: r.name }))} />
        </Card>
      ) : null}
      <Table
        caption={t("organizations.title")}
        head={<tr><Th>{t("organizations.name")}</Th><Th>{t("organizations.kind")}</Th><Th>{t("organizations.region")}</Th><Th>{t("organizations.activeUsers")}</Th><Th>{t("common.status")}</Th><Th>{t("common.actions")}</Th></tr>}
      >
        {organizations.map((o) => (
          <tr key={o.id}>
            <Td>{o.name}</Td>
            <Td>{t(`organizationKinds.${o.kind}`)}</Td>
            <Td>{o.poolingRegion?.name ?? "—"}</Td>
            <Td>{o._count.users}</Td>
            <Td>{o.active ? t("common.active") : t("common.inactive")}</Td>
            <Td>
              {o.active && can(actor, "organization.deactivate", { organizationId: o.id }) ? (
                <DeactivateButton id={o.id} version={o.version} label={t("organizations.deactivateLabel", { name: o.name })} confirmText={t("organizations.deactivateConfirm", { name: o.name })} operation="organization.deactivate" />
              ) : null}
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
