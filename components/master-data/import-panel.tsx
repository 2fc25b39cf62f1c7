"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";

interface Problem {
  row: number;
  column: string;
  message: string;
}
interface Preview {
  fileName: string;
  sha256: string;
  rowCount: number;
  problems: Problem[];
  unlisted: number;
  added: number;
  updated: number;
  unchanged: number;
}
interface Done {
  added: number;
  updated: number;
  unchanged: number;
}
type Phase = "idle" | "uploading" | "checking" | "committing";
type Answer = { ok: true; data: unknown } | { ok: false; message: string };

/**
 * Sends the file to the registry's import operation (`POST /api/v1/master-data/imports/…`) with
 * XMLHttpRequest, for its upload progress; once the bytes are up the server checks the rows, and answers once.
 */
function send(url: string, body: FormData, onProgress: (phase: Phase, percent: number) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress("uploading", Math.round((event.loaded / event.total) * 60));
    xhr.upload.onload = () => onProgress("checking", 60);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Answer);
      } catch (error) {
        reject(error as Error);
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(body);
  });
}

export function ImportPanel({ kinds, initialKind }: { kinds: { value: string; label: string; sheet: string }[]; initialKind: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [kind, setKind] = useState(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [percent, setPercent] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sheet = kinds.find((k) => k.value === kind)?.sheet ?? "";
  const busy = phase !== "idle";

  const run = async (mode: "preview" | "commit") => {
    if (!file) {
      setError(t("masterData.import.chooseFile"));
      return;
    }
    setError(null);
    setDone(null);
    if (mode === "preview") setPreview(null);
    setPhase(mode === "commit" ? "committing" : "uploading");
    setPercent(0);
    const body = new FormData();
    body.set("file", file);
    if (mode === "commit" && preview) body.set("sha256", preview.sha256);
    try {
      const url = `/api/v1/master-data/imports/${encodeURIComponent(kind)}${mode === "preview" ? "/preview" : ""}`;
      const result = await send(url, body, (p, value) => {
        if (mode === "preview") setPhase(p);
        setPercent(value);
      });
      setPercent(100);
      if (!result.ok) setError(result.message);
      else if (mode === "preview") setPreview(result.data as Preview);
      else {
        setDone(result.data as Done);
        setPreview(null);
        router.refresh();
      }
    } catch {
      setError(t("masterData.import.networkError"));
    }
    setPhase("idle");
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run("preview");
  };
  const status = phase === "uploading" ? t("masterData.import.uploading") : phase === "checking" ? t("masterData.import.checking") : phase === "committing" ? t("masterData.import.committing") : null;

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} aria-label={t("masterData.import.title")} className="grid gap-4 md:grid-cols-3">
        <SelectField label={t("masterData.import.kind")} value={kind} disabled={busy} onChange={(e) => { setKind(e.target.value); setPreview(null); setDone(null); setError(null); }}>
          {kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
        </SelectField>
        <div className="flex flex-col gap-1">
          <label htmlFor="import-file" className="text-sm font-medium text-slate-700">{t("masterData.import.file")}</label>
          <input id="import-file" type="file" accept=".xlsx,.csv" aria-describedby="import-file-hint" disabled={busy} onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setDone(null); setError(null); }} className="text-sm" />
          <p id="import-file-hint" className="text-xs text-slate-500">{t("masterData.import.sheetHint", { sheet })}</p>
        </div>
        <div className="flex items-end gap-3">
          <a href={`/api/v1/master-data/templates/${encodeURIComponent(kind)}`} className="text-sm text-brand-700 underline-offset-2 hover:underline">{t("masterData.import.template")}</a>
          <Button type="submit" disabled={busy}>{t("masterData.import.check")}</Button>
        </div>
      </form>

      {busy || percent > 0 ? (
        <div className="space-y-1">
          <progress aria-label={t("masterData.import.progress")} max={100} value={percent} className="h-2 w-full" />
          {status ? <p role="status" className="text-sm text-slate-600">{status}</p> : null}
        </div>
      ) : null}

      {error ? <Notice tone="error">{error}</Notice> : null}
      {done ? <Notice tone="success">{t("masterData.import.done", { added: done.added, updated: done.updated, unchanged: done.unchanged })}</Notice> : null}

      {preview ? (
        <section aria-label={t("masterData.import.previewTitle")} className="space-y-3 rounded border border-slate-200 bg-white p-4">
          <h2 className="text-base font-semibold text-slate-800">{t("masterData.import.previewTitle")}</h2>
          <p className="text-sm text-slate-700">{t("masterData.import.summary", { file: preview.fileName, rows: preview.rowCount })}</p>
          {preview.problems.length > 0 ? (
            <>
              <Notice tone="error">{t("masterData.import.problemCount", { count: preview.problems.length + preview.unlisted })}</Notice>
              <div className="max-h-[32rem] overflow-auto rounded border border-slate-200">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">{t("masterData.import.problemsCaption")}</caption>
                  <thead className="sticky top-0 bg-slate-50 text-left text-slate-600">
                    <tr>
                      <th scope="col" className="w-24 px-3 py-2 font-medium">{t("masterData.import.row")}</th>
                      <th scope="col" className="w-48 px-3 py-2 font-medium">{t("masterData.import.column")}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t("masterData.import.problem")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {preview.problems.map((p, i) => (
                      <tr key={i}>
                        <td className="px-3 py-2 tabular-nums">{t("masterData.import.rowLabel", { row: p.row })}</td>
                        <td className="px-3 py-2">{p.column}</td>
                        <td className="px-3 py-2 text-red-800">{p.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.unlisted > 0 ? <p className="text-sm text-slate-600">{t("masterData.import.problemsMore", { count: preview.unlisted })}</p> : null}
            </>
          ) : (
            <>
              <Notice tone="success">{t("masterData.import.noProblems", { added: preview.added, updated: preview.updated, unchanged: preview.unchanged })}</Notice>
              <Button type="button" disabled={busy} onClick={() => void run("commit")}>{t("masterData.import.commit")}</Button>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
