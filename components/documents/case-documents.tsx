"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { performOperation } from "@/app/_actions/operations";
import { OperationForm } from "@/components/operations/operation-form";
import { Button } from "@/components/ui/button";
import { Card, Notice } from "@/components/ui/layout";
import type { DocumentKind } from "@/lib/documents/kinds";
import { DocumentPreview, type DocumentPreviewData } from "./document-preview";

export interface CaseDocumentRow {
  id: string;
  kind: DocumentKind;
  revision: number;
  number: string;
  /** `YYYY-MM-DD`. */
  issuedOn: string;
  verificationCode: string;
  sha256: string;
  caseVersion: number;
  pdfStatus: "PENDING" | "DONE" | "FAILED" | "UNAVAILABLE";
  /** Scans of the document as served and signed (issue 15 §8). */
  scans: readonly { fileId: string; fileName: string; note: string | null }[];
  canAttachScan: boolean;
}

export interface CaseDocumentsData {
  caseId: string;
  documents: readonly CaseDocumentRow[];
  generatable: readonly DocumentKind[];
  receiptSubjects: readonly { id: string; title: string; number: string }[];
  pdfAvailable: boolean;
  /** The reader may download the case binder (一案一卷). */
  binder: boolean;
}

/**
 * 文书 on the case page: the documents of the steps reached, each with its number, date, revision, code and downloads,
 * and the kinds this reader may generate now (document.generate). A regenerated document after a change is a new
 * revision; the list shows the current one.
 */
export function CaseDocuments({ data }: { data: CaseDocumentsData }) {
  const t = useTranslations();
  const router = useRouter();
  const receiptId = useId();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [subject, setSubject] = useState(data.receiptSubjects[0]?.id ?? "");
  const [preview, setPreview] = useState<{ id: string; data: DocumentPreviewData } | null>(null);
  const showPreview = (documentId: string) =>
    startTransition(async () => {
      if (preview?.id === documentId) return setPreview(null);
      const response = await fetch(`/api/v1/cases/${data.caseId}/documents/${documentId}`, { headers: { accept: "application/json" } });
      const answer = (await response.json()) as { ok: boolean; data?: DocumentPreviewData; message?: string };
      if (!answer.ok || !answer.data) return setMessage({ tone: "error", text: answer.message ?? t("errors.internal") });
      setPreview({ id: documentId, data: answer.data });
    });
  const generate = (kind: DocumentKind, subjectDocumentId?: string) =>
    startTransition(async () => {
      const result = await performOperation("document.generate", { caseId: data.caseId, kind, ...(subjectDocumentId ? { subjectDocumentId } : {}) });
      if (!result.ok) {
        setMessage({ tone: "error", text: Object.values(result.fieldErrors ?? {})[0] ?? result.message });
        return;
      }
      const made = result.data as { number: string; created: boolean };
      setMessage({ tone: "success", text: made.created ? t("documents.generated", { title: t(`documents.kind.${kind}`), number: made.number }) : t("documents.unchanged", { number: made.number }) });
      router.refresh();
    });
  return (
    <Card title={t("documents.title")}>
      <div className="flex flex-col gap-4" data-testid="case-documents">
        {!data.pdfAvailable ? <Notice>{t("documents.pdfUnavailable")}</Notice> : null}
        {data.binder ? (
          <p className="text-sm">
            <a className="text-brand-800 underline" href={`/api/cases/${data.caseId}/binder`}>{t("documents.binder")}</a>
            <span className="ml-2 text-slate-600">{t("documents.binderHint")}</span>
          </p>
        ) : null}
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        {data.documents.length === 0 ? (
          <p className="text-sm text-slate-600">{t("documents.none")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200" aria-label={t("documents.title")}>
            {data.documents.map((d) => (
              <li key={d.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {t(`documents.kind.${d.kind}`)}
                    {d.revision > 1 ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t("documents.revision", { revision: d.revision })}</span> : null}
                  </p>
                  <p className="text-sm text-slate-700">
                    {t("documents.number")}：{d.number}　{t("documents.issuedOn")}：{d.issuedOn}　{t("documents.verificationCode")}：<span className="font-mono">{d.verificationCode}</span>
                  </p>
                  <p className="truncate font-mono text-xs text-slate-500" title={d.sha256}>
                    {t("documents.caseVersion")} {d.caseVersion} · {t("documents.sha256")} {d.sha256.slice(0, 16)}…
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <button type="button" className="rounded border border-slate-300 px-2 py-1 text-brand-800 hover:bg-slate-50" disabled={pending} aria-expanded={preview?.id === d.id} onClick={() => showPreview(d.id)} aria-label={`${preview?.id === d.id ? t("documents.closePreview") : t("documents.preview")}：${t(`documents.kind.${d.kind}`)}`}>
                    {preview?.id === d.id ? t("documents.closePreview") : t("documents.preview")}
                  </button>
                  <a className="rounded border border-slate-300 px-2 py-1 text-brand-800 hover:bg-slate-50" href={`/api/v1/documents/${d.id}/docx`} aria-label={`${t("documents.downloadDocx")}：${t(`documents.kind.${d.kind}`)}`}>
                    {t("documents.downloadDocx")}
                  </a>
                  {d.pdfStatus === "DONE" ? (
                    <a className="rounded border border-slate-300 px-2 py-1 text-brand-800 hover:bg-slate-50" href={`/api/v1/documents/${d.id}/pdf`} aria-label={`${t("documents.downloadPdf")}：${t(`documents.kind.${d.kind}`)}`}>
                      {t("documents.downloadPdf")}
                    </a>
                  ) : d.pdfStatus === "PENDING" ? (
                    <span className="text-slate-600">{t("documents.pdfPending")}</span>
                  ) : d.pdfStatus === "FAILED" ? (
                    <span className="text-red-700">{t("documents.pdfFailed")}</span>
                  ) : null}
                </div>
                {d.scans.length > 0 ? (
                  <div className="w-full text-sm">
                    <p className="text-slate-700">{t("documents.scans")}：</p>
                    <ul aria-label={`${t("documents.scans")}：${t(`documents.kind.${d.kind}`)}`} className="ml-4 list-disc">
                      {d.scans.map((s) => (
                        <li key={s.fileId}>
                          <a className="text-brand-800 underline" href={`/api/files/${s.fileId}`}>{s.fileName}</a>
                          {s.note ? <span className="ml-2 text-slate-600">{s.note}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {d.canAttachScan ? (
                  <details className="w-full text-sm">
                    <summary className="cursor-pointer text-brand-800">{`${t("documents.attachScan")}：${t(`documents.kind.${d.kind}`)}`}</summary>
                    <div className="mt-2">
                      <OperationForm name="document.attachScan" bound={{ caseId: data.caseId, documentId: d.id }} submitLabel={`${t("documents.attachScan")}：${t(`documents.kind.${d.kind}`)}`} />
                    </div>
                  </details>
                ) : null}
                {preview?.id === d.id ? <div className="w-full bg-slate-50 p-4"><DocumentPreview data={preview.data} /></div> : null}
              </li>
            ))}
          </ul>
        )}
        {data.generatable.length > 0 || data.receiptSubjects.length > 0 ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm font-medium text-slate-800">{t("documents.canGenerate")}</p>
            <div className="flex flex-wrap gap-2">
              {data.generatable.map((kind) => {
                const exists = data.documents.some((d) => d.kind === kind);
                return (
                  <Button key={kind} type="button" variant={exists ? "secondary" : "primary"} disabled={pending} onClick={() => generate(kind)}>
                    {exists ? `${t("documents.regenerate")}${t(`documents.kind.${kind}`)}` : t("documents.generateKind", { title: t(`documents.kind.${kind}`) })}
                  </Button>
                );
              })}
            </div>
            {data.receiptSubjects.length > 0 ? (
              <div className="flex flex-wrap items-end gap-2">
                <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={receiptId}>
                  {t("documents.receiptFor")}
                  <select id={receiptId} value={subject} onChange={(e) => setSubject(e.target.value)} className="rounded border border-slate-300 px-2 py-1.5">
                    {data.receiptSubjects.map((s) => (
                      <option key={s.id} value={s.id}>{`${s.title}（${s.number}）`}</option>
                    ))}
                  </select>
                </label>
                <Button type="button" variant="secondary" disabled={pending || !subject} onClick={() => generate("SERVICE_RECEIPT", subject)}>
                  {t("documents.generateKind", { title: t("documents.kind.SERVICE_RECEIPT") })}
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
