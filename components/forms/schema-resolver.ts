import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * The browser checks a form with the server's own schema, to show its messages, and then submits what the user
 * typed, not the schema's output: the server parses the raw input once (STYLE.md). Submitting the parsed output
 * made every schema that transforms (text to a list of years, blank to null) refuse its own values on the
 * server, which is why a plan's basic information could never be saved.
 */
export function schemaResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.input<S>> {
  return zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<z.input<S>, unknown, z.input<S>>;
}
