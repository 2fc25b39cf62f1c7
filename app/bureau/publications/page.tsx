import Link from "next/link";
import { OperationForm } from "@/components/operations/operation-form";
import { PublicResultBody } from "@/components/public/public-result";
import { Card, PageHeader } from "@/components/ui/layout";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { can } from "@/lib/policy/can";
import { listPublicationsForBureau, listPublishableCases } from "@/lib/server/publication/publications";
import { getPublicationSettingsForBureau } from "@/lib/server/publication/settings";

/** 公开查处结果 (issue 17 §4): propose, see the preview, approve someone else's proposal, withdraw. */
export default async function PublicationsPage() {
  const actor = await requirePageActor("publication.manage");
  const t = await getT();
  const db = getDb();
  const [rows, publishable, settings] = await Promise.all([listPublicationsForBureau(db, actor), listPublishableCases(db, actor), getPublicationSettingsForBureau(db, actor)]);
  const locale = actor.locale;
  return (
    <>
      <PageHeader title={t("publication.title")} description={t("publication.intro")} actions={<Link href="/results" className="text-sm font-medium text-brand-700 hover:underline">{t("publicResults.title")}</Link>} />
      <Card title={t("publication.propose")} className="mb-6">
        <OperationForm name="publication.propose" bound={{}} options={{ publishableCases: publishable.map((c) => ({ value: c.id, label: `${c.institution.name}（${c.plan.title}）` })) }} />
      </Card>
      <Card title={t("publication.settingsTitle")} className="mb-6">
        <p className="mb-3 text-sm text-slate-700">{t("publication.settingsNow", { days: settings.publishWithinWorkingDays, years: settings.retentionYears })}</p>
        {can(actor, "publicationSettings.manage") ? <OperationForm name="publication.updateSettings" bound={{ version: settings.version }} /> : null}
      </Card>
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t("publication.empty")}</p> : null}
      <ul className="flex flex-col gap-6">
        {rows.map((row) => (
          <li key={row.id} data-testid="publication">
            <Card title={`${row.title} · ${t(`publication.status.${row.status}`)}`}>
              <p className="mb-3 text-xs text-slate-500">
                {row.proposedBy && row.proposedAt ? t("publication.proposedBy", { name: row.proposedBy.displayName, at: formatDateTime(row.proposedAt, locale) }) : null}
                {row.publishDueOn && row.status === "PROPOSED" ? ` · ${t("publication.publishBy", { date: formatDate(row.publishDueOn, locale) })}` : null}
                {row.publishedBy && row.publishedAt ? ` · ${t("publication.publishedBy", { name: row.publishedBy.displayName, at: formatDateTime(row.publishedAt, locale) })}` : null}
                {row.takeDownAt && row.status === "PUBLISHED" ? ` · ${t("publication.takeDownAt", { date: formatDate(row.takeDownAt, locale) })}` : null}
              </p>
              {row.withdrawnAt && row.withdrawnBy ? <p className="mb-3 text-sm text-red-800">{t("publication.withdrawnBy", { name: row.withdrawnBy.displayName, at: formatDateTime(row.withdrawnAt, locale), reason: row.withdrawnReason ?? "" })}</p> : null}
              <h3 className="mb-2 text-sm font-medium text-slate-700">{t("publication.preview")}</h3>
              <div className="rounded border border-dashed border-slate-300 p-4">
                <PublicResultBody content={row.content} kind={row.kind} t={t} locale={locale} />
              </div>
              <div className="mt-4 flex flex-wrap items-start gap-6">
                {row.status === "PROPOSED" && row.proposedBy?.id !== actor.userId ? <OperationForm name="publication.approve" bound={{ publicationId: row.id, version: row.version }} /> : null}
                {row.status === "PROPOSED" && row.proposedBy?.id === actor.userId ? <p className="text-sm text-amber-800">{t("publication.ownProposal")}</p> : null}
                {row.status !== "WITHDRAWN" ? <OperationForm name="publication.withdraw" bound={{ publicationId: row.id, version: row.version }} /> : null}
                {row.status === "PUBLISHED" ? <Link href={`/results/${row.id}`} className="text-sm text-brand-700 hover:underline">{t("publicResults.detail")}</Link> : null}
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
