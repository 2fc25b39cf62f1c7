"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action-result";

/**
 * One button, one server action with a fixed payload (publish a plan, remove a row, fix a draw's manifest,
 * stop a ceremony). Asks first when `confirmText` is given; shows the server's refusal next to the button;
 * opens `hrefPrefix` + id when the action answers with the id of what it created.
 */
export function CommandButton({ label, payload, action, confirmText, variant = "primary", hrefPrefix, className = "" }: {
  label: string;
  payload: Record<string, string>;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  confirmText?: string;
  variant?: "primary" | "secondary" | "danger";
  hrefPrefix?: string;
  className?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className={`inline-flex flex-wrap items-center gap-2 ${className}`}>
      <Button
        type="button"
        variant={variant}
        className={variant === "danger" ? "px-2 py-1 text-xs" : ""}
        disabled={pending}
        onClick={() => {
          if (confirmText && !window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await action(payload);
            setError(result.ok ? null : result.message);
            const id = result.ok ? (result.data as { id?: string } | undefined)?.id : undefined;
            if (id && hrefPrefix) router.push(`${hrefPrefix}${id}`);
          });
        }}
      >
        {label}
      </Button>
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
    </span>
  );
}
