"use client";
import type { OperationName } from "@/lib/operations";
import { ActionButton } from "@/components/ui/action-button";

/** A row's deactivate, activate or delete button: asks once, then shows the server's answer beside it. */
export function RowAction({ text, label, confirmText, payload, operation, danger = false }: {
  text: string;
  label: string;
  confirmText?: string;
  payload: Record<string, unknown>;
  operation: OperationName;
  danger?: boolean;
}) {
  return <ActionButton label={text} ariaLabel={label} confirmText={confirmText} payload={payload} operation={operation} variant={danger ? "danger" : "secondary"} compact />;
}
