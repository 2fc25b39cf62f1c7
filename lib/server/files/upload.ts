import "server-only";
import type { Readable } from "node:stream";
import { DomainError } from "@/lib/server/errors";
import { FileTooLargeError, getFileStore, type FileStore } from "./store";
import { MAX_UPLOAD_BYTES, type UploadedFile } from "./storage";
import { UPLOAD_LIMITS } from "@/lib/operations/uploads";
import { CASE_FILE_TYPES, checkFileName, sniffFileType, type AllowedFileType } from "./upload-types";

/** What one route accepts as its file, and the messages its users read when a file is refused. */
export interface FileSpec {
  maxBytes: number;
  types: readonly AllowedFileType[];
  /** Names the limit ("文件不能超过 50 MB"). */
  tooLargeKey: string;
  notAllowedKey: string;
  emptyKey: string;
}

const fileError = (code: "FILE_TOO_LARGE" | "FILE_EMPTY", messageKey: string) => new DomainError(code, { file: messageKey }, { messageKey });

/**
 * Streams one file into the store under a temporary key and checks it: size (stopped at the limit, nothing
 * left behind), emptiness, name, and type by content. On any refusal the temporary object is gone before the
 * error is thrown; on success the caller owns it and must `settleUpload` it.
 */
export async function receiveFile(body: Readable | ReadableStream<Uint8Array>, fileName: string, spec: FileSpec, store: FileStore = getFileStore()): Promise<UploadedFile> {
  let temp;
  try {
    temp = await store.putTemp(body, { maxBytes: spec.maxBytes });
  } catch (error) {
    if (error instanceof FileTooLargeError) throw fileError("FILE_TOO_LARGE", spec.tooLargeKey);
    throw error;
  }
  try {
    if (temp.sizeBytes === 0) throw fileError("FILE_EMPTY", spec.emptyKey);
    checkFileName(fileName);
    const type = await sniffFileType(fileName, temp.head, spec.types, spec.notAllowedKey);
    return { tempKey: temp.tempKey, fileName, mediaType: type.mediaType, sizeBytes: temp.sizeBytes, sha256: temp.sha256 };
  } catch (error) {
    await store.discard(temp.tempKey);
    throw error;
  }
}

/** Evidence, reports, vouchers and rectification material: what the case forms promise (cases.evidenceHint). */
export const CASE_FILE_SPEC: FileSpec = {
  maxBytes: MAX_UPLOAD_BYTES,
  types: CASE_FILE_TYPES,
  tooLargeKey: "errors.fileTooLarge",
  notAllowedKey: "errors.fileTypeNotAllowed",
  emptyKey: "errors.fileEmpty",
};

/** A bureau's document template (issue 15 §6): a Word .docx only, up to the limit of lib/operations/uploads.ts. */
export const TEMPLATE_FILE_SPEC: FileSpec = {
  maxBytes: UPLOAD_LIMITS.template.maxBytes,
  types: CASE_FILE_TYPES.filter((type) => type.extensions.includes(".docx")),
  tooLargeKey: UPLOAD_LIMITS.template.tooLargeKey,
  notAllowedKey: "documents.templates.notDocx",
  emptyKey: "errors.fileEmpty",
};
