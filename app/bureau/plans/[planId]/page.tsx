import Link from "next/link";
import { notFound } from "next/navigation";
import { AddMemberForm, AddTargetForm, CreateTeamForm } from "@/components/plans/plan-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { stateMessageKey } from "@/lib/domain/case/workflow";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { isDomainError } from "@/lib/server/errors";
import { listPoolingRegions } from "@/lib/server/organizations/organizations";
import { getPlanOrThrow, listTargetableInstitutions } from "@/lib/server/plans/plans";
import { listInspectors } from "@/lib/server/plans/teams";
import { can } from "@/lib/server/policy/policy";
import { addTargetAction, addTeamMemberAction, createTeamAction } from "../actions";


export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const actor = await requirePageActor("plan.read");
  const { planId } = await params;
  const t = await getT();
  const db = getDb();
  const plan = await getPlanOrThrow(db, actor, planId).catch((error: unknown) => (isDomainError(error) && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
  if (!plan) notFound();
  const canManage = can(actor, "team.manage");
  const [regions, inspectors, institutions] = canManage
    ? await Promise.all([listPoolingRegions(db, actor), listInspectors(db, actor), listTargetableInstitutions(db, actor)])
    : [[], [], []];
  return (
    <>
      <PageHeader title={plan.title} description={t("plans.summary", { year: plan.year, start: formatDate(plan.periodStart, actor.locale), end: formatDate(plan.periodEnd, actor.locale) })} />

      <Card title={t("plans.teams")} className="mb-6">
        {plan.teams.length === 0 ? <EmptyState title={t("plans.noTeams")} /> : null}
        <div className="flex flex-col gap-5">
          {plan.teams.map((team) => (
            <section key={team.id} aria-label={team.name} className="rounded border border-slate-200 p-4">
              <h3 className="font-medium">{team.name} <span className="text-sm font-normal text-slate-500">· {t("plans.inspects", { region: team.inspectedRegion.name })}</span></h3>
              <ul className="my-3 text-sm">
                {team.members.map((m) => (
                  <li key={m.id}>
                    {m.user?.displayName ?? "—"}（{t(`plans.teamRoles.${m.role}`)}{m.isLawEnforcement ? `，${t("plans.lawEnforcement")}` : ""}）
                    <span className="ml-2 text-slate-500">{m.commitmentLetter ? t("plans.letterSigned") : t("plans.letterPending")}</span>
                  </li>
                ))}
              </ul>
              {canManage ? <AddMemberForm teamId={team.id} teamName={team.name} inspectors={inspectors.map((p) => ({ id: p.id, label: `${p.displayName}（${p.staffNumber ?? p.username}）` }))} action={addTeamMemberAction} /> : null}
            </section>
          ))}
        </div>
        {canManage ? (
          <div className="mt-5 border-t border-slate-200 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-700">{t("plans.createTeamTitle")}</h3>
            <CreateTeamForm planId={plan.id} regions={regions.map((r) => ({ id: r.id, label: r.name }))} action={createTeamAction} />
          </div>
        ) : null}
      </Card>

      <Card title={t("plans.targets")}>
        {plan.cases.length === 0 ? (
          <EmptyState title={t("plans.noTargets")} />
        ) : (
          <Table caption={t("plans.targets")} head={<tr><Th>{t("plans.institution")}</Th><Th>{t("plans.nationalCode")}</Th><Th>{t("plans.team")}</Th><Th>{t("plans.designationReason")}</Th><Th>{t("common.status")}</Th></tr>}>
            {plan.cases.map((c) => (
              <tr key={c.id}>
                <Td><Link href={`/bureau/cases/${c.id}`} className="text-brand-700 hover:underline">{c.institution.name}</Link></Td>
                <Td>{c.institution.nationalCode}</Td>
                <Td>{c.team?.name ?? "—"}</Td>
                <Td>{c.designationReason ?? "—"}</Td>
                <Td>{t(stateMessageKey(c.state))}</Td>
              </tr>
            ))}
          </Table>
        )}
        {can(actor, "plan.manageTargets") && plan.teams.length > 0 ? (
          <div className="mt-5 border-t border-slate-200 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-700">{t("plans.addTargetTitle")}</h3>
            <AddTargetForm planId={plan.id} institutions={institutions.map((i) => ({ id: i.id, label: `${i.name}（${i.nationalCode}）` }))} teams={plan.teams.map((team) => ({ id: team.id, label: team.name }))} action={addTargetAction} />
          </div>
        ) : null}
      </Card>
    </>
  );
}
