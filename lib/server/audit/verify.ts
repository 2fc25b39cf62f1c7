import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { GENESIS_HASH, hashLink } from "./chain";

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; seq: bigint; reason: "PREVIOUS_HASH_MISMATCH" | "HASH_MISMATCH" };

const BATCH = 2_000;

/**
 * Walks the chain in `seq` order. An edited row fails its own hash; a deleted row makes the next row's
 * `prevHash` point at a hash that is no longer the one before it.
 */
export async function verifyAuditChain(db: PrismaClient): Promise<ChainReport> {
  let previous = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      if (row.prevHash !== previous) return { ok: false, checked, seq: row.seq, reason: "PREVIOUS_HASH_MISMATCH" };
      const expected = hashLink({
        id: row.id,
        at: row.at,
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        organizationId: row.organizationId,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        outcome: row.outcome,
        before: row.before,
        after: row.after,
        requestId: row.requestId,
        prevHash: row.prevHash,
      });
      if (expected !== row.hash) return { ok: false, checked, seq: row.seq, reason: "HASH_MISMATCH" };
      previous = row.hash;
      checked += 1;
    }
    if (rows.length < BATCH) return { ok: true, checked };
    cursor = rows[rows.length - 1]!.seq;
  }
}
