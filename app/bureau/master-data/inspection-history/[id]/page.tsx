import { RecordPage } from "@/components/master-data/record-page";
import { formBasics, recordContext } from "../../page-context";
import { getInspection } from "@/lib/server/master-data/inspection-history";
import { INSPECTION_LEVELS } from "@/lib/validation/master-data";

const LIST = "/bureau/master-data/inspection-history";

export default async function InspectionRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, t, db, id, creating } = await recordContext(params);
  const row = creating ? null : await getInspection(db, actor, id).catch(() => null);
  return (
    <RecordPage
      t={t}
      title={creating ? t("masterData.inspections.create") : t("masterData.inspections.edit")}
      subtitle={row?.institution.name}
      listHref={LIST}
      found={creating || row !== null}
      form={{
        schema: "inspection",
        ...formBasics(t, row, LIST, "masterData.inspection.create", "masterData.inspection.update"),
        defaults: { institutionCode: row?.institution.nationalCode ?? "", level: row?.level ?? "PROVINCIAL", year: row ? String(row.year) : "", note: row?.note ?? "" },
        fields: [
          { name: "institutionCode", label: t("masterData.fields.institutionCode"), hint: t("masterData.fields.nationalCodeHint"), required: true },
          { name: "level", label: t("masterData.fields.level"), required: true, options: INSPECTION_LEVELS.map((v) => ({ value: v, label: t(`masterData.enums.level.${v}`) })) },
          { name: "year", label: t("masterData.fields.year"), required: true },
          { name: "note", label: t("masterData.fields.note"), wide: true },
        ],
      }}
    />
  );
}
