import { filterOptions, institutionCells, institutionColumns, institutionYearFilters, ListView, listQuery, regionFilter } from "@/components/master-data/list-view";
import { RowActions } from "@/components/master-data/row-actions";
import { listInspectionHistory } from "@/lib/server/master-data/inspection-history";
import { regionOptions } from "@/lib/server/master-data/regions";
import { INSPECTION_LEVELS, ZInspectionListQuery } from "@/lib/validation/master-data";
import { listContext } from "../page-context";

export default async function InspectionHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, t, db, query, manage } = await listContext(ZInspectionListQuery, searchParams, { dir: "desc" });
  const [page, regions] = await Promise.all([listInspectionHistory(db, actor, query), regionOptions(db, actor)]);
  return (
    <ListView
      t={t}
      title={t("masterData.inspections.title")}
      description={t("masterData.inspections.description")}
      query={listQuery(query)}
      createHref={manage ? "/bureau/master-data/inspection-history/new" : undefined}
      exportHref="/api/master-data/export/inspection-history"
      filters={[
        ...institutionYearFilters(t),
        { name: "level", label: t("masterData.fields.level"), options: filterOptions(t, INSPECTION_LEVELS, (v) => t(`masterData.enums.level.${v}`)) },
        regionFilter(t, regions),
      ]}
      columns={[
        ...institutionColumns(t),
        { id: "level", header: t("masterData.fields.level"), sortKey: "level" },
        { id: "year", header: t("masterData.fields.year"), sortKey: "year" },
        { id: "plan", header: t("masterData.fields.plan") },
        { id: "note", header: t("masterData.fields.note") },
        { id: "actions", header: t("masterData.list.actions") },
      ]}
      rows={page.rows.map((row) => ({
        id: row.id,
        cells: {
          ...institutionCells(row.institution),
          level: t(`masterData.enums.level.${row.level}`),
          year: row.year,
          plan: row.plan?.title ?? "—",
          note: row.note ?? "—",
          actions: manage ? <RowActions t={t} name={`${row.institution.name} ${row.year}`} editHref={`/bureau/master-data/inspection-history/${row.id}`} record={row} remove="masterData.inspection.delete" /> : null,
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
