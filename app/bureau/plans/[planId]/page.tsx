import Link from "next/link";
import { notFound } from "next/navigation";
import { DeclareConflictForm } from "@/components/draws/declare-conflict-form";
import { DrawList } from "@/components/draws/draw-list";
import { CommandButton } from "@/components/plans/command-button";
import { Disclosure } from "@/components/plans/disclosure";
import { AddPhaseForm, CeremonyPartyForm, DesignateTargetForm, ExclusionWindowForm, ParticipatingRegionForm, PlanKeyAreaForm, PlanRegionForm, PlanSettingsForm } from "@/components/plans/plan-editor-forms";
import { AddMemberForm, AddTargetForm, CreateTeamForm } from "@/components/plans/plan-forms";
import { RegionRulesTable, RemoveButton } from "@/components/plans/plan-rules";
import { planSettingsDefaults } from "@/components/plans/plan-settings-defaults";
import { PlanSummary } from "@/components/plans/plan-summary";
import { PublicationChecklist } from "@/components/plans/publication-checklist";
import { Card, EmptyState, Notice, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { caseStateLabelKey } from "@/lib/domain/case/state-label";
import { formatDate, formatYearSpan } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { isDomainError } from "@/lib/server/errors";
import { listPoolingRegions } from "@/lib/server/organizations/organizations";
import { getPlanOrThrow, listKeyAreaOptions, listTargetableInstitutions } from "@/lib/server/plans/plans";
import { listInspectors } from "@/lib/server/plans/teams";
import { can } from "@/lib/server/policy/policy";

export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const actor = await requirePageActor("plan.read");
  const { planId } = await params;
  const t = await getT();
  const db = getDb();
  const plan = await getPlanOrThrow(db, actor, planId).catch((error: unknown) => (isDomainError(error) && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
  if (!plan) notFound();
  const canManage = can(actor, "team.manage");
  const draft = plan.status === "DRAFT" && can(actor, "plan.create");
  const canDraw = plan.status === "PUBLISHED" && can(actor, "draw.run");
  const [regions, inspectors, institutions] = canManage
    ? await Promise.all([listPoolingRegions(db, actor), listInspectors(db, actor), listTargetableInstitutions(db, actor, plan.id)])
    : [[], [], []];
  // A draft nobody has acted on may be thrown away (the service says why not otherwise).
  const deletable = draft && plan.draws.length === 0 && plan.cases.length === 0 && plan.teams.length === 0;
  const keyAreaOptions = draft ? (await listKeyAreaOptions(db, actor)).map((k) => ({ id: k.id, label: `${k.name}（${k.code}）` })) : [];
  const regionOptions = regions.map((r) => ({ id: r.id, label: `${r.name}（${r.code}）` }));
  const institutionOptions = institutions.map((i) => ({ id: i.id, label: `${i.name}（${i.nationalCode}）` }));
  const remove = draft;
  const teamDraw = plan.draws.filter((d) => d.kind === "TEAMS" && d.status !== "SUPERSEDED" && d.status !== "STOPPED");
  const drawHref = (id: string) => `/bureau/plans/${plan.id}/draws/${id}`;
  const regionRows = plan.inspectedRegions.map((r) => ({
    ...r,
    name: r.poolingRegion.name,
    code: r.poolingRegion.code,
    designated: r.designatedTargets.map((d) => ({ id: d.id, institution: d.institution.name, code: d.institution.nationalCode, kind: d.kind, reason: d.reason })),
  }));

  return (
    <>
      <PageHeader
        title={plan.title}
        description={t("plans.summary", { year: plan.year, start: formatDate(plan.periodStart, actor.locale), end: formatDate(plan.periodEnd, actor.locale) })}
        actions={
          <>
            <span className="self-center rounded bg-slate-100 px-2 py-1 text-sm text-slate-700">{t("plans.editor.statusLine", { status: t(`plans.statuses.${plan.status}`), revision: plan.revision })}</span>
            {plan.cases.length > 0 ? (
              <a href={`/api/v1/plans/${plan.id}/statistics`} className="self-center rounded border border-brand-200 px-3 py-2 text-sm text-brand-700 hover:bg-brand-50" data-testid="plan-report">{t("statistics.report.download")}</a>
            ) : null}
            {draft ? <CommandButton label={t("plans.editor.publish")} payload={{ planId: plan.id }} operation="plan.publish" confirmText={t("plans.editor.publishConfirm")} /> : null}
            {deletable ? <CommandButton label={t("plans.editor.delete")} payload={{ planId: plan.id }} operation="plan.delete" variant="secondary" doneHref="/bureau/plans" confirmText={t("plans.editor.deleteConfirm")} /> : null}
            {plan.status === "PUBLISHED" && !plan.supersededBy && can(actor, "plan.create") && plan.draws.length === 0 ? (
              <CommandButton label={t("plans.editor.revise")} payload={{ planId: plan.id }} operation="plan.revise" variant="secondary" hrefPrefix="/bureau/plans/" confirmText={t("plans.editor.reviseConfirm")} />
            ) : null}
          </>
        }
      />
      <div className="mb-6 flex flex-col gap-2">
        {plan.status === "DRAFT" ? <Notice>{t("plans.editor.draftNotice")}</Notice> : null}
        {draft ? (
          <PublicationChecklist
            plan={{ level: plan.level, parties: plan.ceremonyParties.length, regions: plan.inspectedRegions.length, participating: plan.participatingRegions.length, referenceYears: plan.referenceYears.length, teams: plan.teams.length }}
            t={t}
          />
        ) : null}
        {plan.status === "PUBLISHED" ? <Notice>{t("plans.editor.publishedNotice")}</Notice> : null}
        {plan.status === "ARCHIVED" && plan.supersededBy ? <Notice><Link className="underline" href={`/bureau/plans/${plan.supersededBy.id}`}>{t("plans.editor.archivedNotice", { revision: plan.supersededBy.revision })}</Link></Notice> : null}
        {plan.supersedes ? <Notice><Link className="underline" href={`/bureau/plans/${plan.supersedes.id}`}>{t("plans.editor.revisionOf", { revision: plan.supersedes.revision })}</Link></Notice> : null}
      </div>

      <Card title={t("plans.editor.settingsTitle")} className="mb-6">
        <PlanSummary plan={plan} t={t} locale={actor.locale} />
        {draft ? (
          <Disclosure label={t("plans.editor.editSettings")} initiallyOpen={!plan.documentNumber}>
            <PlanSettingsForm defaults={planSettingsDefaults(plan)} />
          </Disclosure>
        ) : null}
      </Card>

      <Card title={t("plans.editor.phasesTitle")} className="mb-6">
        {plan.phases.length === 0 ? <EmptyState title={t("plans.editor.noPhases")} /> : (
          <ul className="mb-4 space-y-1 text-sm">
            {plan.phases.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{p.title ?? t(`plans.phases.${p.kind}`)}</span>
                <span className="text-slate-600">{p.startsOn ? t("plans.editor.phaseRange", { start: formatDate(p.startsOn, actor.locale), end: formatDate(p.endsOn, actor.locale) }) : t("plans.editor.phaseBy", { end: formatDate(p.endsOn, actor.locale) })}</span>
                <RemoveButton planId={plan.id} kind="phase" itemId={p.id} label={p.title ?? t(`plans.phases.${p.kind}`)} removable={remove} t={t} />
              </li>
            ))}
          </ul>
        )}
        {draft ? <AddPhaseForm planId={plan.id} /> : null}
      </Card>

      <Card title={t("plans.editor.regionsTitle")} className="mb-6">
        <p className="mb-3 text-sm text-slate-600">{t("plans.editor.regionsIntro")}</p>
        {regionRows.length === 0 ? <EmptyState title={t("plans.editor.noRegions")} /> : (
          <RegionRulesTable
            planId={plan.id}
            rows={regionRows}
            remove={remove}
            t={t}
            extra={(row) => {
              const draws = plan.draws.filter((d) => d.planRegionId === row.id);
              const open = draws.find((d) => d.status !== "SUPERSEDED" && d.status !== "STOPPED");
              if (open) return <Link href={drawHref(open.id)} className="text-sm text-brand-700 hover:underline">{t(`draw.statusLink.${open.status}`)}</Link>;
              return canDraw ? <CommandButton label={t("draw.fixTargetDraw")} payload={{ planId: plan.id, planRegionId: row.id }} operation="draw.fixTargetDraw" hrefPrefix={drawHref("")} /> : null;
            }}
          />
        )}
        {draft ? (
          <div className="mt-5 flex flex-col gap-6 border-t border-slate-200 pt-4">
            <div><h3 className="mb-3 text-sm font-semibold text-slate-700">{t("plans.editor.regionFormTitle")}</h3><PlanRegionForm planId={plan.id} regions={regionOptions} /></div>
            {regionRows.length > 0 ? (
              <div><h3 className="mb-3 text-sm font-semibold text-slate-700">{t("plans.editor.designateTitle")}</h3><DesignateTargetForm planId={plan.id} regions={regionRows.map((r) => ({ id: r.id, label: r.name }))} /></div>
            ) : null}
          </div>
        ) : null}
      </Card>

      <Card title={t("plans.editor.keyAreasTitle")} className="mb-6">
        <p className="mb-3 text-sm text-slate-600">{t("plans.editor.keyAreasIntro")}</p>
        {plan.keyAreas.length === 0 ? <p className="mb-4 text-sm text-slate-500">{t("plans.editor.noKeyAreas")}</p> : (
          <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t("plans.editor.keyAreasTitle")}>
            {plan.keyAreas.map((k) => (
              <li key={k.keyAreaId} className="flex items-center gap-2 rounded border border-slate-200 px-2 py-1">{k.keyArea.name}<RemoveButton planId={plan.id} kind="keyArea" itemId={k.keyAreaId} label={k.keyArea.name} removable={remove} t={t} /></li>
            ))}
          </ul>
        )}
        {draft ? <PlanKeyAreaForm planId={plan.id} keyAreas={keyAreaOptions.filter((k) => !plan.keyAreas.some((p) => p.keyAreaId === k.id))} /> : null}
      </Card>

      <div className="mb-6 grid gap-6 lg:grid-cols-3">
        <Card title={t("plans.editor.participatingTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("plans.editor.participatingIntro")}</p>
          <ul className="mb-4 space-y-1 text-sm">
            {plan.participatingRegions.map((p) => (
              <li key={p.poolingRegionId} className="flex items-center gap-2">{p.poolingRegion.name}<RemoveButton planId={plan.id} kind="participating" itemId={p.poolingRegionId} label={p.poolingRegion.name} removable={remove} t={t} /></li>
            ))}
          </ul>
          {draft ? <ParticipatingRegionForm planId={plan.id} regions={regionOptions} /> : null}
        </Card>
        <Card title={t("plans.editor.windowsTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("plans.editor.windowsIntro")}</p>
          <ul className="mb-4 space-y-1 text-sm">
            {plan.exclusionWindows.map((w) => {
              const label = t("plans.editor.windowText", { level: t(`plans.inspectionLevels.${w.level}`), years: formatYearSpan(w.fromYear, w.toYear) });
              return <li key={w.id} className="flex items-center gap-2">{label}<RemoveButton planId={plan.id} kind="window" itemId={w.id} label={label} removable={remove} t={t} /></li>;
            })}
          </ul>
          {draft ? <ExclusionWindowForm planId={plan.id} year={plan.year} /> : null}
        </Card>
        <Card title={t("plans.editor.partiesTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("plans.editor.partiesIntro")}</p>
          <ol className="mb-4 list-decimal space-y-1 pl-5 text-sm">
            {plan.ceremonyParties.map((p) => (
              <li key={p.id}><span className="inline-flex items-center gap-2">{p.name}<span className="text-xs text-slate-500">{p.code}</span><RemoveButton planId={plan.id} kind="party" itemId={p.id} label={p.name} removable={remove} t={t} /></span></li>
            ))}
          </ol>
          {draft ? <CeremonyPartyForm planId={plan.id} /> : null}
        </Card>
      </div>

      {/* A plan whose targets are named by hand (no drawing rules, no draw) has no ceremony to show. */}
      {plan.inspectedRegions.length > 0 || plan.draws.length > 0 ? (
        <Card title={t("draw.sectionTitle")} className="mb-6">
          <p className="mb-3 text-sm text-slate-600">{plan.status === "PUBLISHED" ? t("draw.sectionIntro") : t("draw.sectionNeedsPublished")}</p>
          {canDraw && teamDraw.length === 0 && plan.teams.length === 0 && plan.participatingRegions.length > 0 ? (
            <div className="mb-4"><CommandButton label={t("draw.fixTeamDraw")} payload={{ planId: plan.id }} operation="draw.fixTeamDraw" hrefPrefix={drawHref("")} confirmText={t("draw.fixConfirm")} /></div>
          ) : null}
          <DrawList draws={plan.draws} regions={new Map(regionRows.map((r) => [r.id, r.name]))} href={drawHref} t={t} locale={actor.locale} />
        </Card>
      ) : null}

      <Card title={t("plans.teams")} className="mb-6">
        {plan.teams.length === 0 ? <EmptyState title={t("plans.noTeams")} /> : null}
        <div className="flex flex-col gap-5">
          {plan.teams.map((team) => {
            const lawEnforcement = team.members.filter((m) => m.isLawEnforcement && !m.withdrawnAt).length;
            return (
              <section key={team.id} aria-label={team.name} className="rounded border border-slate-200 p-4">
                <h3 className="font-medium">{team.name} <span className="text-sm font-normal text-slate-500">· {t("plans.inspects", { region: team.inspectedRegion.name })}</span></h3>
                {team.drawId && lawEnforcement < 2 ? <p className="mt-2 text-sm text-amber-800">{t("draw.lawEnforcementNeeded", { count: lawEnforcement })}</p> : null}
                <ul className="my-3 text-sm">
                  {team.members.map((m) => (
                    <li key={m.id} className={m.withdrawnAt ? "text-slate-400 line-through" : ""}>
                      {m.user?.displayName ?? m.expert?.name ?? "—"}（{t(`plans.teamRoles.${m.role}`)}{m.isLawEnforcement ? `，${t("plans.lawEnforcement")}` : ""}{m.source !== "MANUAL" ? `，${t(`draw.memberSources.${m.source}`)}` : ""}）
                      <span className="ml-2 text-slate-500">{m.withdrawnAt ? t("draw.withdrawn", { reason: m.withdrawReason ?? "" }) : m.commitmentLetter ? t("plans.letterSigned") : t("plans.letterPending")}</span>
                      {canManage && !m.withdrawnAt && !m.commitmentLetter && !m.userId ? (
                        <CommandButton className="ml-2" variant="secondary" label={t("draw.recordPaperLetter")} payload={{ teamMemberId: m.id }} operation="team.recordPaperLetter" confirmText={t("draw.recordPaperLetterConfirm", { name: m.expert?.name ?? "" })} />
                      ) : null}
                    </li>
                  ))}
                </ul>
                {can(actor, "conflict.declare") && team.members.some((m) => !m.withdrawnAt) ? (
                  <div className="mb-3"><DeclareConflictForm members={team.members.filter((m) => !m.withdrawnAt).map((m) => ({ id: m.id, label: `${m.user?.displayName ?? m.expert?.name ?? "—"}（${t(`plans.teamRoles.${m.role}`)}）` }))} label={t("draw.declareConflictFor", { team: team.name })} /></div>
                ) : null}
                {canManage ? <AddMemberForm teamId={team.id} teamName={team.name} inspectors={inspectors.map((p) => ({ id: p.id, label: `${p.displayName}（${p.staffNumber ?? p.username}）` }))} /> : null}
              </section>
            );
          })}
        </div>
        {/* Teams are drawn (provincial cross-inspection) or formed by hand (a tip-off, or a city inspecting its own), never both. */}
        {canManage && teamDraw.length === 0 && plan.status !== "ARCHIVED" ? (
          <div className="mt-5 border-t border-slate-200 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-700">{t("plans.createTeamTitle")}</h3>
            <CreateTeamForm planId={plan.id} regions={regions.map((r) => ({ id: r.id, label: r.name }))} />
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
                <Td>{c.designationReason ?? (c.lookBack ? t("draw.lookBackTarget") : c.drawId ? t("draw.drawnTarget") : "—")}</Td>
                <Td>{t(caseStateLabelKey(c))}</Td>
              </tr>
            ))}
          </Table>
        )}
        {/* Targets named by hand, for a plan that does not draw; cases exist only under a published plan (issue 12 §6). */}
        {can(actor, "plan.manageTargets") && plan.status === "DRAFT" && plan.teams.length > 0 && plan.inspectedRegions.length === 0 ? <p className="mt-4 text-sm text-slate-600">{t("plans.targetsAfterPublish")}</p> : null}
        {can(actor, "plan.manageTargets") && plan.status === "PUBLISHED" && plan.teams.length > 0 && plan.inspectedRegions.length === 0 ? (
          <div className="mt-5 border-t border-slate-200 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-700">{t("plans.addTargetTitle")}</h3>
            <AddTargetForm planId={plan.id} institutions={institutionOptions} teams={plan.teams.map((team) => ({ id: team.id, label: team.name }))} />
          </div>
        ) : null}
      </Card>
    </>
  );
}
