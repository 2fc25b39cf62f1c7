import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TWithdrawEvidenceInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * WITHDRAW_EVIDENCE (issue 12 §9): a member of the team withdraws a piece of evidence while the problem record is
 * unsigned, with the reason. Nothing is deleted: the evidence and its file stay in the case file, marked withdrawn
 * (who, when, why), and are no longer part of the record the institution and the city read.
 */
export async function withdrawEvidence(db: PrismaClient, actor: Actor, input: TWithdrawEvidenceInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "WITHDRAW_EVIDENCE" },
    async (tx, found) => {
      const evidence = await tx.evidence.findFirst({ where: { id: input.evidenceId, caseId: found.id }, select: { id: true, withdrawal: { select: { id: true } } } });
      if (!evidence) throw new DomainError("VALIDATION", { evidenceId: "validation.invalidId" });
      if (evidence.withdrawal) throw new DomainError("VALIDATION", { evidenceId: "caseRecord.evidenceWithdrawn" });
      const withdrawal = await tx.evidenceWithdrawal.create({ data: { evidenceId: evidence.id, reason: input.reason, withdrawnById: actor.userId, withdrawnAt: now } });
      return { evidenceId: evidence.id, withdrawalId: withdrawal.id, reason: input.reason };
    },
    { ...options, now },
  );
}
