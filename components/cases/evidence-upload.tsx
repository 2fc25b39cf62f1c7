"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";

const KINDS = ["PHOTO", "AUDIO", "VIDEO", "COPY", "ON_SITE_RECORD", "INTERVIEW_RECORD", "OTHER"] as const;

/** Uploads one evidence file to the case's evidence route; the server checks, hashes and stores it. */
export function EvidenceUpload({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations();
  const router = useRouter();
  const fileId = useId();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ message: string; file?: string } | null>(null);
  return (
    <form
      aria-label={t("workflow.event.addEvidence")}
      className="grid gap-3 md:grid-cols-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setFailure(null);
        const data = new FormData(event.currentTarget);
        data.set("version", String(version));
        const response = await fetch(`/api/cases/${caseId}/evidence`, { method: "POST", body: data });
        const result = (await response.json()) as { ok: boolean; message?: string; fieldErrors?: Record<string, string> };
        setPending(false);
        if (result.ok) router.refresh();
        else setFailure({ message: result.message ?? t("errors.internal"), file: result.fieldErrors?.file });
      }}
    >
      {failure ? <div className="md:col-span-3"><Notice tone="error">{failure.message}</Notice></div> : null}
      <SelectField label={t("cases.evidenceKind")} name="kind" required defaultValue="PHOTO">
        {KINDS.map((kind) => <option key={kind} value={kind}>{t(`cases.evidenceKinds.${kind}`)}</option>)}
      </SelectField>
      <TextField label={t("cases.evidenceDescription")} name="description" />
      <div className="flex flex-col gap-1">
        <label htmlFor={fileId} className="text-sm font-medium text-slate-700">{t("cases.evidenceFile")}</label>
        <input id={fileId} name="file" type="file" required aria-invalid={failure?.file ? true : undefined} className="text-sm" />
        <p className="text-xs text-slate-500">{t("cases.evidenceHint")}</p>
        {failure?.file ? <p role="alert" className="text-xs text-red-700">{failure.file}</p> : null}
      </div>
      <div className="md:col-span-3"><Button type="submit" disabled={pending}>{t("workflow.event.addEvidence")}</Button></div>
    </form>
  );
}
