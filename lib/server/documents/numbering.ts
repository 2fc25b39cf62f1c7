import "server-only";
import type { DocumentKind } from "@/lib/documents/kinds";
import type { Tx } from "@/lib/server/db/client";

/**
 * The next 文号 sequence of an issuing organization for a kind and year, in the caller's transaction. The upsert
 * takes the counter row's lock until that transaction ends, so concurrent allocations queue: each gets the next
 * number, and a rolled-back document gives its number back (no gaps, no duplicates).
 */
export async function allocateDocumentSequence(tx: Tx, organizationId: string, kind: DocumentKind, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ lastSequence: number }[]>`
    INSERT INTO "DocumentNumberCounter" ("organizationId", "kind", "year", "lastSequence")
    VALUES (${organizationId}::uuid, ${kind}::"DocumentKind", ${year}, 1)
    ON CONFLICT ("organizationId", "kind", "year") DO UPDATE SET "lastSequence" = "DocumentNumberCounter"."lastSequence" + 1
    RETURNING "lastSequence"`;
  const sequence = rows[0]?.lastSequence;
  if (sequence === undefined) throw new Error("The document counter returned no row");
  return sequence;
}
