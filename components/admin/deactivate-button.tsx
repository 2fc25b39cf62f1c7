"use client";
import { useTranslations } from "use-intl";
import { ActionButton } from "@/components/ui/action-button";
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
  return <ActionButton label={t("common.deactivate")} ariaLabel={label} confirmText={confirmText} payload={{ id, version }} action={action} variant="danger" compact />;
}
