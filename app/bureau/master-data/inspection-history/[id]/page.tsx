import { RecordPage } from "@/components/master-data/record-page";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { getInspection } from "@/lib/server/master-data/inspection-history";
import { INSPECTION_LEVELS } from "@/lib/validation/master-data";
import { createInspectionAction, updateInspectionAction } from "../../actions";

const LIST = "/bureau/master-data/inspection-history";

export default async function InspectionRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("masterData.manage");
  const t = await getT();
  const { id } = await params;
  const creating = id === "new";
  const row = creating ? null : await getInspection(getDb(), actor, id).catch(() => null);
  return (
    <RecordPage
      t={t}
      title={creating ? t("masterData.inspections.create") : t("masterData.inspections.edit")}
      subtitle={row?.institution.name}
      listHref={LIST}
      found={creating || row !== null}
      form={{
        schema: "inspection",
        action: row ? updateInspectionAction.bind(null, row.id, row.version) : createInspectionAction,
        successText: row ? t("masterData.form.saved") : t("masterData.form.created"),
        afterCreateHref: row ? undefined : LIST,
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
