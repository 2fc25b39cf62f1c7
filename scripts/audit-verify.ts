/** `npm run audit:verify`: walks the audit hash chain and reports the first broken link (exit 1), or OK. */
import { getDb } from "../lib/server/db/client";
import { verifyAuditChain } from "../lib/server/audit/verify";

async function main() {
  const db = getDb();
  try {
    const report = await verifyAuditChain(db);
    if (report.ok) {
      console.log(`OK: ${report.checked} audit events, chain intact.`);
      return 0;
    }
    console.error(`BROKEN at seq ${report.seq}: ${report.reason === "HASH_MISMATCH" ? "the row was changed after it was written" : "the row before it was changed or deleted"} (${report.checked} events verified before it).`);
    return 1;
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
