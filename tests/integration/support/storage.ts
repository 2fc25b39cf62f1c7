import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import { getFileStore } from "@/lib/server/files/store";
import type { UploadedFile } from "@/lib/server/files/storage";
import { CASE_FILE_SPEC, receiveFile, type FileSpec } from "@/lib/server/files/upload";

/** Points FEIJIAN_STORAGE_DIR at a fresh folder for this test file (the disk store), removed afterwards. Call at the top level. */
export function setupTempStorage(): { readonly dir: string } {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "feijian-storage-"));
    process.env.FEIJIAN_STORAGE_DIR = dir;
    delete process.env.FEIJIAN_FILE_STORE;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
  };
}

/** A file received as a route receives it (streamed into the store, checked by content): the handle services take. */
export function uploaded(fileName: string, bytes: Uint8Array | string, spec: FileSpec = CASE_FILE_SPEC): Promise<UploadedFile> {
  return receiveFile(Readable.from([Buffer.from(bytes)]), fileName, spec);
}

/** Every object in the store, temporary and final, by key: "nothing left behind" is this list unchanged. */
export async function storeKeys(): Promise<string[]> {
  const store = getFileStore();
  const keys: string[] = [];
  for (const area of ["temp", "stored"] as const) for await (const entry of store.list(area)) keys.push(entry.key);
  return keys.sort();
}
