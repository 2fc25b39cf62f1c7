"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { performOperation } from "@/app/_actions/operations";

/** The letter's text, and the button that signs it for one team place. */
export function CommitmentLetter({ teamMemberId, text }: { teamMemberId: string; text: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="mt-3 rounded border border-amber-200 bg-amber-50 p-4">
      <pre className="whitespace-pre-wrap font-sans text-sm leading-6 text-slate-800">{text}</pre>
      <div className="mt-3 flex items-center gap-3">
        <Button type="button" disabled={pending} onClick={() => startTransition(async () => {
          const result = await performOperation("team.signCommitmentLetter", { teamMemberId });
          setError(result.ok ? null : result.message);
        })}>
          {t("team.signLetter")}
        </Button>
        {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
      </div>
    </div>
  );
}
