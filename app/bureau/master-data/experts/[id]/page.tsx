import { RecordPage } from "@/components/master-data/record-page";
import { formBasics, recordContext } from "../../page-context";
import { getExpert } from "@/lib/server/master-data/experts";
import { regionOptions } from "@/lib/server/master-data/regions";
import { EXPERT_POOLS } from "@/lib/validation/master-data";

const LIST = "/bureau/master-data/experts";

export default async function ExpertRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, t, db, id, creating } = await recordContext(params);
  const [row, regions] = await Promise.all([creating ? null : getExpert(db, actor, id).catch(() => null), regionOptions(db, actor)]);
  return (
    <RecordPage
      t={t}
      title={creating ? t("masterData.experts.create") : t("masterData.experts.edit")}
      subtitle={row?.name}
      listHref={LIST}
      found={creating || row !== null}
      form={{
        schema: "expert",
        ...formBasics(t, row, LIST, "masterData.expert.create", "masterData.expert.update"),
        defaults: {
          staffNumber: row?.staffNumber ?? "",
          name: row?.name ?? "",
          pool: row?.pool ?? "EXPERT",
          specialty: row?.specialty ?? "",
          employerCode: row?.employerInstitution?.nationalCode ?? "",
          employerName: row?.employerName ?? "",
          homeRegionId: row?.homeRegion?.id ?? "",
          lastServedYear: row?.lastServedYear ? String(row.lastServedYear) : "",
        },
        fields: [
          { name: "staffNumber", label: t("masterData.fields.staffNumber"), required: true },
          { name: "name", label: t("masterData.fields.personName"), required: true },
          { name: "pool", label: t("masterData.fields.pool"), required: true, options: EXPERT_POOLS.map((v) => ({ value: v, label: t(`masterData.enums.pool.${v}`) })) },
          { name: "specialty", label: t("masterData.fields.specialty") },
          { name: "employerCode", label: t("masterData.fields.employerCode"), hint: t("masterData.fields.employerCodeHint") },
          { name: "employerName", label: t("masterData.fields.employerName") },
          { name: "homeRegionId", label: t("masterData.fields.homeRegion"), options: [{ value: "", label: t("masterData.form.none") }, ...regions.map((r) => ({ value: r.id, label: r.name }))] },
          { name: "lastServedYear", label: t("masterData.fields.lastServedYear") },
        ],
      }}
    />
  );
}
