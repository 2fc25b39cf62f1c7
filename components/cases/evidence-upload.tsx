"use client";
import { useId } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { useCaseUpload } from "./use-case-upload";

const KINDS = ["PHOTO", "AUDIO", "VIDEO", "COPY", "ON_SITE_RECORD", "INTERVIEW_RECORD", "OTHER"] as const;

/** Uploads one evidence file; the server checks, hashes and stores it. */
export function EvidenceUpload({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations();
  const fileId = useId();
  const { pending, failure, onSubmit } = useCaseUpload(caseId, "evidence", version);
  return (
    <form aria-label={t("workflow.event.addEvidence")} className="grid gap-3 md:grid-cols-3" onSubmit={onSubmit}>
      {failure ? <div className="md:col-span-3"><Notice tone="error">{failure.message}</Notice></div> : null}
      <SelectField label={t("cases.evidenceKind")} name="kind" required defaultValue="PHOTO">
        {KINDS.map((kind) => <option key={kind} value={kind}>{t(`cases.evidenceKinds.${kind}`)}</option>)}
      </SelectField>
      <TextField label={t("cases.evidenceDescription")} name="description" />
      <div className="flex flex-col gap-1">
        <label htmlFor={fileId} className="text-sm font-medium text-slate-700">{t("cases.evidenceFile")}</label>
        <input id={fileId} name="file" type="file" required aria-invalid={failure?.fields.file ? true : undefined} className="text-sm" />
        <p className="text-xs text-slate-500">{t("cases.evidenceHint")}</p>
        {failure?.fields.file ? <p role="alert" className="text-xs text-red-700">{failure.fields.file}</p> : null}
      </div>
      <div className="md:col-span-3"><Button type="submit" disabled={pending}>{t("workflow.event.addEvidence")}</Button></div>
    </form>
  );
}
