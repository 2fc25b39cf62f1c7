import "server-only";
import { Readable } from "node:stream";
import busboy from "busboy";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { getFileStore, type FileStore } from "@/lib/server/files/store";
import { settleUpload, type UploadedFile } from "@/lib/server/files/storage";
import { receiveFile, type FileSpec } from "@/lib/server/files/upload";
import { logger } from "@/lib/server/logger";
import { messageRef } from "@/lib/validation/primitives";

export interface UploadSpec extends FileSpec {
  /** A form without a file reaches the operation, which decides (a refund by deduction has no voucher). */
  fileOptional?: boolean;
  /** Text fields: how many, and how long each may be (a case form has a handful of short ones). */
  maxFields?: number;
  maxFieldBytes?: number;
}

export interface ReceivedUpload {
  /** The form's text fields; an empty field is absent, as a form without it. */
  fields: Record<string, string>;
  /** The `file` part, received into the store under a temporary key; absent when none was chosen. */
  file: UploadedFile | undefined;
}

/** Room for the part headers and the text fields around the file in a multipart body. */
const MULTIPART_ALLOWANCE = 256 * 1024;

const invalid = (field = "form", key = "errors.validation") => new DomainError("VALIDATION", { [field]: key }, { messageKey: key });

/**
 * Reads a multipart form as it arrives (busboy over the request's body stream): text fields with limits on their
 * number and size, and one file part, named `file`, streamed into the file store with the route's limit and
 * checked by content (`receiveFile`). The body is never held in memory. A declared Content-Length over the limit
 * is refused before a byte is read. Every failure leaves no temporary object behind.
 */
export async function readUpload(request: Request, spec: UploadSpec, store: FileStore = getFileStore()): Promise<ReceivedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(contentType) || !request.body) throw invalid();
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > spec.maxBytes + MULTIPART_ALLOWANCE) throw new DomainError("FILE_TOO_LARGE", { file: spec.tooLargeKey }, { messageKey: spec.tooLargeKey });

  const maxFields = spec.maxFields ?? 20;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send the file name as raw UTF-8 (a Chinese name is the rule here, not the exception).
      defParamCharset: "utf8",
      limits: { files: 1, fields: maxFields, parts: maxFields + 1, fieldSize: spec.maxFieldBytes ?? 10_000, fieldNameSize: 100, headerPairs: 20 },
    });
  } catch {
    throw invalid();
  }
  const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  const fields: Record<string, string> = {};
  let receiving: Promise<UploadedFile> | undefined;
  let problem: DomainError | undefined;

  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("file", (name, stream, info) => {
      // A browser sends an empty, nameless part for a file input left empty.
      if (name !== "file" || receiving || !info.filename) {
        if (name !== "file" || receiving) problem ??= invalid();
        stream.resume();
        return;
      }
      receiving = receiveFile(stream, info.filename, spec, store);
      // A refused file ends the reading at once; the rest of the body is not wanted.
      receiving.catch(reject);
    });
    parser.on("field", (name, value, info) => {
      // Issue 12 §12: the message names the limit; in characters of Chinese text (3 bytes each in UTF-8), the safe count.
      if (info.nameTruncated || info.valueTruncated) problem ??= invalid(name, messageRef("validation.tooLongMax", { max: Math.floor((spec.maxFieldBytes ?? 10_000) / 3) }));
      else if (name !== "file" && value !== "") fields[name] = value;
    });
    parser.on("fieldsLimit", () => (problem ??= invalid()));
    parser.on("partsLimit", () => (problem ??= invalid()));
    parser.on("filesLimit", () => (problem ??= invalid()));
    parser.on("error", () => reject(invalid()));
    parser.on("close", resolve);
    source.on("error", () => reject(invalid()));
  });
  source.pipe(parser);

  let file: UploadedFile | undefined;
  try {
    await parsed;
    file = await receiving;
    if (problem) throw problem;
    if (!file && !spec.fileOptional) throw invalid("file", "validation.required");
    return { fields, file };
  } catch (error) {
    source.unpipe(parser);
    // Ends a file part still being written (a client that went away mid-upload), so its temporary object is removed.
    parser.destroy();
    // What is left of a body whose size was declared within the limit is read and dropped, so the client gets
    // the answer rather than a reset connection; a body of unknown size is cut off.
    if (Number.isFinite(declared)) source.resume();
    else source.destroy();
    const received = file ?? (await receiving?.catch(() => undefined));
    if (received) await store.discard(received.tempKey);
    throw error;
  }
}

/**
 * "Parse the upload, run the operation, promote or discard": the whole life of an uploaded file in one call.
 * The operation records the file in its transaction (`storeFile`); when it has returned or thrown, the
 * temporary object is promoted if a committed row names it and discarded otherwise.
 */
export async function withUpload<T>(db: PrismaClient, request: Request, spec: UploadSpec, run: (upload: ReceivedUpload) => Promise<T>, store: FileStore = getFileStore()): Promise<T> {
  const upload = await readUpload(request, spec, store);
  try {
    return await run(upload);
  } finally {
    if (upload.file) await settleQuietly(db, upload.file, store);
  }
}

/**
 * A failure here comes after the operation's outcome is decided (committed or not), so it must not change the
 * answer: the temporary object stays, and the sweeper finishes the promotion or removes it (docs/runbook.md).
 */
export async function settleQuietly(db: PrismaClient, file: UploadedFile, store: FileStore = getFileStore()): Promise<void> {
  try {
    await settleUpload(db, file, store);
  } catch (error) {
    logger.error("file.settle_failed", { tempKey: file.tempKey, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
