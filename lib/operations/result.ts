import type { ErrorCode } from "@/lib/errors";

/**
 * The one shape of every answer, to a server action and over HTTP: the data, or the refusal with its code,
 * a message already in the caller's language, a message per field, and for an unexpected failure the
 * reference the logs carry. Never the internal text of an error.
 */
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

export interface ActionFailure {
  ok: false;
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
  reference?: string;
}
