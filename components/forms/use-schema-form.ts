"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { useActionForm } from "@/components/admin/use-action-form";

/** One react-hook-form form over a zod schema and a server action: fields are described, not hand-wired. */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaults: DefaultValues<z.input<S>>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>, defaultValues: defaults });
  const helpers = useActionForm(form.setError);
  const error = (name: string) => helpers.fieldError(form.formState.errors[name as Path<z.input<S>>]?.message as string | undefined);
  return { form, ...helpers, error };
}
