import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";

/**
 * Uploaded files live under FEIJIAN_STORAGE_DIR (default ./storage), never under public/: the only way
 * out is the download route, which checks the reader's scope first.
 */
export function storageRoot(): string {
  return path.resolve(process.env.FEIJIAN_STORAGE_DIR || "storage");
}

/** What may be uploaded as evidence and reports: photos, recordings, scans and office documents. */
export const ALLOWED_MEDIA_TYPES: Record<string, readonly string[]> = {
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
  "application/pdf": [".pdf"],
  "audio/mpeg": [".mp3"],
  "audio/wav": [".wav"],
  "video/mp4": [".mp4"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
};

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface UploadedFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** Checks what the client says about a file against what it is; the client's word alone is never enough. */
export function checkUpload(file: UploadedFile, allowed: Record<string, readonly string[]> = ALLOWED_MEDIA_TYPES): void {
  const extensions = allowed[file.mediaType];
  const extension = path.extname(file.fileName).toLowerCase();
  if (!extensions || !extensions.includes(extension)) throw new DomainError("FILE_TYPE_NOT_ALLOWED", { file: "errors.fileTypeNotAllowed" });
  if (file.bytes.byteLength === 0) throw new DomainError("FILE_EMPTY", { file: "errors.fileEmpty" });
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) throw new DomainError("FILE_TOO_LARGE", { file: "errors.fileTooLarge" });
  if (file.fileName.length > 200 || /[\\/\u0000-\u001f]/.test(file.fileName)) throw new DomainError("VALIDATION", { file: "validation.fileName" });
}

/**
 * Writes the bytes (hashed here, on the server) and records the FileObject in the caller's transaction.
 * The file is written before the row: a rolled-back transaction can leave an unreferenced file behind
 * (harmless, and a sweep can remove it), never a row without its file.
 */
export async function storeFile(tx: Tx, file: UploadedFile, uploadedById: string, now = new Date(), allowed: Record<string, readonly string[]> = ALLOWED_MEDIA_TYPES) {
  checkUpload(file, allowed);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256}-${randomUUID()}`;
  const target = path.join(storageRoot(), storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  await writeFile(partial, file.bytes, { flag: "wx" });
  await rename(partial, target);
  return tx.fileObject.create({
    data: { storageKey, sha256, sizeBytes: file.bytes.byteLength, mediaType: file.mediaType, fileName: file.fileName, uploadedById, uploadedAt: now },
  });
}

export async function readStoredFile(storageKey: string): Promise<Buffer> {
  const root = storageRoot();
  const target = path.resolve(root, storageKey);
  if (!target.startsWith(root + path.sep)) throw new DomainError("NOT_FOUND");
  return readFile(target);
}
