/**
 * `npm run audit:verify`: walks the audit hash chain and checks it against the signed checkpoints, in the database
 * and in the checkpoint file (docs/decisions/013). Prints OK and exits 0, or names each problem and exits 1
 * (2: could not run). Keys: FEIJIAN_AUDIT_KEY (or the embedded mode's key file), plus FEIJIAN_AUDIT_TRUSTED_KEYS.
 */
import { getDb } from "../lib/server/db/client";
import { checkpointFilePath } from "../lib/server/audit/checkpoint";
import { trustedAuditKeys } from "../lib/server/audit/keys";
import { describeFinding, verifyAuditChain } from "../lib/server/audit/verify";

async function main() {
  const db = getDb();
  try {
    const keys = trustedAuditKeys();
    const checkpointFile = checkpointFilePath();
    const report = await verifyAuditChain(db, { keys, checkpointFile });
    for (const key of keys) console.log(`Trusted key ${key.keyId}: public key ${key.hex}`);
    if (!report.ok) {
      for (const finding of report.findings) console.error(describeFinding(finding));
      console.error(`BROKEN: ${report.findings.length} problem(s) in ${report.checked} audit events (checkpoints: ${checkpointFile} and the database).`);
      return 1;
    }
    const latest = report.checkpoints.latest;
    console.log(
      `OK: ${report.checked} audit events, chain intact; ${report.checkpoints.verified} signed checkpoint(s), the newest at seq ${latest?.seq ?? "-"} (${latest?.signedAt.toISOString() ?? "-"}).`,
    );
    if (report.unanchored.events > 0) {
      console.log(`${report.unanchored.events} newer event(s), the oldest at ${report.unanchored.oldestAt?.toISOString()}, are not anchored yet (the app signs a checkpoint every few seconds while it runs).`);
    }
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
