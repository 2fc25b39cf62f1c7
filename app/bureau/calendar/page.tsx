import { CalendarOverrideForm, CalendarYearForm } from "@/components/calendar/calendar-forms";
import { CalendarTasks } from "@/components/calendar/calendar-tasks";
import { Card, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { createCalendar } from "@/lib/domain/calendar";
import { STATUTORY_HOLIDAYS } from "@/lib/domain/calendar-year";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { listCalendar, listCalendarTasks } from "@/lib/server/calendar-admin";
import { getDb } from "@/lib/server/db/client";

const iso = (date: Date) => date.toISOString().slice(0, 10);

export default async function CalendarPage() {
  const actor = await requirePageActor("calendar.manage");
  const t = await getT();
  const db = getDb();
  const [{ overrides, years, holidays, entries }, tasks] = await Promise.all([listCalendar(db, actor), listCalendarTasks(db, actor)]);
  const builtIn = createCalendar([]).knownYears;
  const confirmed = new Set(years.filter((y) => y.complete).map((y) => y.year));
  // The form opens on the first year still to enter: the one cases wait for, else the year after the last known.
  const defaultYear = tasks[0]?.year ?? Math.max(builtIn[builtIn.length - 1] ?? 2026, ...confirmed) + 1;
  return (
    <>
      <PageHeader title={t("calendar.title")} description={t("calendar.description", { from: builtIn[0] ?? 0, to: builtIn[builtIn.length - 1] ?? 0 })} />
      <CalendarTasks tasks={tasks} t={t} className="mb-6" />
      <Card title={t("calendar.yearTitle")} className="mb-6">
        <p className="mb-3 text-sm text-slate-600">{t("calendar.yearHint")}</p>
        <CalendarYearForm entries={entries} defaultYear={defaultYear} />
      </Card>
      {years.length > 0 ? (
        <Card title={t("calendar.confirmedYears")} className="mb-6">
          <Table caption={t("calendar.confirmedYears")} head={<tr><Th>{t("calendar.year")}</Th><Th>{t("calendar.arrangement")}</Th><Th>{t("calendar.sourceNotice")}</Th><Th>{t("calendar.confirmedBy")}</Th></tr>}>
            {years.map((y) => (
              <tr key={y.id}>
                <Td>{y.year}</Td>
                <Td>
                  <ul className="text-xs">
                    {STATUTORY_HOLIDAYS.map((holiday) => holidays.find((h) => h.year === y.year && h.holiday === holiday)).map((h) =>
                      h ? (
                        <li key={h.id}>
                          {t(`calendar.holidays.${h.holiday}`)}：{t("calendar.daysOffRange", { from: formatDate(iso(h.firstDayOff), actor.locale), to: formatDate(iso(h.lastDayOff), actor.locale) })}
                          {h.makeUpWorkingDays.length > 0 ? `；${t("calendar.makeUpDays", { dates: h.makeUpWorkingDays.map((d) => formatDate(iso(d), actor.locale)).join("、") })}` : ""}
                        </li>
                      ) : null,
                    )}
                  </ul>
                </Td>
                <Td>{y.sourceNotice ?? "—"}</Td>
                <Td>{y.confirmedBy?.displayName ?? "—"}{y.confirmedAt ? ` · ${formatDateTime(y.confirmedAt, actor.locale)}` : ""}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      ) : null}
      <Card title={t("calendar.overrideTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("calendar.overrideHint")}</p>
        <CalendarOverrideForm />
        {overrides.length > 0 ? (
          <div className="mt-4">
            <Table caption={t("calendar.overrideTitle")} head={<tr><Th>{t("calendar.date")}</Th><Th>{t("calendar.dayKind")}</Th><Th>{t("calendar.note")}</Th><Th>{t("calendar.enteredBy")}</Th></tr>}>
              {overrides.map((o) => (
                <tr key={o.id}><Td>{formatDate(iso(o.date), actor.locale)}</Td><Td>{o.working ? t("calendar.working") : t("calendar.off")}</Td><Td>{o.note ?? "—"}</Td><Td>{o.createdBy.displayName}</Td></tr>
              ))}
            </Table>
          </div>
        ) : null}
      </Card>
    </>
  );
}
