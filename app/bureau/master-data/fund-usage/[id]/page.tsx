import { RecordPage } from "@/components/master-data/record-page";
import { formBasics, recordContext } from "../../page-context";
import { getFundUsage } from "@/lib/server/master-data/fund-usage";

const LIST = "/bureau/master-data/fund-usage";

export default async function FundUsageRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, t, db, id, creating } = await recordContext(params);
  const row = creating ? null : await getFundUsage(db, actor, id).catch(() => null);
  return (
    <RecordPage
      t={t}
      title={creating ? t("masterData.fundUsage.create") : t("masterData.fundUsage.edit")}
      subtitle={row?.institution.name}
      listHref={LIST}
      found={creating || row !== null}
      form={{
        schema: "fundUsage",
        ...formBasics(t, row, LIST, "masterData.fundUsage.create", "masterData.fundUsage.update"),
        defaults: { institutionCode: row?.institution.nationalCode ?? "", year: row ? String(row.year) : "", amount: row?.amount ?? "" },
        fields: [
          { name: "institutionCode", label: t("masterData.fields.institutionCode"), hint: t("masterData.fields.nationalCodeHint"), required: true },
          { name: "year", label: t("masterData.fields.year"), required: true },
          { name: "amount", label: t("masterData.fields.amount"), hint: t("masterData.fields.amountHint"), required: true },
        ],
      }}
    />
  );
}
