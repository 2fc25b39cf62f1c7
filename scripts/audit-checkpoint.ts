/**
 * `npm run audit:checkpoint`: signs a checkpoint of the audit log's head now (docs/decisions/013). The running app
 * does this by itself every few seconds; this is for a key rotation (the new key anchors everything at once), after
 * a seed or import run without the app, and before handing a database copy to an auditor.
 */
import { getDb } from "../lib/server/db/client";
import { checkpointFilePath, writeAuditCheckpoint } from "../lib/server/audit/checkpoint";
import { auditSigningKey } from "../lib/server/audit/keys";

async function main() {
  const key = auditSigningKey();
  if (!key) {
    console.error("FEIJIAN_AUDIT_KEY is not set (and there is no key in the data folder): nothing to sign with.");
    return 2;
  }
  const db = getDb();
  try {
    const checkpoint = await writeAuditCheckpoint(db, key, { file: checkpointFilePath() });
    console.log(
      checkpoint
        ? `Signed checkpoint at seq ${checkpoint.seq} (${checkpoint.eventCount} events) with key ${key.keyId}.`
        : `Nothing new to sign: key ${key.keyId} already signed the head (or the log is empty).`,
    );
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
