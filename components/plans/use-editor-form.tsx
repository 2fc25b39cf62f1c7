"use client";
import type { DefaultValues, FieldValues } from "react-hook-form";
import { useTranslations } from "use-intl";
import type { z } from "zod";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Notice } from "@/components/ui/layout";
import { performOperation } from "@/app/_actions/operations";
import type { OperationName } from "@/lib/operations";

/**
 * A plan-editor form: the schema validates in the browser, the operation again on the server. Field messages
 * from the schema are catalog keys (plans.* and draw.*, this feature's own); the server's arrive translated.
 */
export function useEditorForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaults: DefaultValues<z.input<S>>, operation: OperationName, successKey: string, reset: boolean) {
  const t = useTranslations();
  const { form, message, submit, error } = useSchemaForm(schema, defaults);
  const onSubmit = form.handleSubmit(async (values) => {
    if ((await submit(() => performOperation(operation, values), t(successKey))) && reset) form.reset(defaults);
  });
  const fieldError = (name: string) => {
    const m = error(name);
    return m && /^(plans|draw)\./.test(m) ? t(m) : m;
  };
  const notice = message ? <div className="md:col-span-full"><Notice tone={message.tone}>{message.text}</Notice></div> : null;
  return { t, form, onSubmit, fieldError, notice, busy: form.formState.isSubmitting };
}

