import { CalendarOverrideForm, CalendarYearForm } from "@/components/calendar/calendar-forms";
import { Card, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { createCalendar } from "@/lib/domain/calendar";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { listCalendar } from "@/lib/server/calendar-admin";
import { getDb } from "@/lib/server/db/client";
import { confirmCalendarYearAction, setCalendarOverrideAction } from "./actions";

export default async function CalendarPage() {
  const actor = await requirePageActor("calendar.manage");
  const t = await getT();
  const { overrides, years } = await listCalendar(getDb(), actor);
  const builtIn = createCalendar([]).knownYears;
  return (
    <>
      <PageHeader title={t("calendar.title")} description={t("calendar.description", { from: builtIn[0] ?? 0, to: builtIn[builtIn.length - 1] ?? 0 })} />
      <Card title={t("calendar.overrideTitle")} className="mb-6">
        <CalendarOverrideForm action={setCalendarOverrideAction} />
        {overrides.length > 0 ? (
          <div className="mt-4">
            <Table caption={t("calendar.overrideTitle")} head={<tr><Th>{t("calendar.date")}</Th><Th>{t("calendar.dayKind")}</Th><Th>{t("calendar.note")}</Th><Th>{t("calendar.enteredBy")}</Th></tr>}>
              {overrides.map((o) => (
                <tr key={o.id}><Td>{formatDate(o.date.toISOString().slice(0, 10), actor.locale)}</Td><Td>{o.working ? t("calendar.working") : t("calendar.off")}</Td><Td>{o.note ?? "—"}</Td><Td>{o.createdBy.displayName}</Td></tr>
              ))}
            </Table>
          </div>
        ) : null}
      </Card>
      <Card title={t("calendar.yearTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("calendar.yearHint")}</p>
        <CalendarYearForm action={confirmCalendarYearAction} />
        {years.length > 0 ? (
          <div className="mt-4">
            <Table caption={t("calendar.yearTitle")} head={<tr><Th>{t("calendar.year")}</Th><Th>{t("calendar.sourceNotice")}</Th><Th>{t("calendar.confirmedBy")}</Th></tr>}>
              {years.map((y) => (
                <tr key={y.id}><Td>{y.year}</Td><Td>{y.sourceNotice ?? "—"}</Td><Td>{y.confirmedBy?.displayName ?? "—"}{y.confirmedAt ? ` · ${formatDateTime(y.confirmedAt, actor.locale)}` : ""}</Td></tr>
              ))}
            </Table>
          </div>
        ) : null}
      </Card>
    </>
  );
}
