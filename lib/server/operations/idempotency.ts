import "server-only";
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { canonicalJson } from "@/lib/server/audit/chain";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/master-data/common";
import type { UploadedFile } from "@/lib/server/files/storage";
import type { Outcome } from "./boundary";

/** How long an answer is kept for retries; a reservation older than the lease is taken to be abandoned. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;
const LEASE_MS = 5 * 60 * 1000;

export interface IdempotencyTicket {
  /** The stored answer of the earlier request with this key: give it again, run nothing. */
  replay?: { status: number; data: unknown };
  /** Stores the answer of a success (so a retry gets it); frees the key after a refusal (so a retry may run). */
  finish(outcome: Outcome): Promise<void>;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

function requestHash(operation: string, raw: unknown, upload: UploadedFile | undefined): string {
  const file = upload ? { fileName: upload.fileName, size: upload.sizeBytes, sha256: upload.sha256 } : null;
  return createHash("sha256").update(canonicalJson({ operation, raw, file })).digest("hex");
}

/**
 * Reserves `Idempotency-Key` for this sender before the operation runs. The same key again with the same
 * request answers what the first answered; with another request it is refused (IDEMPOTENCY_KEY_REUSED);
 * while the first still runs, IDEMPOTENCY_IN_PROGRESS.
 */
export async function beginIdempotent(
  db: PrismaClient,
  request: { actor: Actor; key: string; operation: string; raw: unknown; upload?: UploadedFile },
  now = new Date(),
): Promise<IdempotencyTicket> {
  if (!KEY.test(request.key)) throw new DomainError("VALIDATION", { idempotencyKey: "validation.idempotencyKey" });
  const principal = request.actor.token ? `token:${request.actor.token.id}` : `user:${request.actor.userId}`;
  const hash = requestHash(request.operation, request.raw, request.upload);
  const where = { principal_key: { principal, key: request.key } };
  await db.idempotencyRecord.deleteMany({ where: { principal, key: request.key, createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_RETENTION_HOURS * 3600_000) } } });

  let reserved: { id: string } | null = null;
  try {
    reserved = await db.idempotencyRecord.create({ data: { principal, key: request.key, operation: request.operation, requestHash: hash, createdAt: now }, select: { id: true } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  if (!reserved) {
    const existing = await db.idempotencyRecord.findUnique({ where });
    if (!existing) throw new DomainError("IDEMPOTENCY_IN_PROGRESS");
    if (existing.requestHash !== hash) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
    if (existing.status !== null) return { replay: { status: existing.status, data: existing.response }, finish: async () => {} };
    // The first request still runs, unless it was abandoned (a crash between reservation and answer).
    const taken = await db.idempotencyRecord.updateMany({ where: { id: existing.id, status: null, version: existing.version, updatedAt: { lt: new Date(now.getTime() - LEASE_MS) } }, data: { version: { increment: 1 } } });
    if (taken.count !== 1) throw new DomainError("IDEMPOTENCY_IN_PROGRESS");
    reserved = { id: existing.id };
  }
  const id = reserved.id;
  return {
    async finish(outcome) {
      if (outcome.ok) {
        await db.idempotencyRecord.update({ where: { id }, data: { status: outcome.status, response: JSON.parse(JSON.stringify(outcome.data ?? null)) as Prisma.InputJsonValue } });
      } else {
        await db.idempotencyRecord.delete({ where: { id } }).catch(() => undefined);
      }
    },
  };
}
