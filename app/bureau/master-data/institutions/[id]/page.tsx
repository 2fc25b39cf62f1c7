import { RecordPage } from "@/components/master-data/record-page";
import { formBasics, recordContext } from "../../page-context";
import { getInstitution } from "@/lib/server/master-data/institutions";
import { regionOptions } from "@/lib/server/master-data/regions";
import { HOSPITAL_TIERS, INSTITUTION_KINDS } from "@/lib/validation/master-data";

const LIST = "/bureau/master-data/institutions";

export default async function InstitutionPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, t, db, id, creating } = await recordContext(params);
  const [row, regions] = await Promise.all([creating ? null : getInstitution(db, actor, id).catch(() => null), regionOptions(db, actor)]);
  return (
    <RecordPage
      t={t}
      title={creating ? t("masterData.institutions.create") : t("masterData.institutions.edit")}
      subtitle={row?.name}
      listHref={LIST}
      found={creating || row !== null}
      form={{
        schema: "institution",
        ...formBasics(t, row, LIST, "masterData.institution.create", "masterData.institution.update"),
        defaults: {
          nationalCode: row?.nationalCode ?? "",
          name: row?.name ?? "",
          kind: row?.kind ?? "HOSPITAL",
          hospitalTier: row?.hospitalTier ?? "",
          unifiedSocialCreditCode: row?.unifiedSocialCreditCode ?? "",
          poolingRegionId: row?.poolingRegion.id ?? "",
          address: row?.address ?? "",
        },
        fields: [
          { name: "nationalCode", label: t("masterData.fields.nationalCode"), hint: t("masterData.fields.nationalCodeHint"), required: true },
          { name: "name", label: t("masterData.fields.institutionName"), required: true },
          { name: "kind", label: t("masterData.fields.kind"), required: true, options: INSTITUTION_KINDS.map((v) => ({ value: v, label: t(`masterData.enums.kind.${v}`) })) },
          { name: "hospitalTier", label: t("masterData.fields.hospitalTier"), hint: t("masterData.fields.hospitalTierHint"), options: [{ value: "", label: t("masterData.form.none") }, ...HOSPITAL_TIERS.map((v) => ({ value: v, label: t(`masterData.enums.tier.${v}`) }))] },
          { name: "unifiedSocialCreditCode", label: t("masterData.fields.creditCode") },
          { name: "poolingRegionId", label: t("masterData.fields.region"), required: true, options: [{ value: "", label: t("masterData.form.choose") }, ...regions.map((r) => ({ value: r.id, label: r.name }))] },
          { name: "address", label: t("masterData.fields.address"), wide: true },
        ],
      }}
    />
  );
}
