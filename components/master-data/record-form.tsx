"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { performOperation } from "@/app/_actions/operations";
import type { OperationName } from "@/lib/operations";
import { ZCatalogueInput, ZExpertInput, ZFundUsageInput, ZInspectionInput, ZInstitutionInput, ZRegionInput } from "@/lib/validation/master-data";

/** The schemas a master-data form validates with, in the browser and again on the server. */
const SCHEMAS = { institution: ZInstitutionInput, fundUsage: ZFundUsageInput, inspection: ZInspectionInput, expert: ZExpertInput, catalogue: ZCatalogueInput, region: ZRegionInput };
export type RecordSchema = keyof typeof SCHEMAS;

export interface FieldDef {
  name: string;
  label: string;
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  wide?: boolean;
}

const isKey = (message: string) => /^(validation|errors|masterData)\./.test(message);

/** A create or edit form described by its fields; the server's field messages land on the same fields. */
export function RecordForm({ schema, fields, defaults, operation, bound, submitLabel, successText, afterCreateHref, label }: {
  schema: RecordSchema;
  fields: FieldDef[];
  defaults: Record<string, string>;
  /** The registry operation that saves the record; it takes `{ ...bound, values }`. */
  operation: OperationName;
  /** The record's id and the version shown (editing), or the catalogue. */
  bound: Record<string, string | number>;
  submitLabel: string;
  successText: string;
  /** Set for a create form: where to go once created. */
  afterCreateHref?: string;
  label: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<FieldValues>({ resolver: zodResolver(SCHEMAS[schema] as never) as unknown as Resolver<FieldValues>, defaultValues: defaults });
  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    const result = await performOperation(operation, { ...bound, values });
    if (result.ok) {
      setNotice({ tone: "success", text: successText });
      if (afterCreateHref) router.push(afterCreateHref);
      else router.refresh();
      return;
    }
    setNotice({ tone: "error", text: result.message });
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError(field.replace(/^values\./, "") as Path<FieldValues>, { message: text });
  });
  const error = (name: string) => {
    const message = formState.errors[name]?.message;
    return typeof message === "string" ? (isKey(message) ? t(message) : message) : undefined;
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="grid gap-4 md:grid-cols-2">
      {notice ? <div className="md:col-span-2"><Notice tone={notice.tone}>{notice.text}</Notice></div> : null}
      {fields.map((field) => (
        <div key={field.name} className={field.wide ? "md:col-span-2" : undefined}>
          {field.options ? (
            <SelectField label={field.label} hint={field.hint} required={field.required} error={error(field.name)} {...register(field.name)}>
              {field.options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
            </SelectField>
          ) : (
            <TextField label={field.label} hint={field.hint} required={field.required} error={error(field.name)} {...register(field.name)} />
          )}
        </div>
      ))}
      <div className="md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>{submitLabel}</Button>
      </div>
    </form>
  );
}
