import type { Readable } from "node:stream";

/** What `putTemp` learned while the bytes streamed through: nothing here needed the whole file in memory. */
export interface TempObject {
  tempKey: string;
  sizeBytes: number;
  /** Hex SHA-256 of every byte written, computed on the server (issue 4 §5: the hash is never the client's). */
  sha256: string;
  /** The first bytes (up to HEAD_BYTES), for content sniffing. */
  head: Buffer;
}

export interface StoreEntry {
  key: string;
  sizeBytes: number;
  modifiedAt: Date;
}

/**
 * Where uploaded files live: a folder on disk or an S3-compatible bucket (docs/decisions/017). Bytes are
 * written first under a temporary key, outside any transaction; the database row names the final key; the
 * caller promotes the temporary object after its transaction commits and discards it when it fails
 * (lib/server/files/upload.ts). Every read and write streams.
 */
export interface FileStore {
  readonly kind: "disk" | "s3";
  /** Creates the folder or bucket if missing. Idempotent; called at start by the sweeper. */
  ensureReady(): Promise<void>;
  /** Streams `body` to a new temporary object. Past `maxBytes` it stops reading, removes what it wrote and throws FileTooLargeError. */
  putTemp(body: Readable | ReadableStream<Uint8Array>, options: { maxBytes: number }): Promise<TempObject>;
  /** Reads a temporary object again (an import checks the file before committing it). */
  openTemp(tempKey: string): Promise<Readable>;
  /** Moves a temporary object to its final key (the key its FileObject row already names). */
  promote(tempKey: string, storageKey: string): Promise<void>;
  /** Removes a temporary object; a missing one is not an error. */
  discard(tempKey: string): Promise<void>;
  /** Streams a stored object; NOT_FOUND when it is missing. */
  get(storageKey: string): Promise<Readable>;
  delete(storageKey: string): Promise<void>;
  /** Temporary objects (`temp`) or final ones (`stored`), for the sweeper, backups and tests. */
  list(area: "temp" | "stored"): AsyncIterable<StoreEntry>;
}
