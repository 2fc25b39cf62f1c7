import "server-only";
import type { Readable } from "node:stream";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { getFileStore, storageKeyFor, type FileStore } from "./store";

/** The form's promise for evidence, reports, vouchers and rectification material (cases.evidenceHint). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * An uploaded file as the services see it: a handle to a temporary object in the file store, already hashed,
 * measured and checked by content (lib/server/files/upload.ts), never its bytes. `storeFile` records it; the
 * object is promoted to its final key once the recording transaction has committed (`settleUpload`).
 */
export interface UploadedFile {
  tempKey: string;
  /** The name as uploaded, shown and offered on download; never used as a path. */
  fileName: string;
  /** From the content, not from the browser. */
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** The key the FileObject row names: the object is there once `settleUpload` has promoted it. */
export function storageKeyOf(file: UploadedFile): string {
  return storageKeyFor(file.tempKey, file.sha256);
}

/**
 * Records the FileObject in the caller's transaction, under the final key. The bytes were written before the
 * transaction (under a temporary key) and move to that key only after it commits, so a rolled-back transaction
 * leaves no file behind and a committed row never lacks its file (docs/decisions/017).
 */
export async function storeFile(tx: Tx, file: UploadedFile, uploadedById: string, now = new Date()) {
  if (file.sizeBytes <= 0) throw new DomainError("FILE_EMPTY", { file: "errors.fileEmpty" });
  return tx.fileObject.create({
    data: { storageKey: storageKeyOf(file), sha256: file.sha256, sizeBytes: file.sizeBytes, mediaType: file.mediaType, fileName: file.fileName, uploadedById, uploadedAt: now },
  });
}

/**
 * After the operation that received `file` has finished: promote the temporary object when a committed row
 * names it, discard it otherwise (the operation failed, or only read the file, as an import's check does).
 * Asking the database, rather than trusting the caller, keeps the two in step whatever the operation did.
 */
export async function settleUpload(db: PrismaClient, file: UploadedFile, store: FileStore = getFileStore()): Promise<"promoted" | "discarded"> {
  const storageKey = storageKeyOf(file);
  const row = await db.fileObject.findUnique({ where: { storageKey }, select: { id: true } });
  if (row) {
    await store.promote(file.tempKey, storageKey);
    return "promoted";
  }
  await store.discard(file.tempKey);
  return "discarded";
}

/** A stored file, streamed from the store. */
export function openStoredFile(storageKey: string, store: FileStore = getFileStore()): Promise<Readable> {
  return store.get(storageKey);
}
