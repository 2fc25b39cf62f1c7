import { DeclareConflictForm } from "@/components/draws/declare-conflict-form";
import { CommitmentLetter } from "@/components/team/commitment-letter";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { CaseList } from "@/components/cases/case-list";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { listCases } from "@/lib/server/cases/read";
import { COMMITMENT_LETTER_TEXT } from "@/lib/server/plans/commitment-letter";
import { listMyTeamMemberships } from "@/lib/server/plans/teams";

export default async function TeamDashboard() {
  const actor = await requirePortalActor("team");
  const t = await getT();
  const db = getDb();
  const [memberships, cases] = await Promise.all([
    listMyTeamMemberships(db, actor),
    listCases(db, actor),
  ]);
  return (
    <>
      <PageHeader title={t("dashboard.team.title")} description={t("dashboard.team.description")} />
      <Card title={t("team.myTeams")} className="mb-6">
        {memberships.length === 0 ? <EmptyState title={t("team.noTeams")} /> : null}
        <ul className="flex flex-col gap-4">
          {memberships.map((m) => (
            <li key={m.id} className="rounded border border-slate-200 p-4">
              <p className="font-medium">{m.team.name} · {m.team.plan.title}</p>
              <p className="text-sm text-slate-600">{t("plans.inspects", { region: m.team.inspectedRegion.name })} · {t(`plans.teamRoles.${m.role}`)}</p>
              {m.commitmentLetter ? (
                <p className="mt-2 text-sm text-green-700">{t("team.letterSignedAt", { time: formatDateTime(m.commitmentLetter.signedAt, actor.locale) })}</p>
              ) : (
                <>
                  <p className="mt-2 text-sm text-amber-800">{t("team.letterRequired")}</p>
                  <CommitmentLetter teamMemberId={m.id} text={COMMITMENT_LETTER_TEXT} />
                </>
              )}
              <div className="mt-4 border-t border-slate-100 pt-3"><DeclareConflictForm teamMemberId={m.id} label={t("draw.declareConflictFor", { team: m.team.name })} /></div>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("dashboard.team.casesTitle")}>
        {cases.rows.length === 0 ? (
          <EmptyState title={t("dashboard.team.emptyTitle")}>{t("dashboard.team.emptyHint")}</EmptyState>
        ) : (
          <CaseList rows={cases.rows} portal="team" t={t} locale={actor.locale} caption={t("dashboard.team.casesTitle")} />
        )}
      </Card>
    </>
  );
}
