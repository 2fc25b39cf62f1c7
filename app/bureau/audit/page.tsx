import Link from "next/link";
import { PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { hasMessage } from "@/lib/i18n/translator";
import { listAuditEvents } from "@/lib/server/audit/events";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { ZAuditFilter } from "@/lib/validation/admin";

const FIELD = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("audit.read");
  const t = await getT();
  const raw = await searchParams;
  const parsed = ZAuditFilter.safeParse(raw);
  const filter = parsed.success ? parsed.data : ZAuditFilter.parse({});
  const result = await listAuditEvents(getDb(), actor, filter);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  // Known actions and records read in words; the code stays beside them for whoever searches the log.
  const label = (key: string, fallback: string) => (hasMessage(actor.locale, key) ? t(key) : fallback);
  const query = (page: number) => new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string") as [string, string][]), page: String(page) }).toString();
  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.description")} />
      {!parsed.success ? <p role="alert" className="mb-3 text-sm text-red-700">{t("audit.badFilter")}</p> : null}
      <form className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4" role="search" aria-label={t("audit.filter")}>
        <label className="flex flex-col gap-1 text-sm">{t("audit.action")}<input name="action" defaultValue={filter.action ?? ""} className={FIELD} /></label>
        <label className="flex flex-col gap-1 text-sm">{t("audit.actor")}<input name="actor" defaultValue={filter.actor ?? ""} className={FIELD} /></label>
        <label className="flex flex-col gap-1 text-sm">{t("audit.entity")}<input name="entity" defaultValue={filter.entity ?? ""} className={FIELD} /></label>
        <label className="flex flex-col gap-1 text-sm">{t("audit.outcome")}
          <select name="outcome" defaultValue={filter.outcome ?? ""} className={FIELD}>
            <option value="">{t("common.all")}</option>
            {(["OK", "DENIED", "FAILED"] as const).map((o) => <option key={o} value={o}>{t(`audit.outcomes.${o}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">{t("audit.from")}<input type="date" name="from" defaultValue={filter.from ?? ""} className={FIELD} /></label>
        <label className="flex flex-col gap-1 text-sm">{t("audit.to")}<input type="date" name="to" defaultValue={filter.to ?? ""} className={FIELD} /></label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white">{t("common.filter")}</button>
      </form>
      <p className="mb-2 text-sm text-slate-600">{t("common.totalCount", { count: result.total })}</p>
      <Table caption={t("audit.title")} head={<tr><Th>{t("audit.seq")}</Th><Th>{t("audit.time")}</Th><Th>{t("audit.actor")}</Th><Th>{t("audit.action")}</Th><Th>{t("audit.entity")}</Th><Th>{t("audit.outcome")}</Th><Th>{t("audit.requestId")}</Th></tr>}>
        {result.rows.map((row) => (
          <tr key={row.id}>
            <Td>{row.seq.toString()}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(row.at, actor.locale)}</Td>
            <Td>{row.actorName ? <span title={row.actorLabel ?? undefined}>{row.actorName.name}<span className="block text-xs text-slate-500">{row.actorName.unit}</span></span> : (row.actorLabel ?? "—")}</Td>
            <Td>{label(`audit.actions.${row.action.replace(/\./g, "_")}`, row.action)}<code className="block text-xs text-slate-500">{row.action}</code></Td>
            <Td>
              {label(`audit.entities.${row.entity}`, row.entity)}
              {row.entityName !== null ? <span className="block text-slate-700" title={row.entityId ?? undefined}>{row.entityName}</span> : null}
              {row.entityName === null && row.entityId ? <span className="block text-xs text-slate-500">{row.entityId}</span> : null}
            </Td>
            <Td>{t(`audit.outcomes.${row.outcome}`)}</Td>
            <Td><code className="text-xs text-slate-500">{row.requestId ?? "—"}</code></Td>
          </tr>
        ))}
      </Table>
      <nav aria-label={t("common.pagination")} className="mt-4 flex items-center gap-4 text-sm">
        {result.page > 1 ? <Link href={`?${query(result.page - 1)}`} className="text-brand-700 hover:underline">{t("common.previous")}</Link> : null}
        <span>{t("common.pageOf", { page: result.page, pages })}</span>
        {result.page < pages ? <Link href={`?${query(result.page + 1)}`} className="text-brand-700 hover:underline">{t("common.next")}</Link> : null}
      </nav>
    </>
  );
}
