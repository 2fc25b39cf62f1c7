"use client";
import { useEffect, useMemo } from "react";
import { useWatch, type Path } from "react-hook-form";
import type { z } from "zod";
import { useTranslations } from "use-intl";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { checkYearArrangement, STATUTORY_HOLIDAYS, USUAL_WORKING_DAYS, type StatutoryHoliday } from "@/lib/domain/calendar-year";
import { performOperation } from "@/app/_actions/operations";
import { holidayEntriesOf, ZCalendarOverrideInput, ZCalendarYearInput } from "@/lib/validation/calendar";

export function CalendarOverrideForm() {
  const t = useTranslations();
  const { form, message, submit, error } = useSchemaForm(ZCalendarOverrideInput, { date: "", working: "OFF", note: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => performOperation("calendar.override", { ...values, working: values.working ? "WORKING" : "OFF" }), t("calendar.saved"))) form.reset();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-4" aria-label={t("calendar.overrideTitle")}>
      {message ? <div className="md:col-span-4"><Notice tone={message.tone}>{message.text}</Notice></div> : null}
      <TextField label={t("calendar.date")} type="date" required error={error("date")} {...form.register("date")} />
      <SelectField label={t("calendar.dayKind")} required error={error("working")} {...form.register("working")}>
        <option value="OFF">{t("calendar.off")}</option>
        <option value="WORKING">{t("calendar.working")}</option>
      </SelectField>
      <TextField label={t("calendar.note")} required hint={t("calendar.noteHint")} error={error("note")} {...form.register("note")} />
      <div className="self-end pb-5"><Button type="submit" disabled={form.formState.isSubmitting}>{t("calendar.saveOverride")}</Button></div>
    </form>
  );
}

type YearValues = z.input<typeof ZCalendarYearInput>;
type HolidayValues = z.output<typeof ZCalendarYearInput>["holidays"];

/** A stored day entry, with the year of the arrangement that wrote it (null for a single-day correction). */
export type CalendarEntry = { date: string; working: boolean; arrangementYear: number | null };

const emptyHolidays = (): YearValues["holidays"] =>
  Object.fromEntries(STATUTORY_HOLIDAYS.map((holiday) => [holiday, { firstDayOff: "", lastDayOff: "", makeUpWorkingDays: ["", ""] }])) as YearValues["holidays"];

/**
 * A year's arrangement as the State Council notice lists it: one group per statutory holiday. The check of
 * lib/domain/calendar-year.ts runs as the clerk types (the schema marks what is missing) and counts the year's
 * working days with the entries already stored, so an unusual count is seen, and confirmed, before sending.
 */
export function CalendarYearForm({ entries, defaultYear }: { entries: CalendarEntry[]; defaultYear: number }) {
  const t = useTranslations();
  const defaults: YearValues = { year: defaultYear, sourceNotice: "", holidays: emptyHolidays(), confirmUnusualCount: false };
  const { form, message, submit, fieldError } = useSchemaForm(ZCalendarYearInput, defaults);
  const error = (name: string) => fieldError(form.getFieldState(name as Path<YearValues>, form.formState).error?.message);
  const [year, holidays] = useWatch({ control: form.control, name: ["year", "holidays"] });

  const preview = useMemo(() => {
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return null;
    try {
      const others = entries.filter((entry) => entry.arrangementYear !== y).map(({ date, working }) => ({ date, working }));
      return { year: y, ...checkYearArrangement(y, holidayEntriesOf(holidays as HolidayValues), others) };
    } catch {
      return null;
    }
  }, [year, holidays, entries]);

  // The browser's messages are keys, the server's arrive translated: either names a missing holiday.
  const isMissing = (message: unknown) => message === "validation.holidayMissing" || message === t("validation.holidayMissing");
  const missing = STATUTORY_HOLIDAYS.filter((holiday) => {
    const errors = form.formState.errors.holidays?.[holiday];
    return isMissing(errors?.firstDayOff?.message) || isMissing(errors?.lastDayOff?.message);
  });
  const unusual = preview !== null && preview.workingDays !== null && !preview.usual;
  // The server's "confirm the unusual count" no longer applies once the entries give a usual count.
  const { clearErrors } = form;
  useEffect(() => {
    if (preview?.usual) clearErrors("confirmUnusualCount");
  }, [preview?.usual, clearErrors]);

  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => performOperation("calendar.confirmYear", values), t("calendar.yearConfirmed"))) form.reset({ ...defaults, year: Number(values.year) + 1 });
  });
  const name = (holiday: StatutoryHoliday) => t(`calendar.holidays.${holiday}`);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t("calendar.yearTitle")}>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {missing.length > 0 ? <Notice tone="error">{t("calendar.missingHolidays", { names: missing.map(name).join("、") })}</Notice> : null}
      <div className="grid gap-3 md:grid-cols-3">
        <TextField label={t("calendar.year")} type="number" required error={error("year")} {...form.register("year")} />
        <div className="md:col-span-2">
          <TextField label={t("calendar.sourceNotice")} required error={error("sourceNotice")} {...form.register("sourceNotice")} />
        </div>
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        {STATUTORY_HOLIDAYS.map((holiday) => (
          <fieldset key={holiday} className="rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-800">{name(holiday)}</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              <TextField label={t("calendar.firstDayOff")} type="date" required error={error(`holidays.${holiday}.firstDayOff`)} {...form.register(`holidays.${holiday}.firstDayOff`)} />
              <TextField label={t("calendar.lastDayOff")} type="date" required error={error(`holidays.${holiday}.lastDayOff`)} {...form.register(`holidays.${holiday}.lastDayOff`)} />
              <TextField label={t("calendar.makeUpWorkingDay1")} type="date" error={error(`holidays.${holiday}.makeUpWorkingDays.0`)} {...form.register(`holidays.${holiday}.makeUpWorkingDays.0`)} />
              <TextField label={t("calendar.makeUpWorkingDay2")} type="date" error={error(`holidays.${holiday}.makeUpWorkingDays.1`)} {...form.register(`holidays.${holiday}.makeUpWorkingDays.1`)} />
            </div>
          </fieldset>
        ))}
      </div>
      <p className="text-sm text-slate-700" data-testid="working-day-preview">
        {preview?.workingDays != null ? t("calendar.previewWorkingDays", { year: preview.year, days: preview.workingDays }) : t("calendar.previewPending")}
      </p>
      {unusual || error("confirmUnusualCount") ? (
        <div className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm text-amber-900">{t("calendar.unusualWorkingDays", { min: USUAL_WORKING_DAYS.min, max: USUAL_WORKING_DAYS.max })}</p>
          <CheckboxField label={t("calendar.confirmUnusualCount")} error={error("confirmUnusualCount")} {...form.register("confirmUnusualCount")} />
        </div>
      ) : null}
      <div><Button type="submit" disabled={form.formState.isSubmitting}>{t("calendar.confirmYear")}</Button></div>
    </form>
  );
}
