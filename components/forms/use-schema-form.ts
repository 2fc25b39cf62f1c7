"use client";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { useActionForm } from "@/components/admin/use-action-form";
import { schemaResolver } from "@/components/forms/schema-resolver";

/**
 * One react-hook-form form over a zod schema and a server action: fields are described, not hand-wired. The
 * submitted values are the raw input (schemaResolver): the server action parses them with the same schema.
 */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaults: DefaultValues<z.input<S>>) {
  const form = useForm<z.input<S>, unknown, z.input<S>>({ resolver: schemaResolver(schema), defaultValues: defaults });
  const helpers = useActionForm(form.setError);
  const error = (name: string) => helpers.fieldError(form.formState.errors[name as Path<z.input<S>>]?.message as string | undefined);
  return { form, ...helpers, error };
}
