/**
 * What an operation is, as data: its name, its input schema, the permission it needs, its audit action and
 * its HTTP route, and, for the UI, the form that collects its input. The descriptors are pure (no server
 * code), so forms and the OpenAPI document read the same entries the server enforces; the server binds
 * each name to its service in lib/server/operations/registry.ts (docs/operations.md).
 */
import type { z } from "zod";
import type { CaseEvent } from "@/lib/domain/case/transitions";
import type { Permission } from "@/lib/policy/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a file part may be: the kinds and size an upload route accepts (lib/server/files). */
export type UploadKind = "document" | "import" | "template";

export interface UploadSpec {
  /** Whether the operation needs the file (a refund by settlement deduction has no voucher). */
  required: boolean;
  kind: UploadKind;
  /** The file input's label. */
  labelKey: string;
}

/** `multiselect`: a list box of choices the entry names; `checkboxes`: several choices of a list the page supplies, sent as an array of the chosen values. */
export type FormFieldKind = "text" | "textarea" | "money" | "date" | "datetime" | "checkbox" | "select" | "multiselect" | "checkboxes";

export interface FormFieldSpec {
  name: string;
  labelKey: string;
  kind?: FormFieldKind;
  required?: boolean;
  hintKey?: string;
  /** For `select` and `multiselect` (an array of the chosen values): a fixed list (each labelled `${labelPrefix}${value}`), or a list the page supplies by name. */
  options?: { values: readonly string[]; labelPrefix: string } | { source: string };
  /** The empty choice's label (default "请选择"). */
  emptyLabelKey?: string;
  /** Spans the whole row. */
  wide?: boolean;
  /** The value the form starts with (and returns to after a success). */
  defaultValue?: string;
  /** Filled from the chosen option of another field while still empty (a violation type's legal basis), or always with `overwrite` (a finding's values to correct). */
  autofill?: { from: string; key: string; overwrite?: boolean };
}

export interface FormSpec {
  fields: readonly FormFieldSpec[];
  /** A sentence above the form (what signing means, what an appeal may contest). */
  hintKey?: string;
  /** Asked before sending (closing, signing): the step cannot be undone. */
  confirmKey?: string;
}

export interface OperationDescriptor<I extends z.ZodType = z.ZodType> {
  name: string;
  /** The action's label in the catalog (button, panel title); also the OpenAPI summary in Chinese. */
  labelKey: string;
  /** One English sentence for the OpenAPI document. */
  summary: string;
  /** The OpenAPI tag (a section of the reference). */
  tag: string;
  /** The input, parsed strictly once on the server; path parameters and `If-Match` are merged into it. */
  input: I;
  /** Checked before the body is read; null only for what the public may read without signing in. */
  permission: Permission | null;
  /** The audit action written by the service, and on a refusal by the boundary. */
  audit: string;
  http: { method: HttpMethod; path: `/${string}` };
  /** A case workflow event: the version travels as `If-Match` over HTTP, and the case page offers it when the workflow allows. */
  caseEvent?: CaseEvent;
  /** The body is multipart with one `file` part. */
  upload?: UploadSpec;
  /** The form that collects the input in the UI (fields other than ids and version). */
  form?: FormSpec;
  /** The answer carries a `version` that the API sends as the `ETag`. */
  etag?: boolean;
  /** The shape of `data` in a successful answer, for the OpenAPI document and the contract test (unknown when absent). */
  output?: z.ZodType;
  /** The answer is the file's bytes, not JSON (a download). */
  download?: boolean;
}

/** Keeps each entry's literal name and schema type while checking its shape. */
export function defineOperation<const N extends string, I extends z.ZodType>(descriptor: OperationDescriptor<I> & { name: N }): OperationDescriptor<I> & { name: N } {
  return descriptor;
}

/** `RECORD_FINDING` → `record-finding`, for paths. */
export function kebabOf(name: string): string {
  return name.toLowerCase().replace(/_/g, "-");
}

/** `RECORD_FINDING` → `recordFinding`, as a type. */
export type CamelOf<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Lowercase<Head>}${Capitalize<CamelOf<Tail>>}` : Lowercase<S>;

/** `RECORD_FINDING` → `recordFinding`, for names and message keys. */
export function camelOf<S extends string>(name: S): CamelOf<S> {
  return name.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as CamelOf<S>;
}
