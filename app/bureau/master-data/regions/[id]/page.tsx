import { RecordPage } from "@/components/master-data/record-page";
import { formBasics, recordContext } from "../../page-context";
import { getRegion, regionOptions } from "@/lib/server/master-data/regions";

const LIST = "/bureau/master-data/regions";

export default async function RegionPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, t, db, id, creating } = await recordContext(params);
  const [row, regions] = await Promise.all([creating ? null : getRegion(db, actor, id).catch(() => null), regionOptions(db, actor)]);
  return (
    <RecordPage
      t={t}
      title={creating ? t("masterData.regions.create") : t("masterData.regions.edit")}
      subtitle={row?.name}
      listHref={LIST}
      found={creating || row !== null}
      form={{
        schema: "region",
        ...formBasics(t, row, LIST, "masterData.region.create", "masterData.region.update"),
        defaults: { code: row?.code ?? "", name: row?.name ?? "", mergedIntoId: row?.mergedIntoId ?? "" },
        fields: [
          { name: "code", label: t("masterData.fields.code"), required: true },
          { name: "name", label: t("masterData.fields.name"), required: true },
          { name: "mergedIntoId", label: t("masterData.fields.mergedInto"), hint: t("masterData.fields.mergedIntoHint"), options: [{ value: "", label: t("masterData.form.none") }, ...regions.filter((r) => r.id !== row?.id).map((r) => ({ value: r.id, label: r.name }))] },
        ],
      }}
    />
  );
}
