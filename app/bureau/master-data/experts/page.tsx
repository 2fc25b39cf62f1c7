import { filterOptions, ListView, listQuery, regionFilter, statusFilter } from "@/components/master-data/list-view";
import { RowActions } from "@/components/master-data/row-actions";
import { listExperts } from "@/lib/server/master-data/experts";
import { regionOptions } from "@/lib/server/master-data/regions";
import { EXPERT_POOLS, ZExpertListQuery } from "@/lib/validation/master-data";
import { listContext } from "../page-context";

export default async function ExpertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, t, db, query, manage } = await listContext(ZExpertListQuery, searchParams);
  const [page, regions] = await Promise.all([listExperts(db, actor, query), regionOptions(db, actor)]);
  return (
    <ListView
      t={t}
      title={t("masterData.experts.title")}
      description={t("masterData.experts.description")}
      query={listQuery(query)}
      createHref={manage ? "/bureau/master-data/experts/new" : undefined}
      exportHref="/api/master-data/export/experts"
      filters={[
        { name: "q", label: t("masterData.list.searchLabel"), hint: t("masterData.experts.searchHint") },
        { name: "pool", label: t("masterData.fields.pool"), options: filterOptions(t, EXPERT_POOLS, (v) => t(`masterData.enums.pool.${v}`)) },
        regionFilter(t, regions, "region", t("masterData.fields.homeRegion")),
        statusFilter(t),
      ]}
      columns={[
        { id: "staffNumber", header: t("masterData.fields.staffNumber"), sortKey: "staffNumber", className: "font-mono" },
        { id: "name", header: t("masterData.fields.personName"), sortKey: "name" },
        { id: "pool", header: t("masterData.fields.pool") },
        { id: "specialty", header: t("masterData.fields.specialty"), sortKey: "specialty" },
        { id: "employer", header: t("masterData.fields.employer") },
        { id: "region", header: t("masterData.fields.homeRegion"), sortKey: "region" },
        { id: "lastServedYear", header: t("masterData.fields.lastServedYear") },
        { id: "status", header: t("masterData.list.status") },
        { id: "actions", header: t("masterData.list.actions") },
      ]}
      rows={page.rows.map((row) => ({
        id: row.id,
        cells: {
          staffNumber: row.staffNumber,
          name: row.name,
          pool: t(`masterData.enums.pool.${row.pool}`),
          specialty: row.specialty ?? "—",
          employer: row.employerInstitution?.name ?? row.employerName ?? "—",
          region: row.homeRegion?.name ?? "—",
          lastServedYear: row.lastServedYear ?? "—",
          status: row.active ? t("masterData.list.statusActive") : t("masterData.list.statusInactive"),
          actions: manage ? <RowActions t={t} name={`${row.name}（${row.staffNumber}）`} editHref={`/bureau/master-data/experts/${row.id}`} record={row} setActive="masterData.expert.setActive" /> : null,
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
