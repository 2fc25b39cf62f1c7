import "server-only";
import type { Tx } from "@/lib/server/db/client";

/**
 * Whether the team has signed the case's on-site problem record: until then its findings and evidence are the
 * team's draft (lib/domain/case/file-visibility.ts, canReadTeamRecord). The caller has already checked scope.
 */
export async function isRecordSignedByTeam(db: Tx, caseId: string): Promise<boolean> {
  const signature = await db.problemRecordSignature.findFirst({ where: { side: "TEAM", record: { caseId } }, select: { id: true } });
  return signature !== null;
}

/** Whether the evidence stored as this file was withdrawn by the team (issue 12 §9). */
export async function isEvidenceWithdrawn(db: Tx, fileId: string): Promise<boolean> {
  const withdrawal = await db.evidenceWithdrawal.findFirst({ where: { evidence: { fileId } }, select: { id: true } });
  return withdrawal !== null;
}
