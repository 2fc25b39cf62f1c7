import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/server/policy/policy";
import { getDb } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { dashboardFigures, dashboardYears } from "@/lib/server/statistics/dashboard";
import { chinaDateOf } from "@/lib/server/cases/deadlines";
import { DashboardView } from "@/components/statistics/dashboard-view";

/**
 * The dashboard page of the bureau or a city (issue 17 §1, §2): the figures within the user's scope for one
 * year (a GET form: the year stays in the URL), linking to the portal's home case list.
 */
export async function DashboardPage({ actor, params, portal }: { actor: Actor; params: Record<string, string | string[] | undefined>; portal: "bureau" | "city" }) {
  const t = await getT();
  const db = getDb();
  const years = await dashboardYears(db, actor);
  const thisYear = Number(chinaDateOf(new Date()).slice(0, 4));
  const asked = typeof params.year === "string" && /^20\d{2}$/.test(params.year) ? Number(params.year) : null;
  const year = asked ?? years[0] ?? thisYear;
  const choices = [...new Set([...years, year])].sort((a, b) => b - a);
  const figures = await dashboardFigures(db, actor, { year });
  const title = portal === "bureau" ? t("statistics.bureauTitle") : t("statistics.cityTitle");
  const description = portal === "bureau" ? t("statistics.bureauDescription", { year }) : t("statistics.cityDescription", { year });
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <form method="get" className="flex items-end gap-2">
            <label className="flex flex-col gap-1 text-sm text-slate-700">
              {t("statistics.year")}
              <select name="year" defaultValue={String(year)} className="rounded border border-slate-300 bg-white px-3 py-2 text-sm">
                {choices.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit">{t("statistics.show")}</Button>
          </form>
        }
      />
      <DashboardView figures={figures} t={t} locale={actor.locale} listBase={`/${portal}`} reports={can(actor, "plan.read")} />
    </>
  );
}
