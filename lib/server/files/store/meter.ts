import { createHash } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";

/** Enough for every signature file-type knows, including an OOXML file's first zip entries. */
export const HEAD_BYTES = 64 * 1024;

/** The body went past the limit: the store stopped reading and removed what it had written. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file exceeds ${maxBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

/**
 * Passes bytes through while counting them, hashing them and keeping the first HEAD_BYTES; fails the stream
 * as soon as the count passes `maxBytes`, so an oversized upload is never read to its end.
 */
export class Meter extends Transform {
  #hash = createHash("sha256");
  #head: Buffer[] = [];
  #headLength = 0;
  sizeBytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sizeBytes += chunk.byteLength;
    if (this.sizeBytes > this.maxBytes) {
      callback(new FileTooLargeError(this.maxBytes));
      return;
    }
    this.#hash.update(chunk);
    if (this.#headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.#headLength);
      // A copy: the chunk's memory belongs to the source and may be reused.
      this.#head.push(Buffer.from(part));
      this.#headLength += part.byteLength;
    }
    callback(null, chunk);
  }

  get sha256(): string {
    return this.#hash.copy().digest("hex");
  }

  get head(): Buffer {
    return Buffer.concat(this.#head);
  }
}

export function toNodeReadable(body: Readable | ReadableStream<Uint8Array>): Readable {
  return body instanceof Readable ? body : Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
}
