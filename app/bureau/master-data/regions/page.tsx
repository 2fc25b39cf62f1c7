import Link from "next/link";
import { RowActions } from "@/components/master-data/row-actions";
import { PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { listRegions } from "@/lib/server/master-data/regions";
import { can } from "@/lib/server/policy/policy";

/** A dozen regions per province: one table, no paging. */
export default async function RegionsPage() {
  const actor = await requirePageActor("masterData.read");
  const t = await getT();
  const regions = await listRegions(getDb(), actor);
  const manage = can(actor, "masterData.manage");
  return (
    <>
      <PageHeader
        title={t("masterData.regions.title")}
        description={t("masterData.regions.description")}
        actions={manage ? <Link href="/bureau/master-data/regions/new" className="inline-flex items-center rounded border border-brand-700 bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">{t("masterData.regions.create")}</Link> : undefined}
      />
      <Table
        caption={t("masterData.regions.title")}
        head={<tr><Th>{t("masterData.fields.code")}</Th><Th>{t("masterData.fields.name")}</Th><Th>{t("masterData.fields.mergedInto")}</Th><Th>{t("masterData.fields.institutionCount")}</Th><Th>{t("masterData.list.status")}</Th><Th>{t("masterData.list.actions")}</Th></tr>}
      >
        {regions.map((r) => (
          <tr key={r.id}>
            <Td className="font-mono">{r.code}</Td>
            <Td>{r.name}</Td>
            <Td>{r.mergedInto?.name ?? "—"}</Td>
            <Td>{r._count.institutions.toLocaleString(actor.locale)}</Td>
            <Td>{r.active ? t("masterData.list.statusActive") : t("masterData.list.statusInactive")}</Td>
            <Td>{manage ? <RowActions t={t} name={r.name} editHref={`/bureau/master-data/regions/${r.id}`} record={r} setActive="masterData.region.setActive" /> : null}</Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
