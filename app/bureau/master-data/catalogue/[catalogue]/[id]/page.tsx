import { notFound } from "next/navigation";
import { RecordPage } from "@/components/master-data/record-page";
import { formBasics, recordContext } from "../../../page-context";
import { CATALOGUES, getCatalogueEntry, type Catalogue } from "@/lib/server/master-data/catalogue";

export default async function CatalogueEntryPage({ params }: { params: Promise<{ catalogue: string; id: string }> }) {
  const { actor, t, db, id, creating } = await recordContext(params);
  const { catalogue } = await params;
  if (!(CATALOGUES as readonly string[]).includes(catalogue)) notFound();
  const which = catalogue as Catalogue;
  const row = creating ? null : await getCatalogueEntry(db, actor, which, id).catch(() => null);
  const list = `/bureau/master-data/catalogue/${which}`;
  const title = which === "violation-types" ? t("masterData.catalogue.violationTypes") : t("masterData.catalogue.keyAreas");
  return (
    <RecordPage
      t={t}
      title={`${title} · ${creating ? t("masterData.catalogue.create") : t("masterData.catalogue.edit")}`}
      subtitle={row?.name}
      listHref={list}
      found={creating || row !== null}
      form={{
        schema: "catalogue",
        ...formBasics(t, row, list, "masterData.catalogue.create", "masterData.catalogue.update", { catalogue: which }),
        defaults: { code: row?.code ?? "", name: row?.name ?? "", legalBasis: row?.legalBasis ?? "", description: row?.description ?? "" },
        fields: [
          { name: "code", label: t("masterData.fields.code"), required: true },
          { name: "name", label: t("masterData.fields.name"), required: true },
          { name: "legalBasis", label: t("masterData.fields.legalBasis"), wide: true },
          { name: "description", label: t("masterData.fields.description"), wide: true },
        ],
      }}
    />
  );
}
