"use client";
import { useTranslations } from "use-intl";
import { ActionButton } from "@/components/ui/action-button";
import type { OperationName } from "@/lib/operations";

/** Deactivation asks once, then reports the server's answer next to the button. */
export function DeactivateButton({ id, version, label, confirmText, operation }: {
  id: string;
  version: number;
  label: string;
  confirmText: string;
  operation: Extract<OperationName, "user.deactivate" | "organization.deactivate">;
}) {
  const t = useTranslations();
  return <ActionButton label={t("common.deactivate")} ariaLabel={label} confirmText={confirmText} payload={{ id, version }} operation={operation} variant="danger" compact />;
}
