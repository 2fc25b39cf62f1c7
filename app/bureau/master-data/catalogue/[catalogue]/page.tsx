import { notFound } from "next/navigation";
import { ListView, listQuery, statusFilter } from "@/components/master-data/list-view";
import { RowActions } from "@/components/master-data/row-actions";
import { CATALOGUES, listCatalogue, type Catalogue } from "@/lib/server/master-data/catalogue";
import { ZCatalogueListQuery } from "@/lib/validation/master-data";
import { listContext } from "../../page-context";

const CATALOGUE_TEXT = {
  "violation-types": { title: "masterData.catalogue.violationTypes", description: "masterData.catalogue.violationTypesDescription" },
  "key-areas": { title: "masterData.catalogue.keyAreas", description: "masterData.catalogue.keyAreasDescription" },
} as const;

export default async function CataloguePage({ params, searchParams }: { params: Promise<{ catalogue: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, t, db, query, manage } = await listContext(ZCatalogueListQuery, searchParams);
  const { catalogue } = await params;
  if (!(CATALOGUES as readonly string[]).includes(catalogue)) notFound();
  const which = catalogue as Catalogue;
  const page = await listCatalogue(db, actor, which, query);
  const base = `/bureau/master-data/catalogue/${which}`;
  return (
    <ListView
      t={t}
      title={t(CATALOGUE_TEXT[which].title)}
      description={t(CATALOGUE_TEXT[which].description)}
      query={listQuery(query)}
      createHref={manage ? `${base}/new` : undefined}
      exportHref={`/api/master-data/export/${which}`}
      filters={[{ name: "q", label: t("masterData.list.searchLabel") }, statusFilter(t)]}
      columns={[
        { id: "code", header: t("masterData.fields.code"), sortKey: "code", className: "font-mono" },
        { id: "name", header: t("masterData.fields.name"), sortKey: "name" },
        { id: "legalBasis", header: t("masterData.fields.legalBasis") },
        { id: "status", header: t("masterData.list.status") },
        { id: "actions", header: t("masterData.list.actions") },
      ]}
      rows={page.rows.map((row) => ({
        id: row.id,
        cells: {
          code: row.code,
          name: row.name,
          legalBasis: row.legalBasis ?? "—",
          status: row.active ? t("masterData.list.statusActive") : t("masterData.list.statusInactive"),
          actions: manage ? <RowActions t={t} name={row.name} editHref={`${base}/${row.id}`} record={row} setActive="masterData.catalogue.setActive" bound={{ catalogue: which }} /> : null,
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
