import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { hasMessage } from "@/lib/i18n/translator";
import { stateMessageKey } from "@/lib/domain/case/transitions";
import { caseHistory } from "@/lib/server/audit/change-feed";
import { requirePortalActor } from "@/lib/server/auth/page-guards";
import { listCases } from "@/lib/server/cases/read";
import { getDb } from "@/lib/server/db/client";

/**
 * The institution's own cases and their history (issue 17 §2): every case it may see (from its notice on)
 * with each step and when, by the change feed's rule (caseHistory): no team draft, no reports it does not
 * read, and not who acted (the log with names is the bureau's).
 */
export default async function InstitutionHistory({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePortalActor("institution");
  const t = await getT();
  const db = getDb();
  const page = Number((await searchParams).page) || 1;
  const cases = await listCases(db, actor, { page });
  const histories = await Promise.all(cases.rows.map((row) => caseHistory(db, actor, row)));
  return (
    <>
      <PageHeader title={t("statistics.history.title")} description={t("statistics.history.description")} />
      {cases.rows.length === 0 ? (
        <EmptyState title={t("dashboard.institution.emptyTitle")} />
      ) : (
        <div className="flex flex-col gap-4" data-testid="case-histories">
          {cases.rows.map((row, index) => (
            <Card key={row.id} title={`${row.plan.title}`}>
              <p className="mb-2 text-sm text-slate-700">
                {t("statistics.history.state", { state: t(stateMessageKey(row.state)) })}{" "}
                <Link href={`/institution/cases/${row.id}`} className="text-brand-700 hover:underline">{t("statistics.history.open")}</Link>
              </p>
              <ol className="flex flex-col gap-2 text-sm" aria-label={t("statistics.history.listLabel", { plan: row.plan.title })}>
                {histories[index]!.map((event) => {
                  const key = `audit.actions.${event.action.replace(/\./g, "_")}`;
                  return (
                    <li key={event.seq.toString()} className="border-l-2 border-brand-200 pl-3">
                      <span className="block text-xs text-slate-500">{formatDateTime(event.at, actor.locale)}</span>
                      {hasMessage(actor.locale, key) ? t(key) : event.action}
                    </li>
                  );
                })}
              </ol>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
