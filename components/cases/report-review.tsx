"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action-result";

export type ReviewDecision = "ACCEPT" | "RETURN";

/** A review note and the two decisions, accept or return (which needs the note); refreshes on success. */
export function ReviewButtons({ decide }: { decide: (decision: ReviewDecision, note: string | undefined) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations();
  const router = useRouter();
  const noteId = useId();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (decision: ReviewDecision) =>
    startTransition(async () => {
      const result = await decide(decision, note || undefined);
      if (result.ok) router.refresh();
      else setError(result.fieldErrors?.note ?? result.message);
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

/** The bureau's decision on a submitted progress report: accept it, or return it with the reason. */
export function ReportReview({ reportId, version, action }: { reportId: string; version: number; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  return <ReviewButtons decide={(decision, note) => action({ reportId, version, decision, note })} />;
}
