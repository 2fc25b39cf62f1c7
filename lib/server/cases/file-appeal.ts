import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TFileAppealInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * FILE_APPEAL (Liuzhou plan §四(二), 申诉): within the plan's appeal window after the handover and before the
 * confirmation notice, the institution asks for a review of a disputed finding or of a duplicate deduction
 * (which may span the whole case). The finding goes UNDER_REVIEW; one open appeal per finding.
 */
export async function fileAppeal(db: PrismaClient, actor: Actor, input: TFileAppealInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "FILE_APPEAL" },
    async (tx, found) => {
      if (input.findingId !== undefined) {
        const finding = await tx.finding.findFirst({ where: { id: input.findingId, caseId: found.id, status: { not: "WITHDRAWN" } }, select: { id: true } });
        // Another case's finding, or a withdrawn one, is a field error: the case itself is the reader's own.
        if (!finding) throw new DomainError("VALIDATION", { findingId: "validation.invalidChoice" });
        const open = await tx.appeal.count({ where: { findingId: finding.id, status: "OPEN" } });
        if (open > 0) throw new DomainError("FINDING_ALREADY_APPEALED");
        await tx.finding.update({ where: { id: finding.id }, data: { status: "UNDER_REVIEW", version: { increment: 1 } } });
      }
      const appeal = await tx.appeal.create({
        data: { caseId: found.id, findingId: input.findingId ?? null, grounds: input.grounds, statement: input.statement, filedById: actor.userId, filedAt: now },
      });
      return { appealId: appeal.id, findingId: input.findingId ?? null, grounds: input.grounds };
    },
    { ...options, now },
  );
}
