import { filterOptions, ListView, listQuery, regionFilter } from "@/components/master-data/list-view";
import { RowActions } from "@/components/master-data/row-actions";
import { formatMoney } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { listFundUsage } from "@/lib/server/master-data/fund-usage";
import { regionOptions } from "@/lib/server/master-data/regions";
import { can } from "@/lib/server/policy/policy";
import { INSTITUTION_KINDS, ZFundUsageListQuery } from "@/lib/validation/master-data";
import { deleteFundUsageAction } from "../actions";
import { paramsOf } from "../sections";

export default async function FundUsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("masterData.read");
  const t = await getT();
  const db = getDb();
  const query = ZFundUsageListQuery.parse({ dir: "desc", ...(await paramsOf(searchParams)) });
  const [page, regions] = await Promise.all([listFundUsage(db, actor, query), regionOptions(db, actor)]);
  const manage = can(actor, "masterData.manage");
  return (
    <ListView
      t={t}
      title={t("masterData.fundUsage.title")}
      description={t("masterData.fundUsage.description")}
      query={listQuery(query)}
      createHref={manage ? "/bureau/master-data/fund-usage/new" : undefined}
      exportHref="/api/master-data/export/fund-usage"
      filters={[
        { name: "q", label: t("masterData.list.searchLabel"), hint: t("masterData.fundUsage.searchHint") },
        { name: "year", label: t("masterData.fields.year") },
        { name: "kind", label: t("masterData.fields.kind"), options: filterOptions(t, INSTITUTION_KINDS, (v) => t(`masterData.enums.kind.${v}`)) },
        regionFilter(t, regions),
      ]}
      columns={[
        { id: "nationalCode", header: t("masterData.fields.nationalCode"), sortKey: "nationalCode", className: "font-mono" },
        { id: "name", header: t("masterData.fields.institutionName"), sortKey: "name" },
        { id: "region", header: t("masterData.fields.region") },
        { id: "year", header: t("masterData.fields.year"), sortKey: "year" },
        { id: "amount", header: t("masterData.fields.amount"), sortKey: "amount", className: "text-right tabular-nums" },
        { id: "actions", header: t("masterData.list.actions") },
      ]}
      rows={page.rows.map((row) => ({
        id: row.id,
        cells: {
          nationalCode: row.institution.nationalCode,
          name: row.institution.name,
          region: row.institution.poolingRegion.name,
          year: row.year,
          amount: formatMoney(row.amount, actor.locale),
          actions: manage ? <RowActions t={t} name={`${row.institution.name} ${row.year}`} editHref={`/bureau/master-data/fund-usage/${row.id}`} record={row} remove={deleteFundUsageAction} /> : null,
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
