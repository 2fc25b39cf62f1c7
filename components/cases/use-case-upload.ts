"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";

/** The case routes that take a file (app/api/cases/[caseId]/<route>). */
export type CaseUploadRoute = "evidence" | "progress-report" | "refunds" | "written-report" | "rectification-material";

export interface UploadFailure {
  message: string;
  fields: Record<string, string>;
}

/**
 * Sends a case form with its file to one of the case's upload routes (`/api/cases/:id/<route>`), with the
 * version the user saw, and refreshes the page on success; the server's messages arrive translated.
 */
export function useCaseUpload(caseId: string, route: CaseUploadRoute, version: number) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<UploadFailure | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    data.set("version", String(version));
    let result: { ok: boolean; message?: string; fieldErrors?: Record<string, string> };
    try {
      const response = await fetch(`/api/cases/${caseId}/${route}`, { method: "POST", body: data });
      result = (await response.json()) as typeof result;
    } catch {
      // The connection broke (a proxy's own size limit, the network): say so rather than leave the button spinning.
      result = { ok: false, message: t("cases.uploadInterrupted") };
    }
    setPending(false);
    if (result.ok) {
      // Emptied, so the next file is chosen afresh rather than the one just stored sent again.
      form.reset();
      router.refresh();
    } else setFailure({ message: result.message ?? t("errors.internal"), fields: result.fieldErrors ?? {} });
  }
  return { pending, failure, onSubmit };
}
