import Link from "next/link";
import type { ReactNode } from "react";
import { Card, EmptyState } from "@/components/ui/layout";
import { stateMessageKey } from "@/lib/domain/case/transitions";
import type { AppLocale } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translator";
import type { DashboardFigures, MoneyFigure } from "@/lib/server/statistics/dashboard";
import { DashboardBarChart } from "./bar-chart";

const MONEY: MoneyFigure[] = ["found", "confirmed", "refunded", "fined"];
const TABLE = "w-full text-left text-sm";
const TH = "border-b border-slate-200 px-2 py-1.5 font-medium text-slate-600";
const TD = "border-b border-slate-100 px-2 py-1.5";
const LINK = "text-brand-700 underline-offset-2 hover:underline";

/** The table behind a chart, for whoever does not read the chart (and for the keyboard: its figures are links). */
function DataTable({ summary, children, open }: { summary: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="mt-2" open={open}>
      <summary className="cursor-pointer text-sm text-brand-700">{summary}</summary>
      <div className="mt-2 overflow-x-auto">{children}</div>
    </details>
  );
}

/**
 * The dashboard (issue 17 §1 bureau, §2 city): the same figures for either portal, each a link to the case
 * list (`listBase`, filtered by URL) that shows exactly the cases behind it.
 */
export function DashboardView({ figures, t, locale, listBase, reports = false }: { figures: DashboardFigures; t: Translate; locale: AppLocale; listBase: string; reports?: boolean }) {
  const year = figures.year;
  const href = (params: Record<string, string>) => `${listBase}?${new URLSearchParams({ year: String(year), ...params }).toString()}`;
  const casesLink = (count: number, params: Record<string, string>, testId?: string) => (
    <Link href={href(params)} className={LINK} data-testid={testId}>
      {count}
    </Link>
  );

  if (figures.totalCases === 0) return <EmptyState title={t("statistics.empty", { year })} />;

  const stateBars = figures.byState.map((row) => ({ label: t(stateMessageKey(row.state)), value: row.cases, href: href({ state: row.state }) }));

  return (
    <div className="flex flex-col gap-6" data-testid="dashboard">
      {/* The four amounts and the total at a glance: each links to the cases it sums. */}
      <section aria-label={t("statistics.moneyTitle")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Link href={href({})} className="rounded border border-slate-200 bg-white p-4 hover:border-brand-500" data-testid="figure-total">
          <p className="text-sm text-slate-500">{t("statistics.totalCases")}</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900">{figures.totalCases}</p>
        </Link>
        {MONEY.map((figure) => (
          <Link key={figure} href={href({ figure })} className="rounded border border-slate-200 bg-white p-4 hover:border-brand-500" data-testid={`figure-${figure}`}>
            <p className="text-sm text-slate-500">{t(`statistics.money.${figure}`)}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{formatMoney(figures.money[figure].amount, locale)}</p>
            <p className="mt-1 text-xs text-slate-500">{t("statistics.casesLink", { count: figures.money[figure].cases })}</p>
          </Link>
        ))}
      </section>
      <p className="-mt-4 text-xs text-slate-500">{t("statistics.moneyHint")}</p>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("statistics.funnelTitle")}>
          <DashboardBarChart bars={stateBars} />
          <DataTable summary={t("statistics.tableSummary")}>
            <table className={TABLE} data-testid="table-states">
              <caption className="sr-only">{t("statistics.funnelTitle")}</caption>
              <thead>
                <tr>
                  <th className={TH} scope="col">{t("statistics.stateColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.casesColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {figures.byState.map((row) => (
                  <tr key={row.state}>
                    <th className={`${TD} font-normal`} scope="row">{t(stateMessageKey(row.state))}</th>
                    <td className={`${TD} tabular-nums`}>{casesLink(row.cases, { state: row.state }, `state-${row.state}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DataTable>
        </Card>

        <Card title={t("statistics.rectificationTitle")}>
          {figures.regions.every((row) => row.due === 0) ? (
            <p className="text-sm text-slate-600">{t("statistics.rectificationEmpty")}</p>
          ) : (
            <DashboardBarChart
              color="#b45309"
              bars={figures.regions.filter((row) => row.due > 0).map((row) => ({ label: row.name, value: row.due, href: href({ region: row.id, figure: "due" }) }))}
            />
          )}
          <DataTable summary={t("statistics.tableSummary")} open>
            <table className={TABLE} data-testid="table-regions">
              <caption className="sr-only">{t("statistics.rectificationTitle")}</caption>
              <thead>
                <tr>
                  <th className={TH} scope="col">{t("statistics.regionColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.casesColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.dueColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.overdueColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {figures.regions.map((row) => (
                  <tr key={row.id}>
                    <th className={`${TD} font-normal`} scope="row">{row.name}</th>
                    <td className={`${TD} tabular-nums`}>{casesLink(row.cases, { region: row.id })}</td>
                    <td className={`${TD} tabular-nums`}>{casesLink(row.due, { region: row.id, figure: "due" })}</td>
                    <td className={`${TD} tabular-nums ${row.overdue > 0 ? "font-semibold text-red-700" : ""}`}>
                      {casesLink(row.overdue, { region: row.id, overdue: "1" }, `overdue-${row.name}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DataTable>
        </Card>
      </div>

      <Card title={t("statistics.plansTitle")}>
        {figures.plans.length === 0 ? (
          <p className="text-sm text-slate-600">{t("statistics.plansEmpty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE} data-testid="table-plans">
              <caption className="sr-only">{t("statistics.plansTitle")}</caption>
              <thead>
                <tr>
                  <th className={TH} scope="col">{t("statistics.planColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.phaseColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.casesColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.regionsColumn")}</th>
                  {reports ? <th className={TH} scope="col">{t("statistics.report.title")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {figures.plans.map((plan) => (
                  <tr key={plan.id}>
                    <th className={`${TD} font-normal`} scope="row">{plan.title}</th>
                    <td className={TD}>
                      {plan.phase ? (
                        <>
                          {t(`plans.phases.${plan.phase}`)}
                          {plan.phaseEndsOn ? <span className="ml-1 text-xs text-slate-500">{t("statistics.phaseEnds", { date: formatDate(plan.phaseEndsOn, locale) })}</span> : null}
                        </>
                      ) : (
                        <span className="text-slate-500">{t("statistics.phaseDone")}</span>
                      )}
                    </td>
                    <td className={`${TD} tabular-nums`}>{casesLink(plan.cases, { plan: plan.id })}</td>
                    <td className={TD}>
                      <ul className="flex flex-wrap gap-x-3 gap-y-1">
                        {plan.regions.map((region) => (
                          <li key={region.id}>
                            {region.name}{" "}
                            <Link href={href({ plan: plan.id, region: region.id })} className={LINK}>
                              {region.cases}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </td>
                    {reports ? (
                      <td className={TD}>
                        {/* The registry's GET operation statistics.planReport: an .xlsx download. */}
                        <a href={`/api/v1/plans/${plan.id}/statistics`} className={LINK} data-testid="plan-report">
                          {t("statistics.report.download")}
                        </a>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title={t("statistics.teamsTitle")}>
        {figures.teams.length === 0 ? (
          <p className="text-sm text-slate-600">{t("statistics.teamsEmpty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE} data-testid="table-teams">
              <caption className="sr-only">{t("statistics.teamsTitle")}</caption>
              <thead>
                <tr>
                  <th className={TH} scope="col">{t("statistics.teamColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.planColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.casesColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.handedOverColumn")}</th>
                  <th className={TH} scope="col">{t("statistics.closedColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {figures.teams.map((team) => (
                  <tr key={team.id}>
                    <th className={`${TD} font-normal`} scope="row">{team.name}</th>
                    <td className={`${TD} text-slate-600`}>{team.planTitle}</td>
                    <td className={`${TD} tabular-nums`}>{casesLink(team.cases, { team: team.id })}</td>
                    <td className={TD}>
                      <span className="flex items-center gap-2">
                        <span className="tabular-nums">{casesLink(team.handedOver, { team: team.id, handedOver: "1" })}</span>
                        <span className="h-2 w-24 overflow-hidden rounded bg-slate-100" aria-hidden="true">
                          <span className="block h-2 bg-brand-500" style={{ width: `${team.cases ? Math.round((team.handedOver / team.cases) * 100) : 0}%` }} />
                        </span>
                      </span>
                    </td>
                    <td className={`${TD} tabular-nums`}>{casesLink(team.closed, { team: team.id, state: "CLOSED" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
