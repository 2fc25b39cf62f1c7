import type { AppLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";

type T = (key: string, values?: Record<string, string | number>) => string;
type SummaryPlan = {
  documentNumber: string | null;
  level: string;
  trigger: string;
  periodStart: Date;
  periodEnd: Date;
  referenceYears: number[];
  lookBackUpToYear: number | null;
  year: number;
  expertsPerTeam: number;
  thirdPartyPerTeam: number;
  appealWindowWorkingDays: number | null;
  scope: string | null;
};

/** A plan's basic information as read, draft or published: what the clerk checks after saving. */
export function PlanSummary({ plan, t, locale }: { plan: SummaryPlan; t: T; locale: AppLocale }) {
  const rows: [string, string][] = [
    [t("plans.editor.documentNumber"), plan.documentNumber ?? t("plans.editor.notSet")],
    [t("plans.level"), t(`plans.levels.${plan.level}`)],
    [t("plans.trigger"), t(`plans.triggers.${plan.trigger}`)],
    [t("plans.period"), t("plans.editor.phaseRange", { start: formatDate(plan.periodStart, locale), end: formatDate(plan.periodEnd, locale) })],
    [t("plans.editor.referenceYears"), plan.referenceYears.length > 0 ? plan.referenceYears.join("、") : t("plans.editor.notSet")],
    [t("plans.editor.lookBackUpToYear"), String(plan.lookBackUpToYear ?? plan.year - 2)],
    [t("plans.editor.perTeam"), t("plans.editor.perTeamText", { experts: plan.expertsPerTeam, thirdParty: plan.thirdPartyPerTeam })],
    [t("plans.editor.appealWindow"), plan.appealWindowWorkingDays === null ? t("plans.editor.noAppeals") : t("plans.editor.appealWindowText", { days: plan.appealWindowWorkingDays })],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm md:grid-cols-4" aria-label={t("plans.editor.summaryLabel")}>
      {rows.map(([label, value]) => (
        <div key={label}><dt className="text-slate-500">{label}</dt><dd className="text-slate-900">{value}</dd></div>
      ))}
      <div className="md:col-span-4"><dt className="text-slate-500">{t("plans.editor.scope")}</dt><dd className="whitespace-pre-line text-slate-900">{plan.scope ?? t("plans.editor.notSet")}</dd></div>
    </dl>
  );
}
