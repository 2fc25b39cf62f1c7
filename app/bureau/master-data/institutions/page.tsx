import { filterOptions, ListView, listQuery, regionFilter, statusFilter } from "@/components/master-data/list-view";
import { RowActions } from "@/components/master-data/row-actions";
import { listInstitutions } from "@/lib/server/master-data/institutions";
import { regionOptions } from "@/lib/server/master-data/regions";
import { HOSPITAL_TIERS, INSTITUTION_KINDS, ZInstitutionListQuery } from "@/lib/validation/master-data";
import { listContext } from "../page-context";

export default async function InstitutionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, t, db, query, manage } = await listContext(ZInstitutionListQuery, searchParams);
  const [page, regions] = await Promise.all([listInstitutions(db, actor, query), regionOptions(db, actor)]);
  return (
    <ListView
      t={t}
      title={t("masterData.institutions.title")}
      description={t("masterData.institutions.description")}
      query={listQuery(query)}
      createHref={manage ? "/bureau/master-data/institutions/new" : undefined}
      exportHref="/api/master-data/export/institutions"
      filters={[
        { name: "q", label: t("masterData.list.searchLabel"), hint: t("masterData.institutions.searchHint") },
        { name: "kind", label: t("masterData.fields.kind"), options: filterOptions(t, INSTITUTION_KINDS, (v) => t(`masterData.enums.kind.${v}`)) },
        { name: "tier", label: t("masterData.fields.hospitalTier"), options: filterOptions(t, HOSPITAL_TIERS, (v) => t(`masterData.enums.tier.${v}`)) },
        regionFilter(t, regions),
        statusFilter(t),
      ]}
      columns={[
        { id: "nationalCode", header: t("masterData.fields.nationalCode"), sortKey: "nationalCode", className: "font-mono" },
        { id: "name", header: t("masterData.fields.institutionName"), sortKey: "name" },
        { id: "kind", header: t("masterData.fields.kind"), sortKey: "kind" },
        { id: "tier", header: t("masterData.fields.hospitalTier") },
        { id: "region", header: t("masterData.fields.region"), sortKey: "region" },
        { id: "creditCode", header: t("masterData.fields.creditCode"), className: "font-mono" },
        { id: "status", header: t("masterData.list.status") },
        { id: "actions", header: t("masterData.list.actions") },
      ]}
      rows={page.rows.map((row) => ({
        id: row.id,
        cells: {
          nationalCode: row.nationalCode,
          name: row.name,
          kind: t(`masterData.enums.kind.${row.kind}`),
          tier: row.hospitalTier ? t(`masterData.enums.tier.${row.hospitalTier}`) : "—",
          region: row.poolingRegion.name,
          creditCode: row.unifiedSocialCreditCode ?? "—",
          status: row.active ? t("masterData.list.statusActive") : t("masterData.list.statusInactive"),
          actions: manage ? <RowActions t={t} name={row.name} editHref={`/bureau/master-data/institutions/${row.id}`} record={row} setActive="masterData.institution.setActive" /> : null,
        },
      }))}
      total={page.total}
      page={page.page}
      size={page.size}
      sort={query.sort}
      dir={query.dir}
    />
  );
}
