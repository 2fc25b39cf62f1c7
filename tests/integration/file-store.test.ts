import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/server/errors";
import { DiskFileStore } from "@/lib/server/files/store/disk";
import { FileTooLargeError, HEAD_BYTES } from "@/lib/server/files/store/meter";
import { storageKeyFor } from "@/lib/server/files/store/keys";
import { S3FileStore } from "@/lib/server/files/store/s3";
import { sweepTemporaryFiles } from "@/lib/server/files/store/sweep";
import type { FileStore } from "@/lib/server/files/store/types";
import { makeUser } from "../factories";
import { setupTestDatabase } from "./support/db";
import { startLocalS3, type LocalS3 } from "./support/s3-server";

const t = setupTestDatabase();
const MB = 1024 * 1024;

/** `size` bytes in 64 KB chunks of one random block: a large body that costs the producer no memory. */
function generated(size: number): { stream: Readable; sha256: string } {
  const block = randomBytes(64 * 1024);
  const hash = createHash("sha256");
  for (let sent = 0; sent < size; sent += block.byteLength) hash.update(block.subarray(0, Math.min(block.byteLength, size - sent)));
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const chunk = block.subarray(0, Math.min(block.byteLength, size - sent));
      sent += chunk.byteLength;
      this.push(chunk);
    },
  });
  return { stream, sha256: hash.digest("hex") };
}

const bodyOf = (text: string | Buffer) => Readable.from([Buffer.from(text)]);

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function keys(store: FileStore, area: "temp" | "stored"): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of store.list(area)) out.push(entry.key);
  return out.sort();
}

/** The peak resident memory above the starting point while `run` works, sampled every 5 ms. */
async function peakRssGrowth<T>(run: () => Promise<T>): Promise<{ value: T; growthMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const value = await run();
    return { value, growthMb: (Math.max(peak, process.memoryUsage().rss) - start) / MB };
  } finally {
    clearInterval(sampler);
  }
}

interface StoreUnderTest {
  name: string;
  open(): Promise<{ store: FileStore; close(): Promise<void> }>;
}

const stores: StoreUnderTest[] = [
  {
    name: "disk",
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), "feijian-store-"));
      return { store: new DiskFileStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: "s3 (s3rver on a loopback port)",
    async open() {
      const server: LocalS3 = await startLocalS3();
      return { store: new S3FileStore(server.config), close: () => server.stop() };
    },
  },
];

describe.each(stores)("file store contract: $name", (underTest) => {
  let store: FileStore;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, close } = await underTest.open());
    await store.ensureReady();
    await store.ensureReady();
  }, 60_000);
  afterAll(async () => {
    await close?.();
  });

  it("puts under a temporary key with the server's hash, size and first bytes; promotes; reads back; deletes", async () => {
    const content = Buffer.from("%PDF-1.4\n% 整改报告\n".repeat(1000));
    const temp = await store.putTemp(bodyOf(content), { maxBytes: MB });
    expect(temp.tempKey).toMatch(/^tmp\//);
    expect(temp.sizeBytes).toBe(content.byteLength);
    expect(temp.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    expect(temp.head.equals(content.subarray(0, HEAD_BYTES))).toBe(true);
    expect(await read(await store.openTemp(temp.tempKey))).toEqual(content);
    expect(await keys(store, "temp")).toEqual([temp.tempKey]);

    const storageKey = storageKeyFor(temp.tempKey, temp.sha256);
    await store.promote(temp.tempKey, storageKey);
    expect(await keys(store, "temp")).toEqual([]);
    expect(await keys(store, "stored")).toContain(storageKey);
    expect(await read(await store.get(storageKey))).toEqual(content);

    await store.delete(storageKey);
    expect(await keys(store, "stored")).not.toContain(storageKey);
    await expect(store.get(storageKey)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("discards a temporary object, and discarding twice is no error", async () => {
    const temp = await store.putTemp(bodyOf("abc"), { maxBytes: 10 });
    await store.discard(temp.tempKey);
    await store.discard(temp.tempKey);
    expect(await keys(store, "temp")).toEqual([]);
    await expect(store.openTemp(temp.tempKey)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stops at the limit and leaves nothing behind, also past several upload parts", async () => {
    const before = { temp: await keys(store, "temp"), stored: await keys(store, "stored") };
    await expect(store.putTemp(bodyOf("12345678901"), { maxBytes: 10 })).rejects.toBeInstanceOf(FileTooLargeError);
    const exactly = await store.putTemp(bodyOf("1234567890"), { maxBytes: 10 });
    expect(exactly.sizeBytes).toBe(10);
    await store.discard(exactly.tempKey);
    // 12 MB against an 11 MB limit: with S3, two 5 MB parts are already uploaded when the limit is hit.
    await expect(store.putTemp(generated(12 * MB).stream, { maxBytes: 11 * MB })).rejects.toBeInstanceOf(FileTooLargeError);
    expect({ temp: await keys(store, "temp"), stored: await keys(store, "stored") }).toEqual(before);
  });

  it("refuses keys that are not its own shape (no path or bucket escapes from a row)", async () => {
    await expect(store.get("../etc/passwd")).rejects.toBeInstanceOf(DomainError);
    await expect(store.openTemp("ab/../../x")).rejects.toBeInstanceOf(DomainError);
    await expect(store.promote("tmp/x", "ab/cd")).rejects.toBeInstanceOf(DomainError);
  });

  // Resident memory is a noisy measure (the runtime's own heap moves by tens of MB under load): the file is made
  // large enough that a store holding it whole would grow by at least its size, far above the limit.
  it("streams: a 150 MB file goes in and out while memory grows by less than a third of the file", async () => {
    const body = generated(150 * MB);
    const put = await peakRssGrowth(() => store.putTemp(body.stream, { maxBytes: 200 * MB }));
    try {
      expect(put.value.sha256).toBe(body.sha256);
      expect(put.value.sizeBytes).toBe(150 * MB);
      expect(put.growthMb).toBeLessThan(50);

      const got = await peakRssGrowth(async () => {
        const hash = createHash("sha256");
        for await (const chunk of await store.openTemp(put.value.tempKey)) hash.update(chunk as Buffer);
        return hash.digest("hex");
      });
      expect(got.value).toBe(body.sha256);
      expect(got.growthMb).toBeLessThan(50);
    } finally {
      await store.discard(put.value.tempKey);
    }
  }, 120_000);

  it("takes concurrent puts, each under its own key with its own hash", async () => {
    const bodies = Array.from({ length: 8 }, (_, i) => Buffer.from(`${i}:`.repeat(5000 + i)));
    const temps = await Promise.all(bodies.map((body) => store.putTemp(bodyOf(body), { maxBytes: MB })));
    expect(new Set(temps.map((temp) => temp.tempKey)).size).toBe(8);
    for (const [i, temp] of temps.entries()) {
      expect(temp.sha256).toBe(createHash("sha256").update(bodies[i]!).digest("hex"));
      expect(await read(await store.openTemp(temp.tempKey))).toEqual(bodies[i]);
    }
    await Promise.all(temps.map((temp) => store.discard(temp.tempKey)));
  });

  it("the sweeper removes stale temporary objects no row names and finishes an interrupted promotion", async () => {
    const user = await makeUser(t.db, "BUREAU_STAFF");
    const abandoned = await store.putTemp(bodyOf("abandoned"), { maxBytes: MB });
    const committed = await store.putTemp(bodyOf("committed"), { maxBytes: MB });
    const storageKey = storageKeyFor(committed.tempKey, committed.sha256);
    await t.db.fileObject.create({ data: { storageKey, sha256: committed.sha256, sizeBytes: committed.sizeBytes, mediaType: "text/plain", fileName: "c.txt", uploadedById: user.id, uploadedAt: new Date() } });

    // A fresh upload may still be on its way to its transaction: left alone.
    expect(await sweepTemporaryFiles(t.db, store)).toEqual({ removed: 0, promoted: 0 });
    const later = new Date(Date.now() + 7 * 3_600_000);
    expect(await sweepTemporaryFiles(t.db, store, { now: later })).toEqual({ removed: 1, promoted: 1 });
    expect(await keys(store, "temp")).toEqual([]);
    expect(await read(await store.get(storageKey))).toEqual(Buffer.from("committed"));
    await expect(store.openTemp(abandoned.tempKey)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
