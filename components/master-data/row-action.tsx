"use client";
import type { ActionResult } from "@/lib/server/action-result";
import { ActionButton } from "@/components/ui/action-button";

/** A row's deactivate, activate or delete button: asks once, then shows the server's answer beside it. */
export function RowAction({ text, label, confirmText, payload, action, danger = false }: {
  text: string;
  label: string;
  confirmText?: string;
  payload: Record<string, unknown>;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  danger?: boolean;
}) {
  return <ActionButton label={text} ariaLabel={label} confirmText={confirmText} payload={payload} action={action} variant={danger ? "danger" : "secondary"} compact />;
}
