"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { performOperation } from "@/app/_actions/operations";
import { Button } from "@/components/ui/button";

/** The bureau's decision on a submitted progress report: accept it, or return it with the reason (case.reviewProgressReport). */
export function ReportReview({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations();
  const router = useRouter();
  const noteId = useId();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (decision: "ACCEPT" | "RETURN") =>
    startTransition(async () => {
      const result = await performOperation("case.reviewProgressReport", { reportId, version, decision, note });
      if (result.ok) {
        setNote("");
        setError(null);
        router.refresh();
      } else setError(result.fieldErrors?.note ?? result.message);
    });
  return (
    <div className="mt-2 flex flex-col gap-2">
      <label htmlFor={noteId} className="text-sm text-slate-700">{t("cases.reviewNote")}</label>
      <input id={noteId} value={note} onChange={(e) => setNote(e.target.value)} className="rounded border border-slate-300 px-3 py-1.5 text-sm" />
      <div className="flex gap-2">
        <Button type="button" disabled={pending} onClick={() => run("ACCEPT")}>{t("cases.acceptReport")}</Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run("RETURN")}>{t("cases.returnReport")}</Button>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
