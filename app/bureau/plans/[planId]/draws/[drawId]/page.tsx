import Link from "next/link";
import { notFound } from "next/navigation";
import { CommitForm, CommitmentCalculator, EntropyForm, RedrawForm, RevealForm } from "@/components/draws/ceremony-forms";
import { TargetManifestSummary, TargetResult, TeamManifestSummary, TeamResult } from "@/components/draws/draw-result";
import { CommandButton } from "@/components/plans/command-button";
import { Card, Notice, PageHeader } from "@/components/ui/layout";
import type { TargetDrawRecord, TeamDrawRecord } from "@/lib/domain/draw/record";
import type { TargetManifest } from "@/lib/domain/draw/target-manifest";
import type { TeamManifest } from "@/lib/domain/draw/team-manifest";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { getPublicDraw } from "@/lib/server/draws/publication";
import { getDrawOrThrow } from "@/lib/server/draws/read";
import { isDomainError } from "@/lib/server/errors";
import { can } from "@/lib/server/policy/policy";

const STEPS = ["MANIFEST_FIXED", "COMMITTED", "ENTROPY_ENTERED", "DRAWN"] as const;

/** The ceremony of one draw (issue 8 §4), step by step, as the bureau runs it at the meeting. */
export default async function DrawPage({ params }: { params: Promise<{ planId: string; drawId: string }> }) {
  const actor = await requirePageActor("plan.read");
  const { planId, drawId } = await params;
  const t = await getT();
  const db = getDb();
  const draw = await getDrawOrThrow(db, actor, drawId).catch((error: unknown) => (isDomainError(error) && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
  if (!draw || draw.planId !== planId) notFound();
  const run = can(actor, "draw.run");
  const manifest = draw.manifest as unknown as TargetManifest | TeamManifest;
  const committed = new Map(draw.commitments.map((c) => [c.partyId, c]));
  const parties = draw.plan.ceremonyParties.filter((p) => manifest.parties.some((m) => m.id === p.code));
  const open = draw.status === "MANIFEST_FIXED" || draw.status === "COMMITTED" || draw.status === "ENTROPY_ENTERED";
  const current = STEPS.indexOf(draw.status as (typeof STEPS)[number]);
  const publication = await getPublicDraw(db, draw.id);
  const title = draw.kind === "TEAMS" ? t("draw.kinds.TEAMS") : t("draw.kinds.TARGETS", { region: draw.planRegion?.poolingRegion.name ?? "" });
  const nextStep = open ? t(`draw.nextStep.${draw.status}`) : null;

  return (
    <>
      <PageHeader title={title} description={draw.plan.title} actions={<Link href={`/bureau/plans/${planId}`} className="self-center text-sm text-brand-700 hover:underline">{t("draw.backToPlan")}</Link>} />
      <ol aria-label={t("draw.stepsLabel")} className="mb-6 grid gap-2 md:grid-cols-5">
        {[...STEPS, "PUBLISHED" as const].map((step, i) => {
          // The status names the step last done; the one after it is where the meeting stands.
          const done = draw.status === "DRAWN" ? step !== "PUBLISHED" || publication?.published : i <= current && open;
          const here = open && i === current + 1;
          return (
            <li key={step} aria-current={here ? "step" : undefined} className={`rounded border px-3 py-2 text-sm ${here ? "border-brand-500 bg-brand-50 font-semibold text-brand-900" : done ? "border-green-200 bg-green-50 text-green-800" : "border-slate-200 bg-white text-slate-500"}`}>
              {t("draw.stepNumber", { n: i + 1 })} {t(`draw.steps.${step}`)}
            </li>
          );
        })}
      </ol>
      <div className="mb-6 flex flex-col gap-2">
        {nextStep ? <Notice>{nextStep}</Notice> : null}
        {draw.status === "STOPPED" ? <Notice tone="error">{t("draw.stoppedNotice")}</Notice> : null}
        {draw.supersedes ? <Notice><Link className="underline" href={`/bureau/plans/${planId}/draws/${draw.supersedes.id}`}>{t("draw.redrawOf", { hash: draw.supersedes.manifestHash.slice(0, 16), reason: draw.redrawReason ?? "" })}</Link></Notice> : null}
        {draw.supersededBy ? <Notice tone="error"><Link className="underline" href={`/bureau/plans/${planId}/draws/${draw.supersededBy.id}`}>{t("draw.supersededBy", { reason: draw.supersededBy.redrawReason ?? "" })}</Link></Notice> : null}
      </div>

      <Card title={t("draw.manifestTitle")} className="mb-6">
        <p className="text-sm text-slate-600">{t("draw.manifestIntro")}</p>
        <p className="my-3 text-sm"><span className="text-slate-500">{t("draw.manifestHash")}</span><code aria-label={t("draw.manifestHash")} className="mt-1 block break-all rounded bg-slate-100 px-3 py-2 font-mono text-base">{draw.manifestHash}</code></p>
        {manifest.kind === "TARGETS" ? <TargetManifestSummary manifest={manifest} t={t} /> : <TeamManifestSummary manifest={manifest} t={t} />}
        <p className="mt-3 text-sm text-slate-600"><a className="text-brand-700 hover:underline" href={`/api/draws/${draw.id}/manifest`} download>{t("draw.downloadManifest")}</a></p>
      </Card>

      <Card title={t("draw.commitmentsTitle")} className="mb-6">
        <p className="mb-3 text-sm text-slate-600">{t("draw.commitmentsIntro")}</p>
        <ul className="flex flex-col gap-4">
          {parties.map((p) => {
            const c = committed.get(p.id);
            return (
              <li key={p.id} className="rounded border border-slate-200 p-3">
                <p className="font-medium">{p.name}<span className="ml-2 text-xs text-slate-500">{p.code}</span></p>
                {c ? <p className="mt-1 break-all font-mono text-xs text-slate-700">{t("draw.committedWith", { commitment: c.commitment })}</p> : null}
                {c?.salt ? <p className="mt-1 break-all font-mono text-xs text-green-800">{t("draw.revealedSalt", { salt: c.salt })}</p> : null}
                {!c && draw.status === "MANIFEST_FIXED" && run ? <div className="mt-2"><CommitForm drawId={draw.id} partyId={p.id} partyName={p.name} /></div> : null}
                {c && !c.salt && draw.status === "ENTROPY_ENTERED" && run ? <div className="mt-2"><RevealForm drawId={draw.id} partyId={p.id} partyName={p.name} /></div> : null}
                {c && !c.salt && draw.status === "STOPPED" ? <p role="status" className="mt-1 text-sm text-red-700">{t("draw.didNotReveal")}</p> : null}
              </li>
            );
          })}
        </ul>
        {draw.status === "MANIFEST_FIXED" ? <div className="mt-4"><CommitmentCalculator /></div> : null}
      </Card>

      <Card title={t("draw.entropyTitle")} className="mb-6">
        <p className="mb-3 text-sm text-slate-600">{t("draw.entropyIntro", { digits: manifest.entropyDigits })}</p>
        {draw.publicEntropy ? <p className="font-mono text-lg tracking-widest">{draw.publicEntropy}</p> : null}
        {draw.status === "COMMITTED" && run ? <EntropyForm drawId={draw.id} digits={manifest.entropyDigits} /> : null}
      </Card>

      {open && run ? (
        <Card title={t("draw.stopTitle")} className="mb-6">
          <p className="mb-3 text-sm text-slate-600">{t("draw.stopIntro")}</p>
          <CommandButton label={t("draw.stop")} payload={{ drawId: draw.id }} operation="draw.stop" variant="secondary" confirmText={t("draw.stopConfirm")} />
        </Card>
      ) : null}
      {draw.status === "STOPPED" && run && !draw.supersededBy ? (
        <Card title={t("draw.redrawTitle")} className="mb-6">
          <p className="mb-3 text-sm text-slate-600">{t("draw.redrawIntro")}</p>
          <RedrawForm drawId={draw.id} />
        </Card>
      ) : null}

      {draw.status === "DRAWN" && draw.record ? (
        <Card title={t("draw.resultTitle")} className="mb-6">
          <dl className="mb-4 grid gap-2 text-sm md:grid-cols-3">
            <div><dt className="text-slate-500">{t("draw.drawnAt")}</dt><dd>{draw.drawnAt ? formatDateTime(draw.drawnAt, actor.locale) : "—"}</dd></div>
            <div className="md:col-span-2"><dt className="text-slate-500">{t("draw.seed")}</dt><dd className="break-all font-mono text-xs">{draw.seed}</dd></div>
            <div className="md:col-span-3"><dt className="text-slate-500">{t("draw.resultHash")}</dt><dd><code aria-label={t("draw.resultHash")} className="block break-all rounded bg-slate-100 px-3 py-2 font-mono text-base">{draw.resultHash}</code></dd></div>
          </dl>
          {draw.kind === "TEAMS" ? (
            <TeamResult
              record={draw.record as unknown as TeamDrawRecord}
              regionNames={new Map([...(manifest as TeamManifest).inspected, ...(manifest as TeamManifest).participating].map((r) => [r.code, r.name]))}
              personNames={new Map(draw.teams.flatMap((team) => team.members.flatMap((m) => (m.expert ? [[m.expert.staffNumber, m.expert.name] as const] : []))))}
              t={t}
            />
          ) : (
            <TargetResult record={draw.record as unknown as TargetDrawRecord} t={t} />
          )}
          <p className="mt-4 text-sm text-slate-700">{draw.kind === "TEAMS" ? t("draw.teamsCreated", { count: draw.teams.length }) : t("draw.casesCreated", { count: draw.cases.length })}</p>
          <p className="mt-2 text-sm">
            {publication?.published ? (
              <Link className="text-brand-700 hover:underline" href={`/draws/verify?record=${draw.id}`}>{t("draw.publishedVerify")}</Link>
            ) : (
              <span className="text-slate-600">{draw.kind === "TEAMS" ? t("draw.teamRecordPending") : t("draw.targetRecordPending")}</span>
            )}
            <a className="ml-3 text-brand-700 hover:underline" href={`/api/draws/${draw.id}/record`} download>{t("draw.downloadRecord")}</a>
            <a className="ml-3 text-brand-700 hover:underline" href={`/api/draws/${draw.id}/full-record`} download>{t("draw.downloadFullRecord")}</a>
          </p>
          <p className="mt-1 text-xs text-slate-500">{t("draw.fullRecordHint")}</p>
        </Card>
      ) : null}
    </>
  );
}
