import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { parseCaseInput, ZReturnRectificationInput } from "./inputs";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * RETURN_RECTIFICATION: the bureau sends the city's written report back with a note saying what is missing.
 * The case stays RECTIFYING; the city submits a new report (the returned one is kept).
 */
export async function returnRectification(db: PrismaClient, actor: Actor, raw: z.input<typeof ZReturnRectificationInput>, options: CaseOperationOptions = {}) {
  const input = parseCaseInput(ZReturnRectificationInput, raw);
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "RETURN_RECTIFICATION" },
    async (tx, found) => {
      const report = await tx.rectificationReport.findFirst({ where: { rectification: { caseId: found.id }, kind: "WRITTEN", status: "SUBMITTED" }, select: { id: true } });
      if (!report) throw new DomainError("NOT_FOUND");
      await tx.rectificationReport.update({
        where: { id: report.id },
        data: { status: "RETURNED", reviewedById: actor.userId, reviewedAt: now, reviewNote: input.note, version: { increment: 1 } },
      });
      return { reportId: report.id, status: "RETURNED" as const };
    },
    { ...options, now },
  );
}
