"use client";
import { useTranslations } from "use-intl";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import type { ActionResult } from "@/lib/server/action-result";
import { ZCalendarOverrideInput, ZCalendarYearInput } from "@/lib/validation/calendar";

type Action = (input: unknown) => Promise<ActionResult<{ id: string }>>;

export function CalendarOverrideForm({ action }: { action: Action }) {
  const t = useTranslations();
  const { form, message, submit, error } = useSchemaForm(ZCalendarOverrideInput, { date: "", working: "OFF", note: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => action({ ...values, working: values.working ? "WORKING" : "OFF" }), t("calendar.saved"))) form.reset();
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

export function CalendarYearForm({ action }: { action: Action }) {
  const t = useTranslations();
  const { form, message, submit, error } = useSchemaForm(ZCalendarYearInput, { year: new Date().getFullYear() + 1, sourceNotice: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => action(values), t("calendar.yearConfirmed"))) form.reset();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-3" aria-label={t("calendar.yearTitle")}>
      {message ? <div className="md:col-span-3"><Notice tone={message.tone}>{message.text}</Notice></div> : null}
      <TextField label={t("calendar.year")} type="number" required error={error("year")} {...form.register("year")} />
      <TextField label={t("calendar.sourceNotice")} required error={error("sourceNotice")} {...form.register("sourceNotice")} />
      <div className="self-end"><Button type="submit" disabled={form.formState.isSubmitting}>{t("calendar.confirmYear")}</Button></div>
    </form>
  );
}
