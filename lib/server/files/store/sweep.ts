import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { uploadIdOf } from "./keys";
import type { FileStore } from "./types";

/** Uploads take seconds; a temporary object this old belongs to no request still running. */
export const SWEEP_AFTER_HOURS = 6;

/**
 * Maintenance, not a user's read (no actor, no scope): temporary objects older than `olderThanHours` are either
 * an upload whose transaction failed without its cleanup running (a crash), removed; or one whose transaction
 * committed but whose promotion was interrupted (its FileObject row names the final key), promoted now.
 * Run at every start (scripts/launch.ts) and from cron with `npm run files:sweep` (docs/runbook.md).
 */
export async function sweepTemporaryFiles(db: PrismaClient, store: FileStore, options: { olderThanHours?: number; now?: Date } = {}) {
  const cutoff = (options.now ?? new Date()).getTime() - (options.olderThanHours ?? SWEEP_AFTER_HOURS) * 3_600_000;
  let removed = 0;
  let promoted = 0;
  const stale: string[] = [];
  for await (const entry of store.list("temp")) if (entry.modifiedAt.getTime() <= cutoff) stale.push(entry.key);
  for (const key of stale) {
    const uploadId = uploadIdOf(key);
    // Not something putTemp wrote: left for a person to look at.
    if (!uploadId) continue;
    const row = await db.fileObject.findFirst({ where: { storageKey: { endsWith: `-${uploadId}` } }, select: { storageKey: true } });
    if (row) {
      await store.promote(key, row.storageKey);
      promoted += 1;
    } else {
      await store.discard(key);
      removed += 1;
    }
  }
  return { removed, promoted };
}
