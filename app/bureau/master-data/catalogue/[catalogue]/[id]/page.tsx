import { notFound } from "next/navigation";
import { RecordPage } from "@/components/master-data/record-page";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { CATALOGUES, getCatalogueEntry, type Catalogue } from "@/lib/server/master-data/catalogue";
import { createCatalogueEntryAction, updateCatalogueEntryAction } from "../../../actions";

export default async function CatalogueEntryPage({ params }: { params: Promise<{ catalogue: string; id: string }> }) {
  const actor = await requirePageActor("masterData.manage");
  const { catalogue, id } = await params;
  if (!(CATALOGUES as readonly string[]).includes(catalogue)) notFound();
  const which = catalogue as Catalogue;
  const t = await getT();
  const creating = id === "new";
  const row = creating ? null : await getCatalogueEntry(getDb(), actor, which, id).catch(() => null);
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
        action: row ? updateCatalogueEntryAction.bind(null, which, row.id, row.version) : createCatalogueEntryAction.bind(null, which),
        successText: row ? t("masterData.form.saved") : t("masterData.form.created"),
        afterCreateHref: row ? undefined : list,
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
