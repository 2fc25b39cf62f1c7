"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action-result";

/** A row's deactivate, activate or delete button: asks once, then shows the server's answer beside it. */
export function RowAction({ text, label, confirmText, payload, action, danger = false }: {
  text: string;
  label: string;
  confirmText?: string;
  payload: Record<string, unknown>;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  danger?: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant={danger ? "danger" : "secondary"}
        className="px-2 py-1 text-xs"
        aria-label={label}
        disabled={pending}
        onClick={() => {
          if (confirmText && !window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await action(payload);
            setError(result.ok ? null : result.message);
            if (result.ok) router.refresh();
          });
        }}
      >
        {text}
      </Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
