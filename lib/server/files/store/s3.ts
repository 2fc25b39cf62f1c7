import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DomainError } from "@/lib/server/errors";
import { newTempKey, requireStorageKey, requireTempKey, TEMP_PREFIX } from "./keys";
import { FileTooLargeError, Meter, toNodeReadable } from "./meter";
import type { FileStore, StoreEntry, TempObject } from "./types";

export interface S3StoreConfig {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Parts of a multipart upload: S3's minimum; with two in flight an upload holds at most ~10 MB, whatever the file's size. */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);

/**
 * Files in a bucket of an S3-compatible server (MinIO in docker-compose.yml; any service speaking the S3 API),
 * addressed path-style (`endpoint/bucket/key`), which MinIO and most on-premises servers expect. S3 has no
 * rename: promotion copies the object server-side and deletes the temporary one.
 */
export class S3FileStore implements FileStore {
  readonly kind = "s3" as const;
  readonly bucket: string;
  readonly client: S3Client;

  constructor(config: S3StoreConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: true,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Only the checksums S3 requires: on-premises S3-compatible servers do not all know the newer default ones.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async ensureReady(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      if (!isMissing(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  async putTemp(body: Readable | ReadableStream<Uint8Array>, { maxBytes }: { maxBytes: number }): Promise<TempObject> {
    const tempKey = newTempKey();
    const meter = new Meter(maxBytes);
    const out = new PassThrough();
    const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key: tempKey, Body: out }, partSize: PART_BYTES, queueSize: PARTS_IN_FLIGHT });
    const feeding = pipeline(toNodeReadable(body), meter, out);
    try {
      await Promise.all([feeding, upload.done()]);
    } catch (error) {
      // Whichever side failed first, the other is stopped, and a half-finished upload is aborted (its parts
      // removed by the server) or, if it had already completed, deleted.
      out.destroy();
      await upload.abort().catch(() => undefined);
      await this.#deleteKey(tempKey).catch(() => undefined);
      const fed = await feeding.then(() => null, (e: unknown) => e);
      throw fed instanceof FileTooLargeError ? fed : error;
    }
    return { tempKey, sizeBytes: meter.sizeBytes, sha256: meter.sha256, head: meter.head };
  }

  async openTemp(tempKey: string): Promise<Readable> {
    return this.#get(requireTempKey(tempKey));
  }

  async promote(tempKey: string, storageKey: string): Promise<void> {
    requireTempKey(tempKey);
    requireStorageKey(storageKey);
    await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: storageKey, CopySource: `${this.bucket}/${tempKey}` }));
    await this.#deleteKey(tempKey);
  }

  async discard(tempKey: string): Promise<void> {
    await this.#deleteKey(requireTempKey(tempKey));
  }

  async get(storageKey: string): Promise<Readable> {
    return this.#get(requireStorageKey(storageKey));
  }

  async delete(storageKey: string): Promise<void> {
    await this.#deleteKey(requireStorageKey(storageKey));
  }

  async *list(area: "temp" | "stored"): AsyncIterable<StoreEntry> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: area === "temp" ? TEMP_PREFIX : undefined, ContinuationToken: token }));
      for (const item of page.Contents ?? []) {
        if (!item.Key || (area === "stored" && item.Key.startsWith(TEMP_PREFIX))) continue;
        yield { key: item.Key, sizeBytes: item.Size ?? 0, modifiedAt: item.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async #get(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return object.Body instanceof Readable ? object.Body : Readable.fromWeb(object.Body as never);
    } catch (error) {
      if (isMissing(error)) throw new DomainError("NOT_FOUND");
      throw error;
    }
  }

  async #deleteKey(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
