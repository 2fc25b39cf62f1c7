"use client";
import { useId } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import type { CaseFieldSpec } from "./case-form";
import { useCaseUpload, type CaseUploadRoute } from "./use-case-upload";

/**
 * A case step that carries a file (evidence, reports, vouchers, rectification material): a multipart form
 * posted to `/api/cases/:id/<route>`, whose server checks, hashes and stores the file.
 */
export function CaseUploadForm({ caseId, version, route, submitLabel, fields, fileLabel, fileRequired = true }: {
  caseId: string;
  version: number;
  route: CaseUploadRoute;
  submitLabel: string;
  fields: CaseFieldSpec[];
  fileLabel: string;
  fileRequired?: boolean;
}) {
  const t = useTranslations();
  const fileId = useId();
  const { pending, failure, onSubmit } = useCaseUpload(caseId, route, version);
  return (
    <form aria-label={submitLabel} className="grid gap-3 md:grid-cols-2" onSubmit={onSubmit} noValidate>
      {failure ? <div className="md:col-span-2"><Notice tone="error">{failure.message}</Notice></div> : null}
      {fields.map((field) => {
        const common = { label: field.label, hint: field.hint, name: field.name, required: field.required, error: failure?.fields[field.name] };
        const control =
          field.kind === "textarea" ? <TextAreaField {...common} />
          : field.kind === "select" ? (
            <SelectField {...common} defaultValue={field.options?.[0]?.value}>
              {field.options?.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
            </SelectField>
          )
          : <TextField {...common} type={field.kind === "date" ? "date" : "text"} inputMode={field.kind === "money" ? "decimal" : undefined} />;
        return <div key={field.name} className={field.wide || field.kind === "textarea" ? "md:col-span-2" : undefined}>{control}</div>;
      })}
      <div className="flex flex-col gap-1 md:col-span-2">
        <label htmlFor={fileId} className={`text-sm font-medium text-slate-700 ${fileRequired ? "after:ml-0.5 after:text-red-600 after:content-['*']" : ""}`}>{fileLabel}</label>
        <input id={fileId} name="file" type="file" required={fileRequired} aria-invalid={failure?.fields.file ? true : undefined} className="text-sm" />
        <p className="text-xs text-slate-500">{t("cases.evidenceHint")}</p>
        {failure?.fields.file ? <p role="alert" className="text-xs text-red-700">{failure.fields.file}</p> : null}
      </div>
      <div className="md:col-span-2"><Button type="submit" disabled={pending}>{submitLabel}</Button></div>
    </form>
  );
}
