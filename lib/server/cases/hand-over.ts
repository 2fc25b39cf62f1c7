import "server-only";
import { addMoney } from "@/lib/domain/money";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { computeDeadline, deadlineData } from "./deadlines";
import type { THandOverInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * HAND_OVER (Jilin plan §四(三)): the leader hands the feedback report and findings to the inspected
 * region's city bureau. In Feijian the handover is the receipt, so it sets `handoverReceivedAt` to now and
 * the progress report's due date to the 30th working day after that day in China time, from the calendar.
 * When that reaches a year whose holiday arrangement is not entered (any handover from late November), the
 * handover still goes ahead: the due date is stored pending that year, never guessed (./deadlines.ts).
 * The findings' total is frozen as `handedOverAmount`, and the rectification is opened.
 */
export async function handOver(db: PrismaClient, actor: Actor, input: THandOverInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "HAND_OVER" },
    async (tx, found) => {
      const deadline = await computeDeadline(tx, "PROGRESS_REPORT", now);
      const receiver = await tx.organization.findFirst({
        where: { kind: "CITY_BUREAU", poolingRegionId: found.inspectedRegionId, active: true },
        select: { id: true },
        orderBy: { createdAt: "asc" },
      });
      if (!receiver) throw new DomainError("NO_RECEIVING_BUREAU");
      const findings = await tx.finding.findMany({ where: { caseId: found.id, status: { not: "WITHDRAWN" } }, select: { amount: true } });
      const handedOverAmount = addMoney("0.00", ...findings.map((finding) => finding.amount.toFixed(2)));

      await tx.inspectionCase.update({
        where: { id: found.id },
        data: { handoverReceivedAt: now, ...deadlineData("PROGRESS_REPORT", deadline), handedOverAmount },
      });
      const handover = await tx.handover.create({
        data: { caseId: found.id, handedOverById: actor.userId, receivingOrganizationId: receiver.id, receivedAt: now, note: input.note ?? null },
      });
      await tx.rectification.create({ data: { caseId: found.id } });
      return {
        handover,
        handoverReceivedAt: now,
        progressReportDueOn: deadline.status === "DUE" ? deadline.dueOn : null,
        progressReportDueAwaitsYear: deadline.status === "PENDING" ? deadline.awaitsYear : null,
        handedOverAmount,
      };
    },
    { ...options, now },
  );
}
