import { RecordPage } from "@/components/master-data/record-page";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { getFundUsage } from "@/lib/server/master-data/fund-usage";
import { createFundUsageAction, updateFundUsageAction } from "../../actions";

const LIST = "/bureau/master-data/fund-usage";

export default async function FundUsageRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("masterData.manage");
  const t = await getT();
  const { id } = await params;
  const creating = id === "new";
  const row = creating ? null : await getFundUsage(getDb(), actor, id).catch(() => null);
  return (
    <RecordPage
      t={t}
      title={creating ? t("masterData.fundUsage.create") : t("masterData.fundUsage.edit")}
      subtitle={row?.institution.name}
      listHref={LIST}
      found={creating || row !== null}
      form={{
        schema: "fundUsage",
        action: row ? updateFundUsageAction.bind(null, row.id, row.version) : createFundUsageAction,
        successText: row ? t("masterData.form.saved") : t("masterData.form.created"),
        afterCreateHref: row ? undefined : LIST,
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
