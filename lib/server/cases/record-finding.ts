import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TRecordFindingInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * RECORD_FINDING (Liuzhou plan §五(五)1): a team member records a violation with its legal basis and
 * amount, while the problem record is unsigned. The amount is a validated decimal string, stored exactly.
 */
export async function recordFinding(db: PrismaClient, actor: Actor, input: TRecordFindingInput, options: CaseOperationOptions = {}) {
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "RECORD_FINDING" },
    async (tx, found) => {
      // Checked in the transaction: a refusal here rolls the state change back with it.
      const violationType = await tx.violationType.findFirst({ where: { id: input.violationTypeId, active: true }, select: { id: true } });
      if (!violationType) throw new DomainError("VALIDATION", { violationTypeId: "validation.invalidId" });
      if (input.keyAreaId !== undefined) {
        const keyArea = await tx.keyArea.findFirst({ where: { id: input.keyAreaId, active: true }, select: { id: true } });
        if (!keyArea) throw new DomainError("VALIDATION", { keyAreaId: "validation.invalidId" });
      }
      const finding = await tx.finding.create({
        data: {
          caseId: found.id,
          violationTypeId: input.violationTypeId,
          keyAreaId: input.keyAreaId ?? null,
          legalBasis: input.legalBasis,
          description: input.description,
          amount: input.amount,
          recordedById: actor.userId,
        },
      });
      return { ...finding, amount: finding.amount.toFixed(2) };
    },
    options,
  );
}
