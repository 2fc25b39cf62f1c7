"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";

/** The city's progress report: a summary and the signed document, sent to the case's report route. */
export function ProgressReportUpload({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations();
  const router = useRouter();
  const fileId = useId();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  return (
    <form
      aria-label={t("workflow.event.submitProgressReport")}
      className="flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setFailure(null);
        const data = new FormData(event.currentTarget);
        data.set("version", String(version));
        const response = await fetch(`/api/cases/${caseId}/progress-report`, { method: "POST", body: data });
        const result = (await response.json()) as { ok: boolean; message?: string; fieldErrors?: Record<string, string> };
        setPending(false);
        if (result.ok) router.refresh();
        else setFailure({ message: result.message ?? t("errors.internal"), fields: result.fieldErrors ?? {} });
      }}
    >
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
