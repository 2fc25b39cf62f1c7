"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useForm, useWatch, type FieldValues, type Resolver } from "react-hook-form";
import { useTranslations } from "use-intl";
import { performOperation } from "@/app/_actions/operations";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { OPERATIONS, type FormFieldSpec, type OperationDescriptor, type OperationName } from "@/lib/operations";
import type { ActionResult } from "@/lib/operations/result";
import { UPLOAD_LIMITS } from "@/lib/operations/uploads";
import { translateMessageRef } from "@/lib/validation/primitives";

/** A choice of a select the page supplies (violation types, findings, appeals); `data` feeds `autofill`. */
export interface FormOption {
  value: string;
  label: string;
  data?: Record<string, string | null>;
}

export interface OperationFormProps {
  name: OperationName;
  /** Values the user does not type (ids, the version they saw): read when sending, so they are always current. */
  bound: Record<string, string | number>;
  /** The lists the form's selects name as `source`. */
  options?: Record<string, FormOption[]>;
  /** Values for the form's hints (`{total}`, `{amount}`). */
  values?: Record<string, string>;
  /** The submit button's label; the operation's own by default. */
  submitLabel?: string;
  /** Receives a success's data (a token issued is shown once, from its answer). */
  onDone?: (data: unknown) => void;
}

function emptyValues(fields: readonly FormFieldSpec[]): FieldValues {
  return Object.fromEntries(fields.map((field) => [field.name, field.kind === "checkbox" ? false : field.kind === "checkboxes" || field.kind === "multiselect" ? [] : (field.defaultValue ?? "")]));
}

/** Sends a form with its file to the operation's `/api/v1` route, with the version as `If-Match`. */
async function sendUpload(operation: OperationDescriptor, bound: Record<string, string | number>, values: FieldValues, file: File | null): Promise<ActionResult<unknown>> {
  const path = operation.http.path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(String(bound[param] ?? "")));
  const body = new FormData();
  for (const [key, value] of Object.entries(values)) if (value !== "" && value !== undefined && value !== null) body.set(key, String(value));
  if (file) body.set("file", file);
  const headers: Record<string, string> = { accept: "application/json" };
  if (operation.caseEvent) headers["if-match"] = `"${bound.version}"`;
  const response = await fetch(`/api/v1${path}`, { method: operation.http.method, body, headers });
  try {
    return (await response.json()) as ActionResult<unknown>;
  } catch {
    return { ok: false, code: "INTERNAL", message: "" };
  }
}

/**
 * Any operation of the registry as a form: its fields from the descriptor, checked in the browser with the
 * schema the server parses (the raw values are sent, never the browser's transformed ones), sent through the
 * one server action (or, with a file, to its `/api/v1` route). After a success the form empties and the page
 * refreshes, so the next action carries the new version; a refusal keeps what was typed and shows why.
 */
export function OperationForm({ name, bound, options = {}, values = {}, submitLabel, onDone }: OperationFormProps) {
  const t = useTranslations();
  const router = useRouter();
  const operation: OperationDescriptor = OPERATIONS[name];
  const spec = operation.form ?? { fields: [] };
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const boundRef = useRef(bound);
  useEffect(() => {
    boundRef.current = bound;
  }, [bound]);
  // A success names the case version it produced: once another action moves the case on, the notice is stale
  // and no longer shown (several forms on one page would otherwise all say "done").
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string; atVersion?: number } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const resolve = zodResolver(operation.input as never, undefined, { raw: true }) as unknown as Resolver<FieldValues>;
  const form = useForm<FieldValues>({
    defaultValues: emptyValues(spec.fields),
    // The schema covers the bound values too; the form checks them with what the user typed.
    resolver: (formValues, context, resolverOptions) => resolve({ ...formValues, ...boundRef.current }, context, resolverOptions),
  });
  // The checkbox lists (several choices in one field) render from the values as they change.
  const watched = useWatch({ control: form.control });
  const message = (ref: string | undefined) => (ref ? (/^(validation|errors|masterData|plans|cases|caseRecord)\./.test(ref) ? translateMessageRef(t, ref) : ref) : undefined);
  const limit = operation.upload ? UPLOAD_LIMITS[operation.upload.kind] : null;
  const label = submitLabel ?? t(operation.labelKey);

  const send = async (formValues: FieldValues) => {
    setNotice(null);
    setFileError(null);
    const file = fileInput.current?.files?.[0] ?? null;
    if (operation.upload && limit) {
      if (!file && operation.upload.required) return setFileError(t("validation.required"));
      // The server's own message: refused here, the 51 MB never travel.
      if (file && file.size > limit.maxBytes) return setFileError(t(limit.tooLargeKey));
    }
    if (spec.confirmKey && !window.confirm(t(spec.confirmKey))) return;
    const payload = { ...formValues, ...boundRef.current };
    const result = operation.upload ? await sendUpload(operation, boundRef.current, formValues, file) : await performOperation(name, payload);
    if (result.ok) {
      form.reset(emptyValues(spec.fields));
      if (fileInput.current) fileInput.current.value = "";
      const produced = (result.data as { version?: unknown } | null | undefined)?.version;
      setNotice({ tone: "success", text: t("cases.done"), atVersion: operation.caseEvent && typeof produced === "number" ? produced : undefined });
      onDone?.(result.data);
      router.refresh();
      return;
    }
    setNotice({ tone: "error", text: result.message || t("errors.internal") });
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
      if (field === "file") setFileError(text);
      else if (spec.fields.some((f) => f.name === field)) form.setError(field, { message: text });
    }
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => form.handleSubmit(send)(event);

  const optionsOf = (field: FormFieldSpec) =>
    !field.options ? [] : "source" in field.options ? (options[field.options.source] ?? []) : field.options.values.map((value) => ({ value, label: t(`${(field.options as { labelPrefix: string }).labelPrefix}${value}`) }));

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-2" aria-label={label}>
      {spec.hintKey ? <p className="text-sm text-slate-600 md:col-span-2">{t(spec.hintKey, values)}</p> : null}
      {notice && (notice.atVersion === undefined || notice.atVersion === bound.version) ? <div className="md:col-span-2"><Notice tone={notice.tone}>{notice.text}</Notice></div> : null}
      {spec.fields.map((field) => {
        const registered = form.register(field.name);
        const error = message(form.formState.errors[field.name]?.message as string | undefined);
        const common = {
          label: t(field.labelKey),
          hint: field.hintKey ? t(field.hintKey, values) : undefined,
          error,
          ...registered,
          onChange: async (event: { target: { value: string } }) => {
            await registered.onChange(event);
            // A field filled from another's choice (a violation type's legal basis) while still empty.
            for (const other of spec.fields) {
              if (other.autofill?.from !== field.name || (!other.autofill.overwrite && form.getValues(other.name))) continue;
              const chosen = optionsOf(field).find((option) => option.value === event.target.value) as FormOption | undefined;
              const fill = chosen?.data?.[other.autofill.key];
              if (fill) form.setValue(other.name, fill);
              else if (other.autofill.overwrite && chosen) form.setValue(other.name, "");
            }
          },
        };
        if (field.kind === "checkboxes") {
          const chosen = (watched[field.name] as string[] | undefined) ?? [];
          const toggle = (value: string, on: boolean) =>
            form.setValue(field.name, on ? [...chosen, value] : chosen.filter((v) => v !== value), { shouldValidate: form.formState.isSubmitted });
          return (
            <fieldset key={field.name} className="flex flex-col gap-1 md:col-span-2" aria-invalid={error ? true : undefined}>
              <legend className={`text-sm font-medium text-slate-700 ${field.required ? "after:ml-0.5 after:text-red-600 after:content-['*']" : ""}`}>{t(field.labelKey)}</legend>
              {field.hintKey ? <p className="text-xs text-slate-500">{t(field.hintKey, values)}</p> : null}
              {optionsOf(field).map((option) => (
                <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="checkbox" value={option.value} checked={chosen.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
                  {option.label}
                </label>
              ))}
              {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
            </fieldset>
          );
        }
        const control =
          field.kind === "textarea" ? <TextAreaField required={field.required} rows={4} {...common} />
          : field.kind === "checkbox" ? <CheckboxField {...common} />
          : field.kind === "select" || field.kind === "multiselect" ? (
            <SelectField required={field.required} multiple={field.kind === "multiselect"} size={field.kind === "multiselect" ? 6 : undefined} {...common}>
              {field.kind === "select" ? <option value="">{t(field.emptyLabelKey ?? "common.choose")}</option> : null}
              {optionsOf(field).map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
            </SelectField>
          )
          : <TextField required={field.required} type={field.kind === "date" ? "date" : field.kind === "datetime" ? "datetime-local" : "text"} inputMode={field.kind === "money" ? "decimal" : undefined} {...common} />;
        return <div key={field.name} className={field.wide || field.kind === "textarea" ? "md:col-span-2" : undefined}>{control}</div>;
      })}
      {operation.upload && limit ? (
        <div className="flex flex-col gap-1 md:col-span-2">
          <label htmlFor={fileId} className={`text-sm font-medium text-slate-700 ${operation.upload.required ? "after:ml-0.5 after:text-red-600 after:content-['*']" : ""}`}>{t(operation.upload.labelKey)}</label>
          <input id={fileId} ref={fileInput} name="file" type="file" accept={limit.accept} aria-invalid={fileError ? true : undefined} aria-describedby={`${fileId}-hint`} className="text-sm" onChange={() => setFileError(null)} />
          <p id={`${fileId}-hint`} className="text-xs text-slate-500">{t("cases.uploadHint", { max: limit.maxMegabytes })}</p>
          {fileError ? <p role="alert" className="text-xs text-red-700">{fileError}</p> : null}
        </div>
      ) : null}
      <div className="md:col-span-2"><Button type="submit" disabled={form.formState.isSubmitting}>{label}</Button></div>
    </form>
  );
}
