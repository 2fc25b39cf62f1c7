import { filterOptions, ListView, listQuery, regionFilter } from "@/components/master-data/list-view";
import { RowActions } from "@/components/master-data/row-actions";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { listInspectionHistory } from "@/lib/server/master-data/inspection-history";
import { regionOptions } from "@/lib/server/master-data/regions";
import { can } from "@/lib/server/policy/policy";
import { INSPECTION_LEVELS, ZInspectionListQuery } from "@/lib/validation/master-data";
import { deleteInspectionAction } from "../actions";
import { paramsOf } from "../sections";

export default async function InspectionHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("masterData.read");
  const t = await getT();
  const db = getDb();
  const query = ZInspectionListQuery.parse({ dir: "desc", ...(await paramsOf(searchParams)) });
  const [page, regions] = await Promise.all([listInspectionHistory(db, actor, query), regionOptions(db, actor)]);
  const manage = can(actor, "masterData.manage");
  return (
    <ListView
      t={t}
      title={t("masterData.inspections.title")}
      description={t("masterData.inspections.description")}
      query={listQuery(query)}
      createHref={manage ? "/bureau/master-data/inspection-history/new" : undefined}
      exportHref="/api/master-data/export/inspection-history"
      filters={[
        { name: "q", label: t("masterData.list.searchLabel"), hint: t("masterData.fundUsage.searchHint") },
        { name: "year", label: t("masterData.fields.year") },
        { name: "level", label: t("masterData.fields.level"), options: filterOptions(t, INSPECTION_LEVELS, (v) => t(`masterData.enums.level.${v}`)) },
        regionFilter(t, regions),
      ]}
      columns={[
        { id: "nationalCode", header: t("masterData.fields.nationalCode"), sortKey: "nationalCode", className: "font-mono" },
        { id: "name", header: t("masterData.fields.institutionName"), sortKey: "name" },
        { id: "region", header: t("masterData.fields.region") },
        { id: "level", header: t("masterData.fields.level"), sortKey: "level" },
        { id: "year", header: t("masterData.fields.year"), sortKey: "year" },
        { id: "plan", header: t("masterData.fields.plan") },
        { id: "note", header: t("masterData.fields.note") },
        { id: "actions", header: t("masterData.list.actions") },
      ]}
      rows={page.rows.map((row) => ({
        id: row.id,
        cells: {
          nationalCode: row.institution.nationalCode,
          name: row.institution.name,
          region: row.institution.poolingRegion.name,
          level: t(`masterData.enums.level.${row.level}`),
          year: row.year,
          plan: row.plan?.title ?? "—",
          note: row.note ?? "—",
          actions: manage ? <RowActions t={t} name={`${row.institution.name} ${row.year}`} editHref={`/bureau/master-data/inspection-history/${row.id}`} record={row} remove={deleteInspectionAction} /> : null,
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
