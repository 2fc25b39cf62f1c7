import "server-only";
import { addMoney } from "@/lib/domain/money";
import type { Tx } from "@/lib/server/db/client";

export interface BreakdownLine {
  findingId: string;
  violationType: string;
  description: string;
  amount: string;
}

/**
 * The amount a confirmation notice states, per finding: the findings the record signed, as the appeals left
 * them (an amended finding at its revised amount, a withdrawn one left out). Liuzhou plan §四(三)1.
 */
export async function confirmationBreakdown(tx: Tx, caseId: string): Promise<{ lines: BreakdownLine[]; total: string }> {
  const findings = await tx.finding.findMany({
    where: { caseId, status: { not: "WITHDRAWN" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, description: true, amount: true, violationType: { select: { name: true } } },
  });
  const lines = findings.map((finding) => ({ findingId: finding.id, violationType: finding.violationType.name, description: finding.description, amount: finding.amount.toFixed(2) }));
  return { lines, total: addMoney("0.00", ...lines.map((line) => line.amount)) };
}
