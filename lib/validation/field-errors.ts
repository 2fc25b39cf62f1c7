import type { z } from "zod";

/** zod issues as one message key per field (the first problem of each); a message that is not a key becomes `validation.invalid`. */
export function fieldErrorKeys(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (!(field in out)) out[field] = /^(validation|errors|masterData|caseRecord)\./.test(issue.message) ? issue.message : "validation.invalid";
  }
  return out;
}
