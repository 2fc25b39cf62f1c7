import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DomainError } from "@/lib/server/errors";
import { newTempKey, requireStorageKey, requireTempKey, TEMP_PREFIX } from "./keys";
import { Meter, toNodeReadable } from "./meter";
import type { FileStore, StoreEntry, TempObject } from "./types";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "ENOENT";

/**
 * Files in a folder (FEIJIAN_STORAGE_DIR, default ./storage; never under public/: the only way out is the
 * download route). Temporary objects are in its tmp/ folder, so promotion is a rename on the same file system.
 */
export class DiskFileStore implements FileStore {
  readonly kind = "disk" as const;
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  #path(key: string): string {
    return path.join(this.root, ...key.split("/"));
  }

  async ensureReady(): Promise<void> {
    await mkdir(this.#path(TEMP_PREFIX), { recursive: true });
  }

  async putTemp(body: Readable | ReadableStream<Uint8Array>, { maxBytes }: { maxBytes: number }): Promise<TempObject> {
    const tempKey = newTempKey();
    const target = this.#path(tempKey);
    await mkdir(path.dirname(target), { recursive: true });
    const meter = new Meter(maxBytes);
    try {
      await pipeline(toNodeReadable(body), meter, createWriteStream(target, { flags: "wx" }));
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
    return { tempKey, sizeBytes: meter.sizeBytes, sha256: meter.sha256, head: meter.head };
  }

  async openTemp(tempKey: string): Promise<Readable> {
    return this.#open(requireTempKey(tempKey));
  }

  async promote(tempKey: string, storageKey: string): Promise<void> {
    const target = this.#path(requireStorageKey(storageKey));
    await mkdir(path.dirname(target), { recursive: true });
    await rename(this.#path(requireTempKey(tempKey)), target);
  }

  async discard(tempKey: string): Promise<void> {
    await rm(this.#path(requireTempKey(tempKey)), { force: true });
  }

  async get(storageKey: string): Promise<Readable> {
    return this.#open(requireStorageKey(storageKey));
  }

  async delete(storageKey: string): Promise<void> {
    await rm(this.#path(requireStorageKey(storageKey)), { force: true });
  }

  async #open(key: string): Promise<Readable> {
    try {
      // Opened first, so a missing file is NOT_FOUND here rather than an error in the middle of a response.
      const handle = await open(this.#path(key), "r");
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new DomainError("NOT_FOUND");
      throw error;
    }
  }

  async *list(area: "temp" | "stored"): AsyncIterable<StoreEntry> {
    let folders: string[];
    try {
      folders = area === "temp" ? ["tmp"] : (await readdir(this.root)).filter((name) => /^[0-9a-f]{2}$/.test(name));
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const folder of folders) {
      let names: string[];
      try {
        names = await readdir(path.join(this.root, folder));
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      for (const name of names) {
        const info = await stat(path.join(this.root, folder, name)).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
        if (info?.isFile()) yield { key: `${folder}/${name}`, sizeBytes: info.size, modifiedAt: info.mtime };
      }
    }
  }
}
