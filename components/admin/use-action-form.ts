"use client";
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { useTranslations } from "use-intl";
import type { ActionResult } from "@/lib/server/action-result";

/**
 * Runs a server action from a react-hook-form submit and spreads the server's per-field messages onto the
 * form. Client-side zod messages are catalog keys; the server's arrive translated already.
 */
export function useActionForm<V extends FieldValues>(setError: UseFormSetError<V>) {
  const t = useTranslations();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  async function submit<T>(call: () => Promise<ActionResult<T>>, successText: string): Promise<boolean> {
    setMessage(null);
    const result = await call();
    if (result.ok) {
      setMessage({ tone: "success", text: successText });
      return true;
    }
    setMessage({ tone: "error", text: result.message });
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError(field as Path<V>, { message: text });
    return false;
  }
  const fieldError = (m?: string) => (m ? (/^(validation|errors)\./.test(m) ? t(m) : m) : undefined);
  return { message, submit, fieldError };
}
