"use client";
import { useId } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { useCaseUpload } from "./use-case-upload";

/** The city's progress report: a summary and the signed document. */
export function ProgressReportUpload({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations();
  const fileId = useId();
  const { pending, failure, onSubmit } = useCaseUpload(caseId, "progress-report", version);
  return (
    <form aria-label={t("workflow.event.submitProgressReport")} className="flex flex-col gap-3" onSubmit={onSubmit}>
      {failure ? <Notice tone="error">{failure.message}</Notice> : null}
      <TextField label={t("cases.reportSummary")} name="summary" required error={failure?.fields.summary} />
      <div className="flex flex-col gap-1">
        <label htmlFor={fileId} className="text-sm font-medium text-slate-700">{t("cases.reportFile")}</label>
        <input id={fileId} name="file" type="file" required className="text-sm" aria-invalid={failure?.fields.file ? true : undefined} />
        <p className="text-xs text-slate-500">{t("cases.evidenceHint")}</p>
        {failure?.fields.file ? <p role="alert" className="text-xs text-red-700">{failure.fields.file}</p> : null}
      </div>
      <div><Button type="submit" disabled={pending}>{t("workflow.event.submitProgressReport")}</Button></div>
    </form>
  );
}
