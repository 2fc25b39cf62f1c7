import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { GENESIS_HASH, hashLink } from "./chain";
import { checkSignature, readCheckpointFile, type Checkpoint } from "./checkpoint";
import type { AuditPublicKey } from "./keys";

/** What verification found wrong; each names where. */
export type Finding =
  /** The row was changed after it was written (its own hash no longer matches). */
  | { kind: "HASH_MISMATCH"; seq: bigint }
  /** The row before it was changed or deleted (its `prevHash` points at something else). */
  | { kind: "PREVIOUS_HASH_MISMATCH"; seq: bigint }
  /** A checkpoint covers events past the end of the log: the newest events were deleted. */
  | { kind: "TAIL_DELETED"; checkpoint: Checkpoint; lastSeq: bigint | null; eventCount: bigint }
  /** The event a checkpoint signed is still there but hashes differently: rewritten, with the chain redone. */
  | { kind: "HEAD_REWRITTEN"; checkpoint: Checkpoint; hash: string }
  /** The event a checkpoint signed is gone, though later ones remain. */
  | { kind: "CHECKPOINTED_EVENT_MISSING"; checkpoint: Checkpoint }
  /** Up to a checkpoint, the log holds another number of events than was signed. */
  | { kind: "COUNT_MISMATCH"; checkpoint: Checkpoint; found: bigint }
  | { kind: "BAD_SIGNATURE"; checkpoint: Checkpoint }
  | { kind: "UNKNOWN_KEY"; checkpoint: Checkpoint }
  /** A checkpoint in the file is missing from the database. */
  | { kind: "CHECKPOINT_DELETED"; checkpoint: Checkpoint }
  | { kind: "CHECKPOINT_FILE_UNREADABLE"; lines: number[] }
  /** Events exist but no checkpoint signed by a trusted key does: the tail cannot be checked. */
  | { kind: "NOT_ANCHORED"; events: number }
  /** No key to check checkpoints with. */
  | { kind: "NO_KEY" };

export interface ChainReport {
  ok: boolean;
  /** Events walked. */
  checked: number;
  lastSeq: bigint | null;
  /** Checkpoints whose signature verified, and the newest of them. */
  checkpoints: { verified: number; latest: Checkpoint | null };
  /** Events newer than the newest verified checkpoint: intact as a chain, not yet anchored. */
  unanchored: { events: number; oldestAt: Date | null };
  findings: Finding[];
}

export interface VerifyOptions {
  /** Public keys whose checkpoints are trusted (lib/server/audit/keys.ts: trustedAuditKeys()). */
  keys: readonly AuditPublicKey[];
  /** The checkpoint file to compare with the table; null: the table only. */
  checkpointFile?: string | null;
}

const BATCH = 2_000;
/** Enough to say where it went wrong; a rewritten table would otherwise print a line per row. */
const MAX_CHAIN_FINDINGS = 20;

function toCheckpoint(row: Checkpoint): Checkpoint {
  return { id: row.id, seq: row.seq, headHash: row.headHash, eventCount: row.eventCount, signedAt: row.signedAt, keyId: row.keyId, signature: row.signature };
}

/**
 * Walks the chain in `seq` order and checks it against the signed checkpoints (from the table and the file).
 * An edited row fails its own hash; a deleted row breaks the next row's `prevHash`; deleted newest rows, or a
 * tail rewritten with recomputed hashes, contradict a checkpoint (docs/decisions/016).
 */
export async function verifyAuditChain(db: PrismaClient, options: VerifyOptions): Promise<ChainReport> {
  const findings: Finding[] = [];
  const keys = new Map(options.keys.map((k) => [k.keyId, k]));
  if (keys.size === 0) findings.push({ kind: "NO_KEY" });

  const stored = (await db.auditCheckpoint.findMany({ orderBy: { seq: "asc" } })).map(toCheckpoint);
  const all = new Map(stored.map((c) => [c.id, c]));
  if (options.checkpointFile) {
    const file = await readCheckpointFile(options.checkpointFile);
    if (file.unreadableLines.length > 0) findings.push({ kind: "CHECKPOINT_FILE_UNREADABLE", lines: file.unreadableLines });
    for (const c of file.checkpoints) {
      if (all.has(c.id)) continue;
      all.set(c.id, c);
      if (keys.size > 0 && checkSignature(c, keys) === "OK") findings.push({ kind: "CHECKPOINT_DELETED", checkpoint: c });
    }
  }
  const anchors: Checkpoint[] = [];
  for (const c of all.values()) {
    const check = keys.size > 0 ? checkSignature(c, keys) : "UNKNOWN_KEY";
    if (check === "OK") anchors.push(c);
    else if (keys.size > 0) findings.push({ kind: check, checkpoint: c });
  }
  anchors.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));

  let previous = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  let chainFindings = 0;
  let next = 0; // the first anchor not yet reached
  const latest = anchors.at(-1) ?? null;
  let unanchored = 0;
  let oldestUnanchoredAt: Date | null = null;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: cursor === undefined ? {} : { seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const row of rows) {
      // Anchors whose event should have come before this one, but did not.
      while (next < anchors.length && anchors[next]!.seq < row.seq) findings.push({ kind: "CHECKPOINTED_EVENT_MISSING", checkpoint: anchors[next++]! });
      const expected = hashLink({
        id: row.id, at: row.at, actorId: row.actorId, actorLabel: row.actorLabel, organizationId: row.organizationId, action: row.action,
        entity: row.entity, entityId: row.entityId, outcome: row.outcome, before: row.before, after: row.after, requestId: row.requestId, prevHash: row.prevHash,
      });
      if (chainFindings < MAX_CHAIN_FINDINGS) {
        if (row.prevHash !== previous) {
          findings.push({ kind: "PREVIOUS_HASH_MISMATCH", seq: row.seq });
          chainFindings += 1;
        } else if (expected !== row.hash) {
          findings.push({ kind: "HASH_MISMATCH", seq: row.seq });
          chainFindings += 1;
        }
      }
      previous = row.hash;
      checked += 1;
      while (next < anchors.length && anchors[next]!.seq === row.seq) {
        const anchor = anchors[next++]!;
        if (anchor.headHash !== row.hash) findings.push({ kind: "HEAD_REWRITTEN", checkpoint: anchor, hash: row.hash });
        else if (anchor.eventCount !== BigInt(checked)) findings.push({ kind: "COUNT_MISMATCH", checkpoint: anchor, found: BigInt(checked) });
      }
      if (!latest || row.seq > latest.seq) {
        unanchored += 1;
        oldestUnanchoredAt ??= row.at;
      }
    }
    if (rows.length > 0) cursor = rows[rows.length - 1]!.seq;
    if (rows.length < BATCH) break;
  }
  for (; next < anchors.length; next += 1) findings.push({ kind: "TAIL_DELETED", checkpoint: anchors[next]!, lastSeq: cursor ?? null, eventCount: BigInt(checked) });
  if (anchors.length === 0 && checked > 0 && keys.size > 0) findings.push({ kind: "NOT_ANCHORED", events: checked });

  return {
    ok: findings.length === 0,
    checked,
    lastSeq: cursor ?? null,
    checkpoints: { verified: anchors.length, latest },
    unanchored: { events: unanchored, oldestAt: oldestUnanchoredAt },
    findings,
  };
}

const short = (hash: string) => hash.slice(0, 12);
const when = (c: Checkpoint) => `checkpoint of ${c.signedAt.toISOString()} (seq ${c.seq}, ${c.eventCount} events, key ${c.keyId})`;

/** One line per finding, for `npm run audit:verify` and the runbook. */
export function describeFinding(f: Finding): string {
  switch (f.kind) {
    case "HASH_MISMATCH":
      return `EDITED at seq ${f.seq}: the row was changed after it was written.`;
    case "PREVIOUS_HASH_MISMATCH":
      return `BROKEN LINK at seq ${f.seq}: the row before it was changed or deleted.`;
    case "TAIL_DELETED":
      return `TAIL DELETED: the ${when(f.checkpoint)} covers events up to seq ${f.checkpoint.seq}, but the log ends at ${f.lastSeq === null ? "no event at all" : `seq ${f.lastSeq}`} with ${f.eventCount} events: the newest events were deleted.`;
    case "HEAD_REWRITTEN":
      return `REWRITTEN at seq ${f.checkpoint.seq}: the ${when(f.checkpoint)} signed head hash ${short(f.checkpoint.headHash)}…, the row now hashes to ${short(f.hash)}…: the log was rewritten up to there.`;
    case "CHECKPOINTED_EVENT_MISSING":
      return `DELETED at seq ${f.checkpoint.seq}: the ${when(f.checkpoint)} signed this event, and it is gone.`;
    case "COUNT_MISMATCH":
      return `COUNT at seq ${f.checkpoint.seq}: the ${when(f.checkpoint)} counted ${f.checkpoint.eventCount} events up to it, the log holds ${f.found}: events were deleted or inserted before it.`;
    case "BAD_SIGNATURE":
      return `FORGED CHECKPOINT ${f.checkpoint.id}: its signature does not verify with key ${f.checkpoint.keyId} (seq ${f.checkpoint.seq}).`;
    case "UNKNOWN_KEY":
      return `UNKNOWN KEY ${f.checkpoint.keyId} signed checkpoint ${f.checkpoint.id} (seq ${f.checkpoint.seq}): if that is a retired key of yours, add its public key to FEIJIAN_AUDIT_TRUSTED_KEYS; otherwise it is forged.`;
    case "CHECKPOINT_DELETED":
      return `CHECKPOINT DELETED: the ${when(f.checkpoint)} is in the checkpoint file but no longer in the database.`;
    case "CHECKPOINT_FILE_UNREADABLE":
      return `CHECKPOINT FILE: line(s) ${f.lines.slice(0, 10).join(", ")}${f.lines.length > 10 ? " …" : ""} are not checkpoints (the file was edited).`;
    case "NOT_ANCHORED":
      return `NOT ANCHORED: ${f.events} events and no signed checkpoint: deleted newest events could not be noticed. Start the app (it signs one at once) or run \`npm run audit:checkpoint\`.`;
    case "NO_KEY":
      return "NO KEY: neither FEIJIAN_AUDIT_KEY nor FEIJIAN_AUDIT_TRUSTED_KEYS is set (nor a key in the data folder): the checkpoints cannot be checked.";
  }
}
