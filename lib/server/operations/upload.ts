import "server-only";
import { DomainError } from "@/lib/errors";
import type { UploadSpec } from "@/lib/operations";
import { checkUpload, MAX_UPLOAD_BYTES } from "@/lib/server/files/storage";
import type { ReadInput } from "./boundary";

/** Text fields of a multipart body: few and short (the file is the only large part). */
const MAX_FIELDS = 20;
const MAX_FIELD_CHARS = 25_000;

/**
 * The body of an operation that carries a file: multipart with text fields and one `file` part. The size is
 * refused from Content-Length before reading; the file's type is checked against what it claims to be.
 */
export async function readMultipart(request: Request, spec: UploadSpec): Promise<ReadInput> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) throw new DomainError("UNSUPPORTED_MEDIA_TYPE");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 1024 * 1024) throw new DomainError("FILE_TOO_LARGE", { file: "errors.fileTooLarge" });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DomainError("VALIDATION", { _form: "validation.malformedMultipart" });
  }
  const raw: Record<string, string> = {};
  let fields = 0;
  for (const [key, value] of form.entries()) {
    if (key === "file") continue;
    if (typeof value !== "string") throw new DomainError("VALIDATION", { [key]: "validation.invalid" });
    if (++fields > MAX_FIELDS || value.length > MAX_FIELD_CHARS) throw new DomainError("VALIDATION", { [key]: "validation.invalid" });
    // A form's empty field is an absent value.
    if (value !== "") raw[key] = value;
  }
  const entry = form.get("file");
  // A browser sends an empty file part when nothing was chosen.
  const file = entry instanceof File && (entry.size > 0 || entry.name !== "") ? entry : null;
  if (!file) {
    if (spec.required) throw new DomainError("VALIDATION", { file: "validation.required" });
    return { raw };
  }
  const upload = { fileName: file.name, mediaType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
  checkUpload(upload);
  return { raw, upload };
}
