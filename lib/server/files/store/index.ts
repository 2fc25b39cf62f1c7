import "server-only";
import { DiskFileStore } from "./disk";
import { S3FileStore } from "./s3";
import type { FileStore } from "./types";

export type { FileStore, StoreEntry, TempObject } from "./types";
export { FileTooLargeError, HEAD_BYTES } from "./meter";
export { isTempKey, storageKeyFor } from "./keys";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`FEIJIAN_FILE_STORE=s3 needs ${name} (README, Configuration).`);
  return value;
}

/** The store the environment chooses: FEIJIAN_FILE_STORE=disk (default) or s3 (README, Configuration). */
export function fileStoreFromEnv(env: NodeJS.ProcessEnv = process.env): FileStore {
  const kind = env.FEIJIAN_FILE_STORE || "disk";
  if (kind === "disk") return new DiskFileStore(env.FEIJIAN_STORAGE_DIR || "storage");
  if (kind === "s3") {
    return new S3FileStore({
      endpoint: required("FEIJIAN_S3_ENDPOINT"),
      bucket: required("FEIJIAN_S3_BUCKET"),
      region: env.FEIJIAN_S3_REGION || "us-east-1",
      accessKeyId: required("FEIJIAN_S3_ACCESS_KEY_ID"),
      secretAccessKey: required("FEIJIAN_S3_SECRET_ACCESS_KEY"),
    });
  }
  throw new Error(`FEIJIAN_FILE_STORE must be disk or s3, not "${kind}".`);
}

const STORE_VARS = ["FEIJIAN_FILE_STORE", "FEIJIAN_STORAGE_DIR", "FEIJIAN_S3_ENDPOINT", "FEIJIAN_S3_BUCKET", "FEIJIAN_S3_REGION", "FEIJIAN_S3_ACCESS_KEY_ID"] as const;
const cached = globalThis as unknown as { feijianFileStore?: { signature: string; store: FileStore } };

/** The application's store, made once per configuration (tests point FEIJIAN_STORAGE_DIR at a folder of their own). */
export function getFileStore(): FileStore {
  const signature = STORE_VARS.map((name) => process.env[name] ?? "").join("\u0000");
  if (cached.feijianFileStore?.signature !== signature) cached.feijianFileStore = { signature, store: fileStoreFromEnv() };
  return cached.feijianFileStore.store;
}
