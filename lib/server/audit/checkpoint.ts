import "server-only";
import { randomUUID, sign, verify } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/server/db/client";
import type { AuditPublicKey, AuditSigningKey } from "./keys";
import { CHAIN_LOCK_KEY } from "./record";

/**
 * Signed checkpoints anchor the audit chain outside its own table (docs/decisions/016). The hash chain shows an
 * edited or deleted row in the middle, but not the newest rows deleted or the tail rewritten with fresh hashes:
 * for that, a checkpoint says "up to `seq` the log held `eventCount` events and its head hash was `headHash`",
 * signed with a key the database does not hold. Each is stored in AuditCheckpoint and appended to a file on the
 * app server (and logged), so removing checkpoints from the database does not remove the evidence.
 */
export interface Checkpoint {
  id: string;
  seq: bigint;
  headHash: string;
  eventCount: bigint;
  signedAt: Date;
  keyId: string;
  signature: string;
}

/** How often the running app checks whether the log grew, and anchors it if so (docs/decisions/016). */
export const CHECKPOINT_INTERVAL_MS = 10_000;

/** Exactly the bytes that are signed: versioned, one field per line, nothing a JSON serialiser could reorder. */
export function checkpointPayload(c: Omit<Checkpoint, "id" | "signature">): Buffer {
  return Buffer.from(
    ["feijian-audit-checkpoint-v1", `seq=${c.seq}`, `head=${c.headHash}`, `count=${c.eventCount}`, `at=${c.signedAt.toISOString()}`, `key=${c.keyId}`].join("\n"),
    "utf8",
  );
}

export function signCheckpoint(key: AuditSigningKey, fields: Omit<Checkpoint, "signature" | "keyId">): Checkpoint {
  const unsigned = { ...fields, keyId: key.keyId };
  return { ...unsigned, signature: sign(null, checkpointPayload(unsigned), key.privateKey).toString("base64") };
}

export type SignatureCheck = "OK" | "UNKNOWN_KEY" | "BAD_SIGNATURE";

export function checkSignature(checkpoint: Checkpoint, keys: ReadonlyMap<string, AuditPublicKey>): SignatureCheck {
  const key = keys.get(checkpoint.keyId);
  if (!key) return "UNKNOWN_KEY";
  try {
    return verify(null, checkpointPayload(checkpoint), key.key, Buffer.from(checkpoint.signature, "base64")) ? "OK" : "BAD_SIGNATURE";
  } catch {
    return "BAD_SIGNATURE";
  }
}

/** Where checkpoints are appended: FEIJIAN_AUDIT_CHECKPOINT_FILE, or `audit/checkpoints.jsonl` in the file store. */
export function checkpointFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.FEIJIAN_AUDIT_CHECKPOINT_FILE || path.join(env.FEIJIAN_STORAGE_DIR || "storage", "audit", "checkpoints.jsonl"));
}

function toLine(c: Checkpoint): string {
  return `${JSON.stringify({ id: c.id, seq: c.seq.toString(), headHash: c.headHash, eventCount: c.eventCount.toString(), signedAt: c.signedAt.toISOString(), keyId: c.keyId, signature: c.signature })}\n`;
}

function fromLine(line: string): Checkpoint | null {
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    if (typeof v.id !== "string" || typeof v.seq !== "string" || typeof v.headHash !== "string" || typeof v.eventCount !== "string") return null;
    if (typeof v.signedAt !== "string" || typeof v.keyId !== "string" || typeof v.signature !== "string") return null;
    const signedAt = new Date(v.signedAt);
    if (Number.isNaN(signedAt.getTime())) return null;
    return { id: v.id, seq: BigInt(v.seq), headHash: v.headHash, eventCount: BigInt(v.eventCount), signedAt, keyId: v.keyId, signature: v.signature };
  } catch {
    return null;
  }
}

/** The checkpoints in the file, and the numbers of lines that are not checkpoints. A missing file holds none. */
export async function readCheckpointFile(file: string): Promise<{ checkpoints: Checkpoint[]; unreadableLines: number[]; found: boolean }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { checkpoints: [], unreadableLines: [], found: false };
    throw error;
  }
  const checkpoints: Checkpoint[] = [];
  const unreadableLines: number[] = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    const checkpoint = fromLine(line);
    if (checkpoint) checkpoints.push(checkpoint);
    else unreadableLines.push(index + 1);
  });
  return { checkpoints, unreadableLines, found: true };
}

/**
 * Signs the current head of the chain, unless this key already signed it. Holds the chain's lock while it reads
 * the head and counts, so no append can fall between the two. The file line is written after the commit: a
 * checkpoint in the file is always one the database had.
 */
export async function writeAuditCheckpoint(
  db: PrismaClient,
  key: AuditSigningKey,
  options: { file?: string | null; now?: Date } = {},
): Promise<Checkpoint | null> {
  const checkpoint = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
    const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    if (!head) return null;
    if (await tx.auditCheckpoint.findFirst({ where: { seq: head.seq, keyId: key.keyId }, select: { id: true } })) return null;
    const eventCount = BigInt(await tx.auditEvent.count());
    const signed = signCheckpoint(key, { id: randomUUID(), seq: head.seq, headHash: head.hash, eventCount, signedAt: options.now ?? new Date() });
    await tx.auditCheckpoint.create({ data: signed });
    return signed;
  });
  if (checkpoint && options.file) {
    await mkdir(path.dirname(options.file), { recursive: true });
    await appendFile(options.file, toLine(checkpoint), { mode: 0o600 });
  }
  return checkpoint;
}

/**
 * The app's checkpointer (started by scripts/launch.ts beside Next.js): anchors the head every
 * CHECKPOINT_INTERVAL_MS when the log has grown. Each checkpoint is also one JSON line on stdout, a third copy
 * wherever the logs are collected. Failures are logged and retried at the next tick, never fatal.
 */
export function startAuditCheckpointer(options: {
  db: PrismaClient;
  key: AuditSigningKey;
  file: string | null;
  intervalMs?: number;
  log?: (line: string) => void;
}): { stop: () => Promise<void> } {
  const log = options.log ?? ((line: string) => console.log(line));
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const c = await writeAuditCheckpoint(options.db, options.key, { file: options.file });
        if (c) log(JSON.stringify({ time: c.signedAt.toISOString(), level: "info", event: "audit.checkpoint", seq: c.seq.toString(), eventCount: c.eventCount.toString(), headHash: c.headHash, keyId: c.keyId, signature: c.signature }));
      } catch (error) {
        log(JSON.stringify({ time: new Date().toISOString(), level: "error", event: "audit.checkpoint.failed", error: error instanceof Error ? error.message : String(error) }));
      }
    });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? CHECKPOINT_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      stopped = true;
      await running;
      // One last checkpoint on the way out, so a clean shutdown leaves nothing unanchored.
      try {
        await writeAuditCheckpoint(options.db, options.key, { file: options.file });
      } catch {
        // the database may already be gone (embedded mode stops it right after); the next start anchors it
      }
    },
  };
}
