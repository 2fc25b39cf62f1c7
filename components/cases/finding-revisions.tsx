import type { AppLocale } from "@/lib/i18n/config";
import { formatDateTime, formatMoney } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translator";
import type { CaseFile } from "@/lib/server/cases/get-case-file";
import type { FindingChange } from "@/lib/server/cases/revise-finding";

type Revision = CaseFile["case"]["findings"][number]["revisions"][number];

/** A finding's revisions (issue 12 §2): who changed it and when, each field's old and new value, and why. */
export function FindingRevisions({ revisions, t, locale }: { revisions: readonly Revision[]; t: Translate; locale: AppLocale }) {
  if (revisions.length === 0) return null;
  const shown = (change: FindingChange, value: string | null) => (value === null ? "—" : change.field === "amount" ? formatMoney(value, locale) : value);
  return (
    <ol className="mt-2 flex flex-col gap-2 border-l-2 border-amber-300 pl-3 text-xs text-slate-700" aria-label={t("caseRecord.revisions")}>
      {revisions.map((revision) => {
        const who = { name: revision.revisedBy.displayName, unit: revision.revisedBy.organization.name, time: formatDateTime(revision.revisedAt, locale) };
        return (
          <li key={revision.id} data-testid="finding-revision">
            <span className="font-medium">{t(revision.kind === "WITHDRAWN" ? "caseRecord.withdrawnBy" : "caseRecord.editedBy", who)}</span>
            {(revision.changes as unknown as FindingChange[]).map((change) => (
              <span key={change.field} className="block">
                {t(`caseRecord.fields.${change.field}`)}：<del className="text-slate-500">{shown(change, change.from)}</del> → <ins className="no-underline font-medium">{shown(change, change.to)}</ins>
              </span>
            ))}
            <span className="block">{t("caseRecord.reasonIs", { reason: revision.reason })}</span>
          </li>
        );
      })}
    </ol>
  );
}
