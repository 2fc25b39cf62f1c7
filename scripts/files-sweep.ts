/**
 * `npm run files:sweep [-- --hours N]`: removes temporary upload objects older than N hours (default 6) that no
 * row names, and finishes the promotion of those a committed row names (docs/runbook.md, "Files"). Also run at
 * every start; schedule it (cron) where the app runs for weeks without a restart.
 */
import { parseArgs } from "node:util";
import { getDb } from "../lib/server/db/client";
import { getFileStore } from "../lib/server/files/store";
import { SWEEP_AFTER_HOURS, sweepTemporaryFiles } from "../lib/server/files/store/sweep";

async function main() {
  const { values } = parseArgs({ options: { hours: { type: "string", default: String(SWEEP_AFTER_HOURS) } } });
  const db = getDb();
  try {
    const store = getFileStore();
    await store.ensureReady();
    const { removed, promoted } = await sweepTemporaryFiles(db, store, { olderThanHours: Number(values.hours) });
    console.log(`OK: file store (${store.kind}): removed ${removed} abandoned upload(s), finished ${promoted} interrupted promotion(s).`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
