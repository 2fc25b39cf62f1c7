import Link from "next/link";
import { CreatePlanForm } from "@/components/plans/plan-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { listPlans } from "@/lib/server/plans/plans";
import { can } from "@/lib/server/policy/policy";

export default async function PlansPage() {
  const actor = await requirePageActor("plan.read");
  const t = await getT();
  const plans = await listPlans(getDb(), actor);
  return (
    <>
      <PageHeader title={t("plans.title")} description={t("plans.description")} />
      {can(actor, "plan.create") ? (
        <Card title={t("plans.createTitle")} className="mb-6">
          <CreatePlanForm />
        </Card>
      ) : null}
      {plans.length === 0 ? (
        <EmptyState title={t("plans.empty")} />
      ) : (
        <Table caption={t("plans.title")} head={<tr><Th>{t("plans.planTitle")}</Th><Th>{t("plans.year")}</Th><Th>{t("plans.level")}</Th><Th>{t("plans.period")}</Th><Th>{t("plans.targets")}</Th><Th>{t("plans.teams")}</Th><Th>{t("common.status")}</Th></tr>}>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <Td><Link href={`/bureau/plans/${plan.id}`} className="text-brand-700 hover:underline">{plan.title}</Link></Td>
              <Td>{plan.year}</Td>
              <Td>{t(`plans.levels.${plan.level}`)}</Td>
              <Td className="whitespace-nowrap">{formatDate(plan.periodStart, actor.locale)} – {formatDate(plan.periodEnd, actor.locale)}</Td>
              <Td>{plan._count.cases}</Td>
              <Td>{plan._count.teams}</Td>
              <Td>{t(`plans.statuses.${plan.status}`)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
