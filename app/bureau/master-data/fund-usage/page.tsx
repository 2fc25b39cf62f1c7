import { filterOptions, institutionCells, institutionColumns, institutionYearFilters, ListView, listQuery, regionFilter } from "@/components/master-data/list-view";
import { RowActions } from "@/components/master-data/row-actions";
import { formatMoney } from "@/lib/i18n/format";
import { listFundUsage } from "@/lib/server/master-data/fund-usage";
import { regionOptions } from "@/lib/server/master-data/regions";
import { INSTITUTION_KINDS, ZFundUsageListQuery } from "@/lib/validation/master-data";
import { listContext } from "../page-context";

export default async function FundUsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, t, db, query, manage } = await listContext(ZFundUsageListQuery, searchParams, { dir: "desc" });
  const [page, regions] = await Promise.all([listFundUsage(db, actor, query), regionOptions(db, actor)]);
  return (
    <ListView
      t={t}
      title={t("masterData.fundUsage.title")}
      description={t("masterData.fundUsage.description")}
      query={listQuery(query)}
      createHref={manage ? "/bureau/master-data/fund-usage/new" : undefined}
      exportHref="/api/master-data/export/fund-usage"
      filters={[
        ...institutionYearFilters(t),
        { name: "kind", label: t("masterData.fields.kind"), options: filterOptions(t, INSTITUTION_KINDS, (v) => t(`masterData.enums.kind.${v}`)) },
        regionFilter(t, regions),
      ]}
      columns={[
        ...institutionColumns(t),
        { id: "year", header: t("masterData.fields.year"), sortKey: "year" },
        { id: "amount", header: t("masterData.fields.amount"), sortKey: "amount", className: "text-right tabular-nums" },
        { id: "actions", header: t("masterData.list.actions") },
      ]}
      rows={page.rows.map((row) => ({
        id: row.id,
        cells: {
          ...institutionCells(row.institution),
          year: row.year,
          amount: formatMoney(row.amount, actor.locale),
          actions: manage ? <RowActions t={t} name={`${row.institution.name} ${row.year}`} editHref={`/bureau/master-data/fund-usage/${row.id}`} record={row} remove="masterData.fundUsage.delete" /> : null,
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
