import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { caseStateLabelKey } from "@/lib/domain/case/state-label";
import type { AppLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translator";
import type { CaseListRow } from "@/lib/server/cases/read";
import type { Portal } from "@/lib/server/policy/permissions";

/** Cases as one portal lists them, with the deadline awaited now (progress or written report) and the overdue flag (Jilin plan §四(三)). */
export function CaseList({ rows, portal, t, locale, caption, planAndRegion = false }: { rows: CaseListRow[]; portal: Portal; t: Translate; locale: AppLocale; caption: string; planAndRegion?: boolean }) {
  return (
    <Table
      caption={caption}
      head={
        <tr>
          <Th>{t("plans.institution")}</Th>
          {planAndRegion ? <Th>{t("cases.listPlan")}</Th> : null}
          {planAndRegion ? <Th>{t("cases.listRegion")}</Th> : null}
          <Th>{t("common.status")}</Th>
          <Th>{t("cases.deadline")}</Th>
          <Th>{t("cases.deadlineStatus")}</Th>
        </tr>
      }
    >
      {rows.map((row) => (
        <tr key={row.id} className={row.overdue ? "bg-red-50" : undefined}>
          <Td><Link href={`/${portal}/cases/${row.id}`} className="text-brand-700 hover:underline">{row.institution.name}</Link></Td>
          {/* Issue 12 §11: the same hospital under two plans, or counted in two regions, must be told apart. */}
          {planAndRegion ? <Td>{row.plan.title}</Td> : null}
          {planAndRegion ? <Td className="whitespace-nowrap">{row.region.name}</Td> : null}
          <Td>{t(caseStateLabelKey(row))}</Td>
          <Td>
            {row.deadlineKind && row.deadlineDueOn ? t(`cases.deadlineKinds.${row.deadlineKind}`, { date: formatDate(row.deadlineDueOn, locale) }) : null}
            {row.deadlineKind && row.deadlineAwaitsYear !== null ? t(`cases.deadlineKinds.${row.deadlineKind}`, { date: t("cases.deadlinePendingShort") }) : null}
            {!row.deadlineKind ? "—" : null}
          </Td>
          <Td>
            {row.overdue ? (
              <span className="font-semibold text-red-700">{t("cases.overdue")}</span>
            ) : row.deadlineAwaitsYear !== null ? (
              <span className="text-amber-800" data-testid="deadline-pending">{t("cases.deadlinePending", { year: row.deadlineAwaitsYear })}</span>
            ) : row.workingDaysLeft !== null ? (
              t("cases.workingDaysLeft", { days: row.workingDaysLeft })
            ) : (
              "—"
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
