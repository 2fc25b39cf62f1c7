import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma, Tx } from "@/lib/server/db/client";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { canonicalJson, GENESIS_HASH, hashLink, type ChainedFields } from "./chain";

// One lock for the whole chain: appending reads the last link, so two writers must not interleave.
// Held until the surrounding transaction ends, which keeps `seq` order equal to chain order.
// Checkpoints take it too (checkpoint.ts), so the head and the count they sign belong together.
export const CHAIN_LOCK_KEY = 724_101;

export interface AuditInput {
  actor: Actor | null;
  /** For events without a signed-in actor (a failed login): the name that was typed. */
  actorLabel?: string;
  action: string;
  entity: string;
  entityId?: string | null;
  outcome?: "OK" | "DENIED" | "FAILED";
  before?: unknown;
  after?: unknown;
  context?: RequestContext;
  at?: Date;
}

/** JSON-safe copy: Decimals and BigInts as strings, Dates as ISO strings, secrets never included. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(canonicalJson(value)) as Prisma.InputJsonValue;
}

/** Appends one link to the audit chain. Call it inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });

  const before = toJson(input.before);
  const after = toJson(input.after);
  const fields: ChainedFields = {
    id: randomUUID(),
    at: input.at ?? new Date(),
    actorId: input.actor?.userId ?? null,
    actorLabel: input.actor?.username ?? input.actorLabel ?? null,
    organizationId: input.actor?.organizationId ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    outcome: input.outcome ?? "OK",
    before: before ?? null,
    after: after ?? null,
    requestId: input.context?.requestId ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.auditEvent.create({
    data: { ...fields, before: before, after: after, hash: hashLink(fields) },
  });
}
