"use client";
import { useRouter } from "next/navigation";
import type { FieldValues } from "react-hook-form";
import { useTranslations } from "use-intl";
import type { z } from "zod";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import type { ActionResult } from "@/lib/server/action-result";

export type CaseAction = (input: unknown) => Promise<ActionResult<{ version: number }>>;

/** One field of a case form; `label` and `hint` are already translated. */
export interface CaseFieldSpec {
  name: string;
  label: string;
  kind?: "text" | "textarea" | "money" | "date" | "checkbox" | "select";
  required?: boolean;
  hint?: string;
  /** For `select`: the choices, after an empty "choose" entry unless `noEmpty`. */
  options?: { value: string; label: string }[];
  emptyLabel?: string;
  /** Spans the whole row. */
  wide?: boolean;
}

/**
 * A case step as a form: the zod schema the server parses (so the browser checks the same rules first),
 * the fields as data, one server action, and a refresh on success. `caseId` and `version` ride in the defaults.
 */
export function CaseForm<S extends z.ZodType<FieldValues, FieldValues>>({
  schema,
  defaults,
  fields,
  submitLabel,
  action,
  confirmText,
  onValueChange,
}: {
  schema: S;
  defaults: Record<string, unknown>;
  fields: CaseFieldSpec[];
  submitLabel: string;
  action: CaseAction;
  confirmText?: string;
  /** Called when a field changes, to fill another from it (a violation type's legal basis). */
  onValueChange?: (name: string, value: string, form: { get: (name: string) => unknown; set: (name: string, value: string) => void }) => void;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, message, submit, error } = useSchemaForm(schema, defaults as never);
  const onSubmit = form.handleSubmit(async (values) => {
    if (confirmText && !window.confirm(confirmText)) return;
    if (await submit(() => action(values), t("cases.done"))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-2" aria-label={submitLabel}>
      {message?.tone === "error" ? <div className="md:col-span-2"><Notice tone="error">{message.text}</Notice></div> : null}
      {fields.map((field) => {
        const registered = form.register(field.name as never);
        const common = {
          label: field.label,
          hint: field.hint,
          error: error(field.name),
          ...registered,
          onChange: async (event: { target: { value: string } }) => {
            await registered.onChange(event);
            onValueChange?.(field.name, event.target.value, { get: (name) => form.getValues(name as never), set: (name, value) => form.setValue(name as never, value as never) });
          },
        };
        const control =
          field.kind === "textarea" ? <TextAreaField required={field.required} {...common} />
          : field.kind === "checkbox" ? <CheckboxField {...common} />
          : field.kind === "select" ? (
            <SelectField required={field.required} {...common}>
              <option value="">{field.emptyLabel ?? t("common.choose")}</option>
              {field.options?.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
            </SelectField>
          )
          : <TextField required={field.required} type={field.kind === "date" ? "date" : "text"} inputMode={field.kind === "money" ? "decimal" : undefined} {...common} />;
        return <div key={field.name} className={field.wide || field.kind === "textarea" ? "md:col-span-2" : undefined}>{control}</div>;
      })}
      <div className="md:col-span-2"><Button type="submit" disabled={form.formState.isSubmitting}>{submitLabel}</Button></div>
    </form>
  );
}
