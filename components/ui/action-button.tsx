"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { performOperation } from "@/app/_actions/operations";
import type { OperationName } from "@/lib/operations";

/**
 * One button, one operation of the registry with a fixed payload: asks first when `confirmText` is given, runs the action,
 * shows the server's refusal beside the button, and refreshes the page (or, with `hrefPrefix`, opens what the
 * action created when it answers with an id; with `doneHref`, leaves for that page). Every one-click step of the portals is this button.
 */
export function ActionButton({ label, ariaLabel, payload, operation, confirmText, variant = "primary", compact = false, hrefPrefix, doneHref, className = "" }: {
  label: string;
  /** The accessible name when the visible label is not enough (a row's "deactivate" names its row). */
  ariaLabel?: string;
  payload: unknown;
  /** The registry operation the button performs. */
  operation: OperationName;
  confirmText?: string;
  variant?: "primary" | "secondary" | "danger";
  /** The small size used inside table rows. */
  compact?: boolean;
  hrefPrefix?: string;
  /** Where to go once done, when what the button acted on is gone (a deleted draft plan). */
  doneHref?: string;
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
        className={compact ? "px-2 py-1 text-xs" : ""}
        aria-label={ariaLabel}
        disabled={pending}
        onClick={() => {
          if (confirmText && !window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await performOperation(operation, payload);
            setError(result.ok ? null : result.message);
            if (!result.ok) return;
            const id = (result.data as { id?: unknown } | undefined)?.id;
            if (doneHref) router.push(doneHref);
            else if (hrefPrefix && typeof id === "string") router.push(`${hrefPrefix}${id}`);
            else router.refresh();
          });
        }}
      >
        {label}
      </Button>
      {error ? <span role="alert" className={compact ? "text-xs text-red-700" : "text-sm text-red-700"}>{error}</span> : null}
    </span>
  );
}
