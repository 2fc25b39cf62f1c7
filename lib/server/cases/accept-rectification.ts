import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { parseCaseInput, ZAcceptRectificationInput } from "./inputs";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** ACCEPT_RECTIFICATION: the bureau accepts the city's written report awaiting review; the case is RECTIFIED. */
export async function acceptRectification(db: PrismaClient, actor: Actor, raw: z.input<typeof ZAcceptRectificationInput>, options: CaseOperationOptions = {}) {
  const input = parseCaseInput(ZAcceptRectificationInput, raw);
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "ACCEPT_RECTIFICATION" },
    async (tx, found) => {
      const report = await tx.rectificationReport.findFirst({ where: { rectification: { caseId: found.id }, kind: "WRITTEN", status: "SUBMITTED" }, select: { id: true } });
      if (!report) throw new DomainError("NOT_FOUND");
      await tx.rectificationReport.update({
        where: { id: report.id },
        data: { status: "ACCEPTED", reviewedById: actor.userId, reviewedAt: now, reviewNote: input.note || null, version: { increment: 1 } },
      });
      return { reportId: report.id, status: "ACCEPTED" as const };
    },
    { ...options, now },
  );
}
