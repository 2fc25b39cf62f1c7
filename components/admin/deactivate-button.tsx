"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action-result";

/** Deactivation asks once, then reports the server's answer next to the button. */
export function DeactivateButton({ id, version, label, confirmText, action }: {
  id: string;
  version: number;
  label: string;
  confirmText: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="danger"
        className="px-2 py-1 text-xs"
        aria-label={label}
        disabled={pending}
        onClick={() => {
          if (!window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await action({ id, version });
            setError(result.ok ? null : result.message);
          });
        }}
      >
        {t("common.deactivate")}
      </Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
