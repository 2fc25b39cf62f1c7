"use client";
import type { ComponentProps } from "react";
import { ActionButton } from "@/components/ui/action-button";

/**
 * One button, one registry operation with a fixed payload (publish a plan, remove a row, fix a draw's manifest,
 * stop a ceremony); a "danger" one is compact, for rows. See ActionButton.
 */
export function CommandButton(props: Omit<ComponentProps<typeof ActionButton>, "compact">) {
  return <ActionButton {...props} compact={props.variant === "danger"} />;
}
